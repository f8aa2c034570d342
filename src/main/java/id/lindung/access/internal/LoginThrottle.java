package id.lindung.access.internal;

import id.lindung.access.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per username and per client address in {@code login_throttle} and refuses further attempts
 * for a while once a limit is reached: {@code lindung.security.login.max-failures} (5) failures of one username, or
 * {@code max-failures-per-address} (50) failures from one address, within {@code window} (15 minutes) lock that
 * username or address for {@code lockout} (15 minutes), whatever password comes next. A successful sign-in clears
 * the username's count (not the address's: one valid account must not reset a password-spraying count). Failures
 * and lockouts are written to the audit trail. Times come from the business clock.
 */
@Service
class LoginThrottle {

    /** What is known before checking a password: until when it is refused, and whether the user has failures. */
    record Check(@Nullable Instant lockedUntil, boolean userHasFailures) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lockout;

    LoginThrottle(JdbcClient jdbc, AuditTrail audit, Clock clock, LoginProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = properties.maxFailures();
        this.maxFailuresPerAddress = properties.maxFailuresPerAddress();
        this.window = properties.window();
        this.lockout = properties.lockout();
    }

    Check check(String username, String address) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                SELECT max(locked_until) FILTER (WHERE locked_until > ?), bool_or(subject = ?)
                  FROM login_throttle WHERE subject IN (?, ?)""")
                .params(now, userKey(username), userKey(username), addressKey(address))
                .query((rs, i) -> new Check(
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(), rs.getBoolean(2)))
                .single();
    }

    /** Counts a wrong password; returns until when the username or address is now locked, or null. */
    @Transactional
    @Nullable
    Instant failed(String username, String address) {
        Instant now = clock.instant();
        Counted user = count(userKey(username), maxFailures, now);
        Counted byAddress = count(addressKey(address), maxFailuresPerAddress, now);
        String scope = regionOf(username);
        audit.record(
                "LOGIN_FAILED",
                "login",
                shorten(username),
                scope,
                Map.of("address", address, "failures", user.failures(), "failuresFromAddress", byAddress.failures()));
        if (user.lockedNow()) {
            audit.record("LOGIN_LOCKED", "login", shorten(username), scope, lockDetails(address, user.until()));
        }
        if (byAddress.lockedNow()) {
            audit.record(
                    "LOGIN_LOCKED", "login-address", shorten(address), null, lockDetails(address, byAddress.until()));
        }
        Instant until = null;
        for (Counted c : new Counted[] {user, byAddress}) {
            if (c.until() != null
                    && c.until().isAfter(now)
                    && (until == null || c.until().isAfter(until))) {
                until = c.until();
            }
        }
        return until;
    }

    /** A successful sign-in: the username starts again from zero. */
    @Transactional
    void succeeded(String username) {
        jdbc.sql("DELETE FROM login_throttle WHERE subject = ?")
                .param(userKey(username))
                .update();
    }

    private record Counted(int failures, @Nullable Instant until, boolean lockedNow) {}

    /**
     * One more failure for a subject, atomically: a new window when the last one is over or its lockout has ended,
     * and a lockout from now when the count reaches the limit.
     */
    private Counted count(String subject, int limit, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(window));
        Timestamp until = Timestamp.from(now.plus(lockout));
        return jdbc.sql("""
                INSERT INTO login_throttle AS t (subject, failures, window_started_at, locked_until)
                VALUES (:subject, 1, :now, CASE WHEN 1 >= :limit THEN CAST(:until AS timestamptz) END)
                ON CONFLICT (subject) DO UPDATE SET
                  failures = CASE WHEN t.window_started_at <= :windowStart OR t.locked_until <= :now THEN 1
                                  ELSE t.failures + 1 END,
                  window_started_at = CASE WHEN t.window_started_at <= :windowStart OR t.locked_until <= :now
                                           THEN :now ELSE t.window_started_at END,
                  locked_until = CASE
                    WHEN t.window_started_at <= :windowStart OR t.locked_until <= :now
                      THEN CASE WHEN 1 >= :limit THEN CAST(:until AS timestamptz) END
                    WHEN t.failures + 1 >= :limit AND t.locked_until IS NULL THEN CAST(:until AS timestamptz)
                    ELSE t.locked_until END
                RETURNING failures, locked_until, locked_until = CAST(:until AS timestamptz)""")
                .param("subject", subject)
                .param("now", at)
                .param("limit", limit)
                .param("until", until)
                .param("windowStart", windowStart)
                .query((rs, i) -> new Counted(
                        rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        rs.getBoolean(3)))
                .single();
    }

    private Map<String, Object> lockDetails(String address, @Nullable Instant until) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", address);
        details.put("lockedUntil", String.valueOf(until));
        return details;
    }

    private @Nullable String regionOf(String username) {
        return jdbc.sql("SELECT region_scope FROM app_user WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional()
                .filter(code -> !code.isEmpty())
                .orElse(null);
    }

    private static String userKey(String username) {
        return "user:" + (username.length() > 100 ? username.substring(0, 100) : username);
    }

    private static String addressKey(String address) {
        return "ip:" + (address.length() > 100 ? address.substring(0, 100) : address);
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) : value;
    }
}
