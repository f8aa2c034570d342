package id.lindung.coverage;

import id.lindung.coverage.CoverageDashboard.KurFigure;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * KUR borrowers and those protected now, per region, from the kur module's published {@code kur_borrower_coverage_v}.
 * That view counts every loan, which takes a quarter of a second and more for a few hundred thousand loans, so its
 * few hundred rows (one per kecamatan) are held for {@code lindung.coverage.kur-refresh-seconds} (60) and summed per
 * region here: the dashboard's KUR figure may be up to that old.
 */
@Component
class KurFigures {

    private record Snapshot(long loadedAt, Map<String, long[]> byRegion) {
    }

    private final JdbcClient jdbc;
    private final long refreshNanos;
    private volatile Snapshot snapshot;

    KurFigures(JdbcClient jdbc, @Value("${lindung.coverage.kur-refresh-seconds:60}") long refreshSeconds) {
        this.jdbc = jdbc;
        this.refreshNanos = refreshSeconds * 1_000_000_000L;
    }

    /** Loans of a region (province, kab/kota or kecamatan code) and those whose borrower is protected now. */
    KurFigure of(String region) {
        long borrowers = 0;
        long protectedNow = 0;
        for (Map.Entry<String, long[]> e : current().byRegion().entrySet()) {
            if (e.getKey().equals(region) || e.getKey().startsWith(region + ".")) {
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
        if (s == null || System.nanoTime() - s.loadedAt() > refreshNanos) {
            synchronized (this) {
                s = snapshot;
                if (s == null || System.nanoTime() - s.loadedAt() > refreshNanos) {
                    Map<String, long[]> byRegion = new HashMap<>();
                    jdbc.sql("SELECT region_key, borrowers, protected_now FROM kur_borrower_coverage_v")
                            .query(rs -> {
                                byRegion.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                            });
                    s = new Snapshot(System.nanoTime(), Map.copyOf(byRegion));
                    snapshot = s;
                }
            }
        }
        return s;
    }
}
