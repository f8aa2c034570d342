package id.lindung.web;

import id.lindung.access.CurrentUser;
import id.lindung.shared.Indonesian;
import id.lindung.shared.progress.OperationProgress;
import id.lindung.shared.progress.Progress;
import id.lindung.shared.web.PageMessages;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How far the signed-in user's operation is, as JSON, for {@code upload-progress.js} to poll while the form's request
 * runs: 404 for an id not (or no longer) known and for another user's, alike.
 */
@RestController
class ProgressController {

    private final OperationProgress operations;
    private final CurrentUser currentUser;
    private final PageMessages messages;

    ProgressController(OperationProgress operations, CurrentUser currentUser, PageMessages messages) {
        this.operations = operations;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** The state and its text in the page's language ("Langkah 2 dari 4: menagih kepesertaan 1.200 dari 5.000"). */
    record ProgressView(String phase, int step, int steps, long done, long total, boolean finished, String text) {}

    @GetMapping("/ui/progress/{operation}")
    ResponseEntity<ProgressView> progress(@PathVariable String operation) {
        return operations
                .state(currentUser.require().username(), operation)
                .map(s ->
                        ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view(s)))
                .orElseGet(() -> ResponseEntity.notFound()
                        .cacheControl(CacheControl.noStore())
                        .build());
    }

    private ProgressView view(Progress.State s) {
        long percent = s.total() > 0 ? Math.min(100, 100 * s.done() / s.total()) : 0;
        String phase = messages.message(
                "progress.phase." + s.phase(), Indonesian.number(s.done()), Indonesian.number(s.total()), percent);
        String text = s.finished()
                ? messages.message("progress.finished")
                : s.steps() > 1 ? messages.message("progress.step", s.step(), s.steps(), phase) : phase;
        return new ProgressView(s.phase(), s.step(), s.steps(), s.done(), s.total(), s.finished(), text);
    }
}
