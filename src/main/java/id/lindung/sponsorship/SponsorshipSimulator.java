package id.lindung.sponsorship;

import id.lindung.access.LindungUser;
import id.lindung.coverage.CoverageDashboard;
import id.lindung.coverage.CoverageDashboards;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * "If we sponsor N more workers in these kab/kota for M months": the cost (each month at that month's rules, so a
 * rate change inside the period counts) and the coverage it adds against the target, per region and for the
 * province, from the coverage dashboard's latest month. Nothing is written.
 */
@Service
public class SponsorshipSimulator {

    /** A simulation as asked: workers per region (kab/kota or kecamatan), months, first month, income. */
    public record Request(
            Map<String, Integer> workers,
            int months,
            @Nullable YearMonth startMonth,
            @Nullable Long declaredIncome) {}

    /** One region before and after (coverage and targets in basis points, as the dashboard). */
    public record RegionEffect(
            String regionCode,
            String regionName,
            int workers,
            long cost,
            long activeBefore,
            @Nullable Long denominator,
            @Nullable Integer coverageBefore,
            @Nullable Integer coverageAfter,
            @Nullable Integer target,
            @Nullable Long gapBefore,
            @Nullable Long gapAfter) {}

    /**
     * The whole simulation: total cost, per worker per month (first month), and the effect per region and on the
     * province ({@code null} for users who see only their kab/kota).
     */
    public record Simulation(
            YearMonth startMonth,
            int months,
            long declaredIncome,
            long perWorkerFirstMonth,
            int workers,
            long cost,
            List<RegionEffect> regions,
            @Nullable RegionEffect province) {}

    private final CoverageDashboards dashboards;
    private final SponsorshipBills bills;
    private final EnrolmentManagement enrolment;
    private final Clock clock;

    SponsorshipSimulator(
            CoverageDashboards dashboards, SponsorshipBills bills, EnrolmentManagement enrolment, Clock clock) {
        this.dashboards = dashboards;
        this.bills = bills;
        this.enrolment = enrolment;
        this.clock = clock;
    }

    public Simulation simulate(Request request, LindungUser by) {
        List<FieldIssue> issues = new ArrayList<>();
        if (request.workers() == null
                || request.workers().isEmpty()
                || request.workers().values().stream().anyMatch(n -> n == null || n <= 0 || n > 10_000_000)) {
            issues.add(FieldIssue.error("workers", "sponsorship.simulation.workers"));
        }
        if (request.months() < 1 || request.months() > 120) {
            issues.add(FieldIssue.error("months", "sponsorship.simulation.months"));
        }
        long income = request.declaredIncome() == null ? enrolment.bpuMinIncome() : request.declaredIncome();
        if (income < enrolment.bpuMinIncome()) {
            issues.add(FieldIssue.error("declaredIncome", "sponsorship.income", enrolment.bpuMinIncome()));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        YearMonth start = request.startMonth() == null ? YearMonth.now(clock) : request.startMonth();
        long perWorkerTotal = 0;
        for (int i = 0; i < request.months(); i++) {
            perWorkerTotal += bills.perWorker(income, start.plusMonths(i));
        }
        List<RegionEffect> effects = new ArrayList<>();
        int all = 0;
        String province = null;
        for (Map.Entry<String, Integer> e : new TreeMap<>(request.workers()).entrySet()) {
            CoverageDashboard d = dashboards.dashboard(e.getKey(), null, by);
            effects.add(effect(d, e.getValue(), e.getValue() * perWorkerTotal));
            all += e.getValue();
            province = e.getKey().substring(0, 2);
        }
        RegionEffect whole = province != null && by.scope().includes(province)
                ? effect(dashboards.dashboard(province, null, by), all, all * perWorkerTotal)
                : null;
        return new Simulation(
                start,
                request.months(),
                income,
                bills.perWorker(income, start),
                all,
                all * perWorkerTotal,
                effects,
                whole);
    }

    private static RegionEffect effect(CoverageDashboard d, int workers, long cost) {
        CoverageDashboard.Figure f = d.total();
        Long denominator = f.denominator();
        Integer after = denominator == null ? null : CoverageDashboard.basisPoints(f.active() + workers, denominator);
        Long gapAfter = f.gap() == null ? null : Math.max(0, f.gap() - workers);
        return new RegionEffect(
                d.region().code(),
                d.region().name(),
                workers,
                cost,
                f.active(),
                denominator,
                f.coverage(),
                after,
                f.target(),
                f.gap(),
                gapAfter);
    }
}
