package id.lindung.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.BulkReads;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.shared.TooManyRequestsException;
import id.lindung.support.RedTeamIdentityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The hourly read budget under parallel requests of one user (issue 16, point 7; the counter of V62): however many
 * pages arrive at once, exactly as many pass as fit in the budget, each passed page leaves one LIST_READ line and each
 * refused one a LIST_REFUSED line, another user's budget is untouched, and a token reads from its creator's budget. Same context as BulkReadAttackTest (an
 * analyst may read 60 rows an hour there).
 */
@RedTeamIdentityContext
class ReadBudgetTest {

    @Autowired
    BulkReads bulkReads;

    @Autowired
    JdbcClient jdbc;

    /** Reads one page of {@code rows} as {@code user}; true when it passed, false when refused (429). */
    private Callable<Boolean> page(LindungUser user, long rows, CountDownLatch start) {
        return () -> {
            LindungUserDetails details = new LindungUserDetails(user, "-", true);
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
            try {
                start.await();
                bulkReads.listed("participants", "61", Map.of("page", 0), rows);
                return true;
            } catch (TooManyRequestsException refused) {
                return false;
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }

    private long lines(String actor, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = ? AND action = ?")
                .params(actor, action)
                .query(Long.class)
                .single();
    }

    @Test
    void twelveParallelPagesOfTwentyRowsAgainstSixtyRows_exactlyThreePass() throws Exception {
        LindungUser racer = new LindungUser("analis.paralel", "Analis Paralel", Role.GOV_ANALYST, RegionScope.of("61"));
        LindungUser other = new LindungUser("analis.lain", "Analis Lain", Role.GOV_ANALYST, RegionScope.of("61"));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> pages = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                pages.add(pool.submit(page(racer, 20, start)));
            }
            start.countDown();
            int passed = 0;
            for (Future<Boolean> p : pages) {
                passed += p.get() ? 1 : 0;
            }
            assertThat(passed).isEqualTo(3);
            assertThat(lines("analis.paralel", BulkReads.LIST_READ)).isEqualTo(3);
            assertThat(lines("analis.paralel", BulkReads.LIST_REFUSED)).isEqualTo(9);
            assertThat(jdbc.sql("SELECT sum(rows) FROM read_budget WHERE actor = 'analis.paralel'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(60);

            // a page of nothing still leaves its line and passes; another user's budget is their own
            assertThat(pool.submit(page(racer, 0, new CountDownLatch(0))).get()).isTrue();
            assertThat(lines("analis.paralel", BulkReads.LIST_READ)).isEqualTo(4);
            assertThat(pool.submit(page(other, 60, new CountDownLatch(0))).get())
                    .isTrue();
            assertThat(pool.submit(page(other, 1, new CountDownLatch(0))).get()).isFalse();

            // a token acts as its creator: it reads from the creator's budget, it does not bring a budget of its own
            LindungUser person =
                    new LindungUser("analis.token", "Analis Token", Role.GOV_ANALYST, RegionScope.of("61"));
            LindungUser viaToken = new LindungUser(
                    "analis.token",
                    "Analis Token",
                    Role.GOV_ANALYST,
                    RegionScope.of("61"),
                    new LindungUser.ViaToken(9_001, "skrip ekspor"));
            assertThat(pool.submit(page(person, 40, new CountDownLatch(0))).get())
                    .isTrue();
            assertThat(pool.submit(page(viaToken, 30, new CountDownLatch(0))).get())
                    .isFalse();
            assertThat(pool.submit(page(viaToken, 20, new CountDownLatch(0))).get())
                    .isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'analis.token' AND action = ?"
                                    + " AND via_token_name = 'skrip ekspor'")
                            .param(BulkReads.LIST_READ)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
