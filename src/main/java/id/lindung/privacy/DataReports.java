package id.lindung.privacy;

import id.lindung.access.AuditTrail;
import id.lindung.access.AuditTrail.AuditEntry;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.privacy.DataReport.Entry;
import id.lindung.privacy.DataReport.Section;
import id.lindung.privacy.DataReport.TrailLine;
import id.lindung.privacy.DataSubjects.DataSubject;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.web.Formats;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Builds a participant's {@link DataReport} from the modules that hold the data: each writes its own sections
 * through {@link PersonalDataHolder} (the registry: identity, address, contact, family, businesses; enrolment:
 * memberships and channels; contributions: bills and payments; claims: with health details, heirs and their bank
 * accounts, children, documents; KUR: banks' loan rows with the file they came in; sponsorship: programmes that pay
 * for them, from a list or the registry), and this class adds the audit trail (every line about the records they
 * name, reads included) and, per section, its title, purpose, legal basis and retention.
 *
 * <p>Only BPJS officers and administrators produce it, for a participant in their scope (outside it: "not found",
 * as everywhere). Producing it is audited first ({@code DATA_REPORT_PRODUCED}, with the format), so the report
 * lists its own production. The heirs' NIKs and bank accounts are masked to their last four digits: they are the
 * heirs' personal data, not the subject's.
 */
@Service
public class DataReports {

    /** The report's sections in the order it shows them; the audit section follows them. */
    static final List<String> SECTIONS = List.of(
            "identity",
            "address",
            "contact",
            "family",
            "businesses",
            "memberships",
            "contributions",
            "claims",
            "kur",
            "sponsorship",
            "outreach");

    private final DataSubjects subjects;
    private final List<PersonalDataHolder> holders;
    private final AuditTrail audit;
    private final RetentionRules rules;
    private final MessageSource messages;
    private final Formats fmt;
    private final Clock clock;

    DataReports(
            DataSubjects subjects,
            List<PersonalDataHolder> holders,
            AuditTrail audit,
            RetentionRules rules,
            MessageSource messages,
            Formats fmt,
            Clock clock) {
        check(holders);
        this.subjects = subjects;
        this.holders = holders.stream()
                .sorted(Comparator.comparing(h -> SECTIONS.indexOf(h.sections().get(0))))
                .toList();
        this.audit = audit;
        this.rules = rules;
        this.messages = messages;
        this.fmt = fmt;
        this.clock = clock;
    }

    /**
     * Every section has exactly one holder, and every holder writes sections the report knows (at start-up); the
     * holders are then called in the order of their first section.
     */
    private static void check(List<PersonalDataHolder> holders) {
        Set<String> problems = new TreeSet<>();
        Map<String, List<String>> writers = new HashMap<>();
        holders.forEach(h -> h.sections()
                .forEach(code -> writers.computeIfAbsent(code, c -> new ArrayList<>())
                        .add(h.getClass().getSimpleName())));
        writers.forEach((code, by) -> {
            if (!SECTIONS.contains(code)) {
                problems.add(code + ": written by " + by + " but not a section of the report");
            } else if (by.size() > 1) {
                problems.add(code + ": written by " + by);
            }
        });
        SECTIONS.stream()
                .filter(code -> !writers.containsKey(code))
                .forEach(code -> problems.add(code + ": no module writes it"));
        holders.stream()
                .filter(h -> h.sections().isEmpty())
                .forEach(h -> problems.add(h.getClass().getSimpleName() + " declares no section"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "data report sections do not match the holders of personal data: " + problems);
        }
    }

    /** Whether a user may produce data reports (for participants in their scope). */
    public static boolean mayProduce(LindungUser by) {
        return by.role() == Role.ADMIN || by.role() == Role.OFFICER;
    }

    /**
     * The report on one participant, in the current locale's language; {@code format} (page, pdf, json) goes into
     * the audit line written before anything is gathered.
     */
    public DataReport report(long participantId, String format, LindungUser by) {
        if (!mayProduce(by)) {
            throw new ForbiddenException("privacy.report.role", by.role().name());
        }
        DataSubject subject = subjects.find(participantId, by);
        audit.recordRead(
                AuditTrail.DATA_REPORT_PRODUCED,
                "participant",
                Long.toString(participantId),
                subject.regionCode(),
                Map.of("format", format));
        Draft draft = new Draft(subject, by);
        holders.forEach(h -> h.contribute(draft));
        return draft.build();
    }

    /** One report being gathered: what the holders write into, and the sections and audit lines they wrote. */
    private final class Draft implements DataReportDraft {

