package id.lindung.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Helpers for tests that sign in through the login form: throw-away users and the CSRF token of a page. */
public final class SignIn {

    private static final AtomicInteger USERS = new AtomicInteger();

    private SignIn() {}

    /** A new province officer with the demo password, named {@code prefix.<pid>.<n>.<nanos>} (unique per run). */
    public static String newOfficer(JdbcClient jdbc, PasswordEncoder passwords, String prefix) {
        String username = prefix + "." + ProcessHandle.current().pid() + "." + USERS.incrementAndGet() + "."
                + System.nanoTime() % 100_000;
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, role, region_scope)
                VALUES (?, ?, 'Uji', 'OFFICER', '61')""")
                .params(username, passwords.encode(ApiClient.DEMO_PASSWORD))
                .update();
        return username;
    }

    /** The {@code _csrf} hidden field of a page. */
    public static String csrfToken(String html) {
        String token = html.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        assertThat(token).hasSizeLessThan(200);
        return token;
    }
}
