package id.lindung.coverage;

import id.lindung.coverage.CoverageDashboard.KurFigure;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * KUR borrowers (people, by the NIK's index) and those protected now by the ledger, per region, from the kur module's
 * published {@code kur_borrower_coverage_v}. That view reads every loan and the current month of
 * {@code contribution_protected_month_v}, which takes seconds at a million memberships, so its few hundred rows (one
 * per kecamatan) are held for {@code lindung.coverage.kur-refresh-seconds} (60) and summed per region here; once
 * stale they are still answered while one background load replaces them. The dashboard's KUR figure may be up to
 * that old plus one load.
 */
@Component
class KurFigures {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KurFigures.class);

    private record Snapshot(long loadedAt, Map<String, long[]> byRegion) {}

    private final JdbcClient jdbc;
    private final long refreshNanos;
    private volatile @Nullable Snapshot snapshot;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing =
            new java.util.concurrent.atomic.AtomicBoolean();

    KurFigures(JdbcClient jdbc, CoverageProperties properties) {
        this.jdbc = jdbc;
        this.refreshNanos = properties.kurRefreshSeconds() * 1_000_000_000L;
    }

    /** Loans of a region (province, kab/kota or kecamatan code) and those whose borrower is protected now. */
    KurFigure of(String region) {
        long borrowers = 0;
        long protectedNow = 0;
        for (Map.Entry<String, long[]> e : current().byRegion().entrySet()) {
            if (CoverageDashboards.NATIONAL.equals(region)
                    || e.getKey().equals(region)
                    || e.getKey().startsWith(region + ".")) {
                borrowers += e.getValue()[0];
                protectedNow += e.getValue()[1];
            }
        }
        return new KurFigure(borrowers, protectedNow);
    }

    /** Forgets the held figures (tests; an administrator's rebuild). */
    void refresh() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = load();
                    snapshot = s;
                }
            }
        } else if (System.nanoTime() - s.loadedAt() > refreshNanos && refreshing.compareAndSet(false, true)) {
            // stale: answered from the figures held while one background load replaces them (reading the ledger for
            // every borrower takes seconds at a million memberships; no request waits for it)
            Thread loader = new Thread(
                    () -> {
                        try {
                            snapshot = load();
                        } catch (RuntimeException e) {
                            // the figures held stay; the next request after the refresh interval tries again
                            log.warn("KUR figures for the coverage dashboard not refreshed: {}", e.toString());
                        } finally {
                            refreshing.set(false);
                        }
                    },
                    "kur-figures");
            loader.setDaemon(true);
            loader.start();
        }
        return s;
    }

    private Snapshot load() {
        Map<String, long[]> byRegion = new HashMap<>();
        jdbc.sql("SELECT region_key, borrowers, protected_now FROM kur_borrower_coverage_v")
                .query(rs -> {
                    byRegion.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return new Snapshot(System.nanoTime(), Map.copyOf(byRegion));
    }
}
