package id.lindung.access.internal;

import id.lindung.access.LindungUser;
import id.lindung.access.SubmissionKeys;
import id.lindung.shared.ForbiddenException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keys in the {@code submission_key} table. The key's row is inserted first: a second submission of the same key
 * meanwhile waits on that row until the first commits (then it reads the result) or rolls back (then it does the
 * work itself), so two submissions never both do the work.
 */
@Service
class JdbcSubmissionKeys implements SubmissionKeys {

    private final JdbcClient jdbc;

    JdbcSubmissionKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Submission once(UUID key, String kind, LindungUser by, Supplier<String> work) {
        int inserted = jdbc.sql("INSERT INTO submission_key (key, actor, kind) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(key, by.username(), kind)
                .update();
        if (inserted == 0) {
            Stored stored = jdbc.sql("SELECT actor, kind, result FROM submission_key WHERE key = ?")
                    .param(key)
                    .query(Stored.class)
                    .single();
            if (!stored.actor().equals(by.username()) || !stored.kind().equals(kind) || stored.result() == null) {
                throw new ForbiddenException("draft.key.foreign");
            }
            return new Submission(stored.result(), true);
        }
        String result = Objects.requireNonNull(work.get());
        jdbc.sql("UPDATE submission_key SET result = ? WHERE key = ?")
                .params(result, key)
                .update();
        return new Submission(result, false);
    }

    private record Stored(
            String actor, String kind, @Nullable String result) {}
}