        private final DataSubject subject;
        private final LindungUser by;
        private final Locale locale = LocaleContextHolder.getLocale();
        private final LocalDate today = LocalDate.now(clock);
        private final Map<String, Section> sections = new HashMap<>();
        private final List<AuditEntry> trail = new ArrayList<>();

        Draft(DataSubject subject, LindungUser by) {
            this.subject = subject;
            this.by = by;
        }

        @Override
        public DataSubject subject() {
            return subject;
        }

        @Override
        public LindungUser by() {
            return by;
        }

        @Override
        public LocalDate today() {
            return today;
        }

        @Override
        public Formats fmt() {
            return fmt;
        }

        @Override
        public String msg(String code, Object... args) {
            return Objects.requireNonNull(messages.getMessage(code, args, code, locale));
        }

        @Override
        public String label(String code, String fallback) {
            return Objects.requireNonNull(messages.getMessage(code, null, fallback, locale));
        }

        @Override
        public LocalDate date(Instant at) {
            return LocalDate.ofInstant(at, clock.getZone());
        }

        @Override
        public List<AuditEntry> trail(String entityType, Collection<String> entityIds) {
            List<AuditEntry> lines = audit.trail(entityType, entityIds);
            trail.addAll(lines);
            return lines;
        }

        @Override
        public Map<String, AuditEntry> firstWrites(String entityType, Collection<String> entityIds) {
            Map<String, AuditEntry> byId = new HashMap<>();
            trail(entityType, entityIds).forEach(e -> {
                if (!e.read()) {
                    byId.put(e.entityId(), e);
                }
            });
            return byId;
        }

        @Override
        public void section(
                String code,
                @Nullable String specific,
                String source,
                @Nullable LocalDate since,
                String retentionCategory,
                List<Entry> entries) {
            if (!SECTIONS.contains(code) || sections.containsKey(code)) {
                throw new IllegalStateException("section " + code + " unknown or written twice");
            }
            sections.put(
                    code,
                    new Section(
                            code,
                            msg("privacy.section." + code),
                            msg("privacy.section." + code + ".purpose"),
                            msg("privacy.section." + code + ".basis"),
                            specific,
                            source,
                            since,
                            retentionCategory,
                            retention(retentionCategory),
                            entries));
        }

        DataReport build() {
            List<Section> ordered = new ArrayList<>();
            for (String code : SECTIONS) {
                Section s = sections.get(code);
                if (s == null) {
                    throw new IllegalStateException("section " + code + " was not written");
                }
                ordered.add(s);
            }
            List<TrailLine> lines = trail.stream()
                    .collect(Collectors.toMap(
                            e -> e.entityType() + "/" + e.entityId() + "/" + e.occurredAt() + "/" + e.action() + "/"
                                    + e.actor() + "/" + e.changesJson(),
                            Function.identity(),
                            (a, b) -> a,
                            LinkedHashMap::new))
                    .values()
                    .stream()
                    .sorted(Comparator.comparing(AuditEntry::occurredAt).reversed())
                    .map(e -> new TrailLine(
                            e.occurredAt(),
                            e.actedBy(),
                            e.action(),
                            Objects.requireNonNull(
                                    messages.getMessage("audit." + e.action(), null, e.action(), locale)),
                            e.entityType() + " " + e.entityId(),
                            e.read()))
                    .toList();
            long reads = lines.stream().filter(TrailLine::read).count();
            List<Entry> entries = List.of(new Entry(
                    msg("privacy.field.trail"),
                    msg("privacy.field.trailValue", lines.size(), lines.size() - reads, reads),
                    msg("privacy.source.audit"),
                    lines.isEmpty() ? null : date(lines.get(lines.size() - 1).at())));
            ordered.add(new Section(
                    "audit",
                    msg("privacy.section.audit"),
                    msg("privacy.section.audit.purpose"),
                    msg("privacy.section.audit.basis"),
                    null,
                    msg("privacy.source.audit"),
                    entries.get(0).since(),
                    "audit-trail",
                    retention("audit-trail"),
                    entries));
            String nik = subject.nik();
            return new DataReport(
                    subject.participantId(),
                    subject.fullName(),
                    nik.substring(0, 6) + "******" + nik.substring(12),
                    clock.instant(),
                    by.username(),
                    ordered,
                    lines);
        }

        private String retention(String category) {
            return rules.valid(category, today)
                    .map(r -> msg(
                                    "privacy.retention.text",
                                    RetentionPolicy.periodText(r.period(), messages, locale),
                                    msg("privacy.category." + category + ".from"),
                                    msg("privacy.action." + r.action().name()))
                            + (r.unconfirmed() ? " " + msg("privacy.retention.unconfirmed") : ""))
                    .orElseGet(() -> msg("privacy.retention.none"));
        }
    }
}
