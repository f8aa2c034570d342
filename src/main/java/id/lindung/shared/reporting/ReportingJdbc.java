package id.lindung.shared.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where read-only work reads: the reporting copy when one is configured ({@code lindung.reporting.*}) and its
 * initial copy is complete, otherwise the primary. Use {@link #reads()} for queries that may be a few seconds behind
 * (dashboards, exports, look-ups) and never inside a write: the copy's connections are read-only, as a role that
 * may only SELECT, and outside the primary's transactions. {@link #freshness()} says how far behind.
 */
public final class ReportingJdbc {

    private static final Logger log = LoggerFactory.getLogger(ReportingJdbc.class);
    /** How long a look at the copy's state is reused. */
    private static final long STATE_NANOS = 1_000_000_000L;

    private final JdbcClient primary;
    private final @Nullable JdbcClient copy;
    private final Clock clock;
    private volatile @Nullable State state;

    /** How fresh the reporting copy is. */
    public record Freshness(
            boolean ready, @Nullable Instant asOf, @Nullable Duration age) {}

    private record State(long at, boolean ready, @Nullable Instant beat) {}

    ReportingJdbc(JdbcClient primary, @Nullable JdbcClient copy, Clock clock) {
        this.primary = primary;
        this.copy = copy;
        this.clock = clock;
    }

    /** Everything on the primary (no reporting copy configured). */
    public static ReportingJdbc primaryOnly(JdbcClient primary, Clock clock) {
        return new ReportingJdbc(primary, null, clock);
    }

    /** The client for read-only work: the reporting copy once it is complete, else the primary. */
    public JdbcClient reads() {
        JdbcClient c = copy;
        return c != null && state(c).ready() ? c : primary;
    }

    /** Whether {@link #reads()} goes to the reporting copy now. */
    public boolean onCopy() {
        JdbcClient c = copy;
        return c != null && state(c).ready();
    }

    /**
     * How fresh the copy's figures are: the time of the latest heartbeat it holds, and how long ago that was by the
     * business clock (at most the heartbeat interval more than the replication lag). Empty without a reporting copy.
     */
    public Optional<Freshness> freshness() {
        JdbcClient c = copy;
        if (c == null) {
            return Optional.empty();
        }
        State s = state(c);
        Instant beat = s.beat();
        if (!s.ready() || beat == null) {
            return Optional.of(new Freshness(false, null, null));
        }
        Duration age = Duration.between(beat, clock.instant());
        return Optional.of(new Freshness(true, beat, age.isNegative() ? Duration.ZERO : age));
    }

    private State state(JdbcClient c) {
        State s = state;
        long now = System.nanoTime();
        if (s == null || now - s.at() > STATE_NANOS) {
            s = read(c, now);
            state = s;
        }
        return s;
    }

    private static State read(JdbcClient c, long now) {
        try {
            return c.sql("""
                    SELECT (SELECT beat FROM reporting_heartbeat WHERE id = 1) AS beat,
                           (SELECT count(*) FROM pg_subscription_rel r JOIN pg_subscription s ON s.oid = r.srsubid
                             WHERE s.subname = :s) AS tables,
                           (SELECT count(*) FROM pg_subscription_rel r JOIN pg_subscription s ON s.oid = r.srsubid
                             WHERE s.subname = :s AND r.srsubstate <> 'r') AS syncing""")
                    .param("s", ReportingCopy.SUBSCRIPTION)
                    .query((rs, n) -> {
                        Timestamp beat = rs.getTimestamp("beat");
                        boolean ready = beat != null && rs.getLong("tables") > 0 && rs.getLong("syncing") == 0;
                        return new State(now, ready, beat == null ? null : beat.toInstant());
                    })
                    .single();
        } catch (RuntimeException e) {
            // the copy is down: read the primary until it answers again
            log.warn("The reporting copy does not answer; reading the primary: {}", e.getMessage());
            return new State(now, false, null);
        }
    }
}
