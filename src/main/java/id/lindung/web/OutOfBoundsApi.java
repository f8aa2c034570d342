package id.lindung.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.shared.Bounds;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.OutOfBoundsRecords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' check for stored values outside {@link Bounds} (records poisoned by earlier versions or written
 * directly into the database): every module's findings, for review and correction.
 */
@RestController
@Tag(name = "Administrasi", description = "Checks for administrators")
@SecurityRequirement(name = "basicAuth")
class OutOfBoundsApi {

    /** Findings listed per module at most. */
    static final int LIMIT = 1000;

    private final List<OutOfBoundsRecords> modules;
    private final Bounds bounds;
    private final CurrentUser currentUser;

    OutOfBoundsApi(List<OutOfBoundsRecords> modules, Bounds bounds, CurrentUser currentUser) {
        this.modules = modules;
        this.bounds = bounds;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/admin/out-of-bounds")
    @Operation(
            summary = "Stored payments, wages and incomes and claim amounts outside the plausible bounds "
                    + "(province administrators), at most 1,000 per module")
    List<OutOfBoundsRecords.Finding> outOfBounds() {
        LindungUser me = currentUser.require();
        if (me.role() != Role.ADMIN || me.scope().code().length() > 2) {
            throw new ForbiddenException("bounds.check.admin", me.role().name());
        }
        List<OutOfBoundsRecords.Finding> findings = new ArrayList<>();
        for (OutOfBoundsRecords module : modules) {
            findings.addAll(module.outOfBounds(bounds, LIMIT));
        }
        return findings;
    }
}
