package id.lindung.access.internal;

import id.lindung.shared.retention.ExpiringData;
import java.sql.Timestamp;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the access module keeps for a limited time (retention categories of the privacy module's rules):
 * sign-in failure counters ({@code login-throttle}: a username or a client address, counted from the end of the
 * counting window or of the lockout, whichever is later) and API tokens that can no longer be used
 * ({@code api-tokens}: counted from the revocation, or the expiry of a token never revoked). Their audit lines
 * ({@code LOGIN_FAILED}, {@code API_TOKEN_ISSUED}, …) stay: the audit trail is never touched by the application.
 */
@Configuration(proxyBeanMethods = false)
class AccessRetention {

    @Bean
    ExpiringData loginThrottleRetention(JdbcClient jdbc, LoginProperties login) {
        Duration window = login.window();
        return ExpiringData.of(
                "login-throttle",
                cutoff -> jdbc.sql("""
                DELETE FROM login_throttle
                 WHERE window_started_at + CAST(? AS interval) < ? AND (locked_until IS NULL OR locked_until < ?)""")
                        .params(window.toSeconds() + " seconds", Timestamp.from(cutoff), Timestamp.from(cutoff))
                        .update());
    }

    @Bean
    ExpiringData apiTokenRetention(JdbcClient jdbc) {
        return ExpiringData.of(
                "api-tokens",
                cutoff -> jdbc.sql("""
                DELETE FROM api_token
                 WHERE coalesce(revoked_at, expires_at) < ?""").param(Timestamp.from(cutoff)).update());
    }
}
