package id.lindung.privacy;

import id.lindung.access.AuditTrail;
import id.lindung.access.AuditTrail.AuditEntry;
import id.lindung.shared.ShippedText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the retention rules say, per category, for the administrators' page and the API: the rule valid today and
 * the earlier and later rows, what the category holds and from which event its period counts (in the reader's
 * language), whether the job applies it, and its last run (from the audit trail).
 */
@Service
public class RetentionPolicy {

    /** A category: its rule today, all its rows, whether the nightly job applies it, and the last run. */
    public record Category(
            String category,
            String name,
            String countedFrom,
            @Nullable RetentionRule current,
            @Nullable String period,
            List<RetentionRule> rows,
            boolean appliedByJob,
            @Nullable LastRun lastRun) {}

    /** The last time the job removed data of a category. */
    public record LastRun(Instant at, String actor, long removed, String cutoff) {}

    /** The policy as a whole: the categories and whether unconfirmed periods are applied. */
    public record Overview(boolean applyUnconfirmed, String cron, List<Category> categories) {}

    private final RetentionRules rules;
    private final RetentionJob job;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final String cron;

    RetentionPolicy(
            RetentionRules rules,
            RetentionJob job,
            AuditTrail audit,
            MessageSource messages,
            JsonMapper json,
            Clock clock,
            PrivacyProperties properties) {
        this.rules = rules;
        this.job = job;
        this.audit = audit;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.cron = properties.retentionCron();
    }

    public Overview overview() {
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate today = LocalDate.now(clock);
        Map<String, LastRun> last = lastRuns();
        List<String> categories = rules.validOn(LocalDate.MAX).stream()
                .map(RetentionRule::category)
                .toList();
        List<Category> list = categories.stream()
                .map(c -> {
                    RetentionRule current = rules.valid(c, today)
                            .map(r -> inReadersLanguage(r, locale))
                            .orElse(null);
                    boolean applied = current != null
                            && current.byApplication()
                            && (!current.unconfirmed() || job.appliesUnconfirmed());
                    return new Category(
                            c,
                            Objects.requireNonNull(messages.getMessage("privacy.category." + c, null, c, locale)),
                            Objects.requireNonNull(
                                    messages.getMessage("privacy.category." + c + ".from", null, "", locale)),
                            current,
                            current == null ? null : periodText(current.period(), messages, locale),
                            rules.rules().stream()
                                    .filter(r -> r.category().equals(c))
                                    .map(r -> inReadersLanguage(r, locale))
                                    .toList(),
                            applied,
                            last.get(c));
                })
                .toList();
        return new Overview(job.appliesUnconfirmed(), cron, list);
    }

    /** The rule with its note in the reader's language while it is the shipped one ({@link ShippedText}). */
    private RetentionRule inReadersLanguage(RetentionRule r, Locale locale) {
        String note =
                ShippedText.inReadersLanguage(messages, "privacy.retention.note." + r.category(), r.note(), locale);
        return new RetentionRule(
                r.category(),
                r.validFrom(),
                r.period(),
                r.action(),
                r.legalBasis(),
                r.unconfirmed(),
                Objects.requireNonNull(note));
    }

    /** A period in words: "10 tahun", "1 day", "2 years 6 months". */
    static String periodText(java.time.Period period, MessageSource messages, Locale locale) {
        List<String> parts = new java.util.ArrayList<>();
        if (period.getYears() > 0) {
            parts.add(messages.getMessage("privacy.period.years", new Object[] {period.getYears()}, locale));
        }
        if (period.getMonths() > 0) {
            parts.add(messages.getMessage("privacy.period.months", new Object[] {period.getMonths()}, locale));
        }
        if (period.getDays() > 0) {
            parts.add(messages.getMessage("privacy.period.days", new Object[] {period.getDays()}, locale));
        }
        return String.join(" ", parts);
    }

    private Map<String, LastRun> lastRuns() {
        Map<String, LastRun> last = new HashMap<>();
        for (AuditEntry e : audit.trail("retention", rules.categories())) { // newest first
            if (e.action().equals("RETENTION_APPLIED") && !last.containsKey(e.entityId())) {
                JsonNode changes = json.readTree(e.changesJson());
                last.put(
                        e.entityId(),
                        new LastRun(
                                e.occurredAt(),
                                e.actor(),
                                changes.path("removed").asLong(0),
                                changes.path("cutoff").asString("")));
            }
        }
        return last;
    }
}
