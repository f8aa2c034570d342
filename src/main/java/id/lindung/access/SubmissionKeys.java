package id.lindung.access;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Idempotency keys of the drafts a device keeps while the network is down (issue 18): the device makes one key per
 * draft, and the first submission of the key stores, for that user, where its result lives. Sending the draft again
 * does nothing more and answers the same result; the same key from another user, or for another kind of draft, is
 * refused. See docs/decisions.md, "Drafts on the agent's device".
 */
public interface SubmissionKeys {

    /**
     * {@code work}'s result (a path in the application) done once under {@code key}: now, in one transaction with the
     * key's row (work that throws leaves no row, so the draft may be sent again), or the stored result when
     * {@code by} sent this key for this {@code kind} before. Refuses (403, {@code draft.key.foreign}) a key another
     * user or another kind of draft has used.
     */
    Submission once(UUID key, String kind, LindungUser by, Supplier<String> work);

    /** A key's result, and whether it was stored by an earlier submission (a replay) rather than done now. */
    record Submission(String result, boolean replayed) {}
}
