package id.lindung.privacy;

import id.lindung.access.AuditTrail;
import id.lindung.shared.retention.ExpiringData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention job: for every category whose rule valid today the application applies, asks the module holding
 * the data ({@link ExpiringData}) to delete or anonymise what is past the period (cutoff = business time now minus
 * the period), in one transaction per category together with its audit line ({@code RETENTION_APPLIED}: period,
 * rule, cutoff, how many records). Categories of action DBA (contributions, the audit trail) are never touched;
 * categories whose period is unconfirmed are skipped unless {@code lindung.privacy.retention.apply-unconfirmed} is
 * on (an irreversible deletion is not made on a number nobody confirmed). A failing category is logged and the
 * others still run; a closing {@code RETENTION_RUN} line sums up every category. Nightly at
 * {@code lindung.privacy.retention-cron} (WIB, default 02:15); {@code -} turns it off (tests call {@link #run}).
 */
@Service
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** What happened to one category in a run. */
    public enum Status {
        APPLIED,
        SKIPPED_UNCONFIRMED,
        DBA,
        FAILED
    }

    /** One category's result: its rule, the cutoff used, how many records went. */
    public record Outcome(
            String category,
            Status status,
            Period period,
            LocalDate ruleValidFrom,
            @Nullable Instant cutoff,
            long removed) {}

    /** A run: when, and each category's outcome. */
    public record Run(Instant at, List<Outcome> outcomes) {

        public long removed(String category) {
            return outcomes.stream()
                    .filter(o -> o.category().equals(category))
                    .mapToLong(Outcome::removed)
                    .sum();
        }

        public @Nullable Status status(String category) {
            return outcomes.stream()
                    .filter(o -> o.category().equals(category))
                    .map(Outcome::status)
                    .findFirst()
                    .orElse(null);
        }
    }

    private final RetentionRules rules;
    private final Map<String, ExpiringData> holders;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean applyUnconfirmed;

    RetentionJob(
            RetentionRules rules,
            List<ExpiringData> holders,
            AuditTrail audit,
            PlatformTransactionManager transactionManager,
            Clock clock,
            PrivacyProperties properties) {
        this.rules = rules;
        this.holders = holders.stream().collect(Collectors.toMap(ExpiringData::category, Function.identity()));
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.applyUnconfirmed = properties.retention().applyUnconfirmed();
        check();
    }

    /** Every category the application applies has its holder, and every holder has rules (caught at start-up). */
    private void check() {
        Set<String> problems = new TreeSet<>();
        for (RetentionRule r : rules.rules()) {
            if (r.byApplication() && !holders.containsKey(r.category())) {
                problems.add(r.category() + ": " + r.action() + " but no module holds this category");
            }
        }
        for (String category : holders.keySet()) {
            if (!rules.categories().contains(category)) {
                problems.add(category + ": held by a module but has no retention rule");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("retention rules do not match the data held: " + problems);
        }
    }

    /** Whether unconfirmed periods are applied by the nightly run. */
    public boolean appliesUnconfirmed() {
        return applyUnconfirmed;
    }

    @Scheduled(cron = "${lindung.privacy.retention-cron}", zone = "Asia/Pontianak")
    void nightly() {
        run();
    }

    /** One run with the configured handling of unconfirmed periods. */
    public Run run() {
        return run(applyUnconfirmed);
    }

    /** One run; {@code includeUnconfirmed} applies unconfirmed periods too (tests, or an operator who decided). */
    public Run run(boolean includeUnconfirmed) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Outcome> outcomes = new ArrayList<>();
        for (RetentionRule rule : rules.validOn(today)) {
            if (!rule.byApplication()) {
                outcomes.add(new Outcome(rule.category(), Status.DBA, rule.period(), rule.validFrom(), null, 0));
                continue;
            }
            Instant cutoff = now.atZone(clock.getZone()).minus(rule.period()).toInstant();
            if (rule.unconfirmed() && !includeUnconfirmed) {
                outcomes.add(new Outcome(
                        rule.category(), Status.SKIPPED_UNCONFIRMED, rule.period(), rule.validFrom(), cutoff, 0));
                continue;
            }
            ExpiringData holder = Objects.requireNonNull(holders.get(rule.category()), "checked at start-up");
            try {
                long started = System.nanoTime();
                Long removed = transactions.execute(tx -> {
                    long n = holder.removeBefore(cutoff);
                    Map<String, Object> what = new LinkedHashMap<>();
                    what.put("action", rule.action().name());
                    what.put("period", rule.period().toString());
                    what.put("ruleValidFrom", rule.validFrom().toString());
                    what.put("unconfirmed", rule.unconfirmed());
                    what.put("cutoff", cutoff.toString());
                    what.put("removed", n);
                    audit.record("RETENTION_APPLIED", "retention", rule.category(), null, what);
                    return n;
                });
                long n = removed == null ? 0 : removed;
                outcomes.add(new Outcome(rule.category(), Status.APPLIED, rule.period(), rule.validFrom(), cutoff, n));
                log.info(
                        "Retention {}: {} removed (before {}, {} ms)",
                        rule.category(),
                        n,
                        cutoff,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("Retention {} failed; the other categories still run", rule.category(), e);
                outcomes.add(new Outcome(rule.category(), Status.FAILED, rule.period(), rule.validFrom(), cutoff, 0));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            summary.put(
                    o.category(),
                    o.status() == Status.APPLIED ? o.removed() : o.status().name());
        }
        transactions.executeWithoutResult(tx -> audit.record("RETENTION_RUN", "retention", "run", null, summary));
        return new Run(now, outcomes);
    }
}
