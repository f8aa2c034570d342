package id.lindung.selfservice;

import id.lindung.shared.crypto.Vault;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes (issue 19): six digits, kept only as a keyed hash ({@link Vault#index}) of the row and the code,
 * valid {@link #VALID} and for one right use; the {@link #MAX_FAILURES}th wrong try voids it. A new code for the same
 * purpose and subject voids the ones before. The code goes to the phone through {@link CodeDelivery}, never back to
 * the caller.
 */
@Component
class WorkerCodes {

    static final Duration VALID = Duration.ofMinutes(5);
    static final int MAX_FAILURES = 5;
    static final String HASH_KIND = "worker-code";

    enum Purpose {
        SIGN_IN,
        REGISTER
    }

    private final JdbcClient jdbc;
    private final Vault vault;
    private final CodeDelivery delivery;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WorkerCodes(JdbcClient jdbc, Vault vault, CodeDelivery delivery, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** The subject of a phone's registration code: its keyed blind index, never the number. */
    String phoneSubject(String phone) {
        return "tel:" + HexFormat.of().formatHex(vault.index("phone", phone), 2, 34);
    }

    /** The subject of a participant's sign-in code. */
    static String participantSubject(long participantId) {
        return "p:" + participantId;
    }

    /** Issues a new code for a subject and hands it to the delivery for {@code phone}; voids the older ones. */
    @Transactional
    void issue(Purpose purpose, String subject, String phone) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM worker_code WHERE expires_at < ?")
                .param(Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
        jdbc.sql("UPDATE worker_code SET spent_at = ? WHERE purpose = ? AND subject = ? AND spent_at IS NULL")
                .params(Timestamp.from(now), purpose.name(), subject)
                .update();
        long id = jdbc.sql("SELECT nextval('worker_code_id_seq')")
                .query(Long.class)
                .single();
        String code = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql("""
                INSERT INTO worker_code (id, purpose, subject, code_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        purpose.name(),
                        subject,
                        vault.index(HASH_KIND, id + ":" + code),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(VALID)))
                .update();
        delivery.send(purpose, phone, "worker-code:" + id, code);
    }

    /**
     * Whether {@code code} is the open code of the subject: spends it when right; counts a wrong try and voids the
     * code at the {@link #MAX_FAILURES}th. False without a word of why (none, expired, spent, voided or wrong).
     */
    @Transactional
    boolean verify(Purpose purpose, String subject, String code) {
        Instant now = clock.instant();
        Optional<Long> open = jdbc.sql("""
                SELECT id FROM worker_code
                 WHERE purpose = ? AND subject = ? AND spent_at IS NULL AND expires_at > ?
                 ORDER BY id DESC LIMIT 1 FOR UPDATE""")
                .params(purpose.name(), subject, Timestamp.from(now))
                .query(Long.class)
                .optional();
        if (open.isEmpty()) {
            return false;
        }
        long id = open.get();
        byte[] stored = jdbc.sql("SELECT code_hash FROM worker_code WHERE id = ?")
                .param(id)
                .query(byte[].class)
                .single();
        String given = code.strip();
        boolean right = given.matches("\\d{6}")
                && vault.indexes(HASH_KIND, id + ":" + given).stream()
                        .anyMatch(candidate -> MessageDigest.isEqual(candidate, stored));
        if (right) {
            jdbc.sql("UPDATE worker_code SET spent_at = ? WHERE id = ?")
                    .params(Timestamp.from(now), id)
                    .update();
        } else {
            jdbc.sql("""
                    UPDATE worker_code SET failures = failures + 1,
                           spent_at = CASE WHEN failures + 1 >= ? THEN CAST(? AS timestamptz) END
                     WHERE id = ?""").params(MAX_FAILURES, Timestamp.from(now), id).update();
        }
        return right;
    }
}
