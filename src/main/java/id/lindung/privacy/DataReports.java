package id.lindung.privacy;

import id.lindung.access.AuditTrail;
import id.lindung.access.AuditTrail.AuditEntry;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.claim.Claim;
import id.lindung.claim.ClaimIntake;
import id.lindung.claim.ClaimManagement;
import id.lindung.contribution.Bill;
import id.lindung.contribution.Payment;
import id.lindung.contribution.Statement;
import id.lindung.contribution.Statements;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.Programme;
import id.lindung.kur.KurLoans;
import id.lindung.participant.Business;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.RelationType;
import id.lindung.participant.Relative;
import id.lindung.privacy.DataReport.Entry;
import id.lindung.privacy.DataReport.Section;
import id.lindung.privacy.DataReport.TrailLine;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.web.Formats;
import id.lindung.sponsorship.SponsorshipBeneficiaries;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a participant's {@link DataReport} from the modules that hold the data, through their public services
 * only (never their tables): the registry (identity, address, contact, family, businesses), enrolment
 * (memberships and channels), contributions (bills and payments), claims (with health details, heirs and their bank
 * accounts, children, documents), KUR (banks' loan rows with the file they came in), sponsorship (programmes that pay
 * for them, from a list or the registry) and the audit trail (every line about their records, reads included).
 *
 * <p>Only BPJS officers and administrators produce it, for a participant in their scope (outside it: "not found",
 * as everywhere). Producing it is audited first ({@code DATA_REPORT_PRODUCED}, with the format), so the report
 * lists its own production. The heirs' NIKs and bank accounts are masked to their last four digits: they are the
 * heirs' personal data, not the subject's.
 */
@Service
public class DataReports {

    private final ParticipantManagement participants;
    private final EnrolmentManagement enrolment;
    private final Statements statements;
    private final ClaimManagement claims;
    private final KurLoans kurLoans;
    private final SponsorshipBeneficiaries sponsorship;
    private final AuditTrail audit;
    private final RetentionRules rules;
    private final RegionDirectory regions;
    private final MessageSource messages;
    private final Formats fmt;
    private final JsonMapper json;
    private final Clock clock;

    DataReports(ParticipantManagement participants, EnrolmentManagement enrolment, Statements statements,
            ClaimManagement claims, KurLoans kurLoans, SponsorshipBeneficiaries sponsorship, AuditTrail audit,
            RetentionRules rules, RegionDirectory regions, MessageSource messages, Formats fmt, JsonMapper json,
            Clock clock) {
        this.participants = participants;
        this.enrolment = enrolment;
        this.statements = statements;
        this.claims = claims;
        this.kurLoans = kurLoans;
        this.sponsorship = sponsorship;
        this.audit = audit;
        this.rules = rules;
        this.regions = regions;
        this.messages = messages;
        this.fmt = fmt;
        this.json = json;
        this.clock = clock;
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
        Participant p = participants.get(participantId, by);
        audit.recordRead(AuditTrail.DATA_REPORT_PRODUCED, "participant", Long.toString(participantId),
                p.regionCode(), Map.of("format", format));
        return new Builder(p, by).build();
    }

    /** Gathers one report; holds what the sections share (the audit lines, the locale). */
    private final class Builder {

        private final Participant p;
        private final LindungUser by;
        private final Locale locale = LocaleContextHolder.getLocale();
        private final LocalDate today = LocalDate.now(clock);
        private final List<AuditEntry> participantTrail;
        private final String registered;
        private final List<AuditEntry> trail = new ArrayList<>();

        Builder(Participant p, LindungUser by) {
            this.p = p;
            this.by = by;
            this.participantTrail = audit.trail("participant", List.of(Long.toString(p.id())));
            trail.addAll(participantTrail);
            this.registered = participantTrail.stream().filter(e -> e.action().equals("PARTICIPANT_REGISTERED"))
                    .reduce((newer, older) -> older)
                    .map(e -> msg("privacy.source.registered", e.actor(), fmt.dateTime(e.occurredAt())))
                    .orElseGet(() -> msg("privacy.source.bulk"));
        }

        DataReport build() {
            List<Section> sections = new ArrayList<>();
            sections.add(identity());
            sections.add(address());
            sections.add(contact());
            sections.add(family());
            sections.add(businesses());
            List<Membership> memberships = enrolment.membershipsOf(p.id(), by);
            sections.add(memberships(memberships));
            sections.add(contributions(memberships));
            sections.add(claimSection());
            sections.add(kur());
            sections.add(sponsored());
            List<TrailLine> lines = trail.stream()
                    .collect(Collectors.toMap(e -> e.entityType() + "/" + e.entityId() + "/" + e.occurredAt() + "/"
                            + e.action() + "/" + e.actor() + "/" + e.changesJson(), Function.identity(), (a, b) -> a,
                            LinkedHashMap::new))
                    .values().stream()
                    .sorted(Comparator.comparing(AuditEntry::occurredAt).reversed())
                    .map(e -> new TrailLine(e.occurredAt(), e.actedBy(), e.action(),
                            messages.getMessage("audit." + e.action(), null, e.action(), locale),
                            e.entityType() + " " + e.entityId(), e.read()))
                    .toList();
            sections.add(auditSection(lines));
            String nik = p.nik();
            return new DataReport(p.id(), p.fullName(), nik.substring(0, 6) + "******" + nik.substring(12),
                    clock.instant(), by.username(), sections, lines);
        }

        // ------------------------------------------------------------------------------------------- registry

        private Section identity() {
            List<Entry> entries = new ArrayList<>();
            entries.add(field("nik", "field.nik", p.nik()));
            entries.add(field("fullName", "field.fullName", p.fullName()));
            entries.add(field("birthDate", "field.birthDate", fmt.date(p.birthDate())));
            entries.add(field("sex", "field.sex", msg("sex." + p.sex().name())));
            entries.add(field("status", "field.status", msg("status." + p.status().name())));
            if (!p.nikWarnings().isEmpty()) {
                entries.add(new Entry(msg("privacy.field.nikWarnings"), String.join(", ", p.nikWarnings()),
                        registered, date(p.createdAt())));
            }
            return section("identity", null, registered, date(p.createdAt()), "registry", entries);
        }

        private Section address() {
            String code = p.regionCode();
            List<Entry> entries = List.of(
                    field("regionCode", "region.desa", regions.nameOf(code) + " (" + code + ")"),
                    field("regionCode", "region.kecamatan", regions.nameOf(code.substring(0, 8))),
                    field("regionCode", "region.kabkota", regions.nameOf(p.kabKotaCode())),
                    field("regionCode", "privacy.field.province", regions.nameOf(code.substring(0, 2))));
            return section("address", null, registered, date(p.createdAt()), "registry", entries);
        }

        private Section contact() {
            List<Entry> entries = new ArrayList<>();
            entries.add(field("phone", "field.phone", p.phone() == null ? "–" : p.phone()));
            entries.add(field("occupation", "field.occupation", p.occupation() == null ? "–" : p.occupation()));
            return section("contact", null, registered, date(p.createdAt()), "registry", entries);
        }

        /** An identity field: its source is the last change of that field, or the registration. */
        private Entry field(String key, String labelCode, String value) {
            for (AuditEntry e : participantTrail) { // newest first
                if (e.action().equals("PARTICIPANT_UPDATED") && changes(e).has(key)) {
                    return new Entry(msg(labelCode), value, msg("privacy.source.changed", e.actor(),
                            fmt.dateTime(e.occurredAt())), date(e.occurredAt()));
                }
            }
            return new Entry(msg(labelCode), value, registered, date(p.createdAt()));
        }

        private Section family() {
            List<Relative> relatives = participants.relatives(p.id(), by);
            List<AuditEntry> added = participantTrail.stream().filter(e -> e.action().equals("RELATIVE_ADDED"))
                    .toList();
            List<Entry> entries = new ArrayList<>();
            for (Relative r : relatives) {
                Optional<AuditEntry> source = added.stream()
                        .filter(e -> r.fullName().equals(changes(e).path("fullName").asString(""))).findFirst();
                List<String> parts = new ArrayList<>();
                parts.add(r.fullName());
                if (r.nik() != null) {
                    parts.add(msg("field.nik") + " " + r.nik());
                }
                if (r.birthDate() != null) {
                    parts.add(fmt.date(r.birthDate()));
                }
                String label = msg("relation." + r.relation().name())
                        + (r.heir() ? " · " + msg("field.heir") : "");
                entries.add(new Entry(label, String.join(", ", parts),
                        source.map(e -> msg("privacy.source.entered", e.actor(), fmt.dateTime(e.occurredAt())))
                                .orElse(registered),
                        source.map(e -> date(e.occurredAt())).orElse(date(p.createdAt()))));
            }
            boolean children = relatives.stream().anyMatch(r -> r.relation() == RelationType.CHILD);
            return section("family", children ? msg("privacy.specific.children") : null,
                    sourceOf(entries, registered), earliest(entries), "registry", entries);
        }

        private Section businesses() {
            List<Business> owned = participants.businessesOf(p.id(), by);
            Map<String, AuditEntry> registeredBy = first(audit.trail("business",
                    owned.stream().map(b -> Long.toString(b.id())).toList()));
            List<Entry> entries = new ArrayList<>();
            for (Business b : owned) {
                AuditEntry e = registeredBy.get(Long.toString(b.id()));
                entries.add(new Entry("NIB " + b.nib(), b.name() + " · KBLI " + b.kbli() + " · "
                        + msg("scale." + b.scale().name()) + " · " + msg("privacy.field.workers", b.workerCount()),
                        e == null ? registered : msg("privacy.source.entered", e.actor(), fmt.dateTime(e.occurredAt())),
                        e == null ? date(p.createdAt()) : date(e.occurredAt())));
            }
            return section("businesses", null, sourceOf(entries, registered), earliest(entries), "registry",
                    entries);
        }

        // ------------------------------------------------------------------------------ enrolment, contributions

        private Section memberships(List<Membership> memberships) {
            Map<String, AuditEntry> started = first(audit.trail("membership", ids(memberships.stream()
                    .map(Membership::id))));
            List<Entry> entries = new ArrayList<>();
            for (Membership m : memberships) {
                AuditEntry e = started.get(Long.toString(m.id()));
                List<String> parts = new ArrayList<>();
                parts.add(m.segment().name() + " " + m.programmes().stream().sorted().map(Programme::name)
                        .collect(Collectors.joining(", ")));
                parts.add(msg("privacy.field.period", m.startMonth().toString(),
                        m.endMonth() == null ? msg("privacy.field.open") : m.endMonth().toString()));
                if (!m.bases().isEmpty()) {
                    Membership.Base last = m.bases().get(m.bases().size() - 1);
                    parts.add(msg("privacy.field.base", fmt.rupiah(last.amount()), last.effectiveFrom().toString()));
                }
                if (m.governmentPaid()) {
                    parts.add(msg("privacy.field.governmentPaid"));
                }
                String channel = msg("privacy.channel." + m.channel().name());
                entries.add(new Entry(msg("privacy.field.membership", m.id()), String.join(" · ", parts),
                        msg("privacy.source.channel", channel, e == null ? msg("privacy.source.bulk")
                                : msg("privacy.source.entered", e.actor(), fmt.dateTime(e.occurredAt()))),
                        m.startMonth().atDay(1)));
            }
            return section("memberships", null, sourceOf(entries, msg("privacy.source.none")), earliest(entries),
                    "contributions", entries);
        }

        private Section contributions(List<Membership> memberships) {
            List<Entry> entries = new ArrayList<>();
            List<String> paymentIds = new ArrayList<>();
            List<Payment> allPayments = new ArrayList<>();
            for (Membership m : memberships) {
                Statement s = statements.statement(m.id(), today, by);
                List<Bill> bills = s.bills();
                if (!bills.isEmpty()) {
                    long amount = bills.stream().mapToLong(Bill::amount).sum();
                    long paid = bills.stream().mapToLong(Bill::paid).sum();
                    entries.add(new Entry(msg("privacy.field.bills", m.id()), msg("privacy.field.billsValue",
                            bills.size(), bills.get(0).period().toString(), bills.get(bills.size() - 1).period()
                                    .toString(), fmt.rupiah(amount), fmt.rupiah(paid)),
                            msg("privacy.source.billing"), bills.get(0).period().atDay(1)));
                }
                for (Payment pay : s.payments()) {
                    paymentIds.add(Long.toString(pay.id()));
                    allPayments.add(pay);
                }
            }
            Map<String, AuditEntry> recorded = first(audit.trail("payment", paymentIds));
            for (Payment pay : allPayments) {
                AuditEntry e = recorded.get(Long.toString(pay.id()));
                String source = msg("privacy.source.payment", pay.channel(),
                        pay.reference() == null ? "–" : pay.reference())
                        + (e == null ? "" : "; " + msg("privacy.source.entered", e.actor(),
                        fmt.dateTime(e.occurredAt())));
                entries.add(new Entry(msg("privacy.field.payment"), fmt.rupiah(pay.amount()) + " · "
                        + fmt.date(pay.paidOn()) + " · " + pay.status(), source, pay.paidOn()));
            }
            return section("contributions", msg("privacy.specific.financial"),
                    sourceOf(entries, msg("privacy.source.none")), earliest(entries), "contributions", entries);
        }

        // ---------------------------------------------------------------------------------------------- claims

        private Section claimSection() {
            List<Claim> held = claims.ofParticipant(p.id(), by);
            trail.addAll(audit.trail("claim", ids(held.stream().map(Claim::id))));
            List<Entry> entries = new ArrayList<>();
            for (Claim c : held) {
                String submitted = msg("privacy.source.entered", c.submittedBy(), fmt.dateTime(c.submittedAt()));
                LocalDate since = date(c.submittedAt());
                entries.add(new Entry(msg("privacy.field.claim", c.claimNumber()), label("claim.kind." + c.kind(), c.kind())
                        + " · " + fmt.date(c.eventDate()) + " · " + c.status().name() + " · " + fmt.rupiah(c.total()),
                        submitted, since));
                String health = health(c.intake());
                if (!health.isEmpty()) {
                    entries.add(new Entry(msg("privacy.field.health", c.claimNumber()), health, submitted, since));
                }
                for (ClaimIntake.Heir h : nonNull(c.intake().heirs())) {
                    List<String> parts = new ArrayList<>();
                    parts.add(Objects.toString(h.name(), "–") + (h.relation() == null ? ""
                            : " (" + label("relation." + h.relation(), h.relation()) + ")"));
                    if (h.nik() != null && !h.nik().isBlank()) {
                        parts.add(msg("field.nik") + " " + masked(h.nik()));
                    }
                    if (h.bankAccount() != null && !h.bankAccount().isBlank()) {
                        parts.add(msg("privacy.field.bankAccount", masked(h.bankAccount())));
                    }
                    entries.add(new Entry(msg("privacy.field.heir", c.claimNumber()), String.join(", ", parts),
                            submitted, since));
                }
                for (ClaimIntake.ChildItem child : nonNull(c.intake().children())) {
                    entries.add(new Entry(msg("privacy.field.child", c.claimNumber()), Objects.toString(child.name(),
                            "–") + (child.birthDate() == null ? "" : ", " + fmt.date(child.birthDate()))
                            + (child.level() == null || child.level().isBlank() ? "" : ", " + child.level()),
                            submitted, since));
                }
                for (Claim.Document d : c.documents()) {
                    entries.add(new Entry(msg("privacy.field.document", c.claimNumber()), label("claim.page.doc."
                            + d.documentType(), d.documentType()) + ": " + d.fileName(),
                            msg("privacy.source.uploaded", d.uploadedBy(), fmt.dateTime(d.uploadedAt())),
                            date(d.uploadedAt())));
                }
            }
            return section("claims", held.isEmpty() ? null : msg("privacy.specific.claims"),
                    sourceOf(entries, msg("privacy.source.none")), earliest(entries), "claims", entries);
        }

        /** The health details of an intake as one line: cause, care invoices, disability, incapacity. */
        private String health(ClaimIntake in) {
            List<String> parts = new ArrayList<>();
            if (in.cause() != null) {
                parts.add(label("claim.cause." + in.cause(), in.cause()));
            }
            List<ClaimIntake.InvoiceItem> invoices = nonNull(in.invoices());
            if (!invoices.isEmpty()) {
                parts.add(msg("privacy.field.invoices", invoices.size(), fmt.rupiah(invoices.stream()
                        .map(ClaimIntake.InvoiceItem::amount).filter(Objects::nonNull).mapToLong(Long::longValue)
                        .sum())));
            }
            if (in.stmbMonths() != null) {
                parts.add(msg("privacy.field.stmb", in.stmbMonths()));
            }
            List<String> codes = nonNull(in.disabilityCodes());
            if (!codes.isEmpty()) {
                parts.add(msg("privacy.field.disability", String.join(", ", codes)));
            }
            if (!nonNull(in.functionLosses()).isEmpty()) {
                parts.add(msg("privacy.field.functionLoss", in.functionLosses().size()));
            }
            return String.join(" · ", parts);
        }

        // ---------------------------------------------------------------------------------- KUR, sponsorship

        private Section kur() {
            List<KurLoans.SourcedLoan> loans = kurLoans.ofBorrower(p.nik(), by);
            trail.addAll(audit.trail("kur_loan", loans.stream()
                    .map(l -> l.loan().bankCode() + ":" + l.loan().loanId()).toList()));
            List<Entry> entries = new ArrayList<>();
            for (KurLoans.SourcedLoan l : loans) {
                var loan = l.loan();
                entries.add(new Entry(msg("privacy.field.loan", loan.bankCode(), loan.loanId()), loan.scheme() + " · "
                        + fmt.rupiah(loan.plafond()) + " · " + fmt.date(loan.disbursedOn()) + " · " + loan.branch()
                        + " · " + loan.matchStatus(),
                        msg("privacy.source.file", l.fileName(), l.uploadedBy(), fmt.dateTime(l.firstReportedAt())),
                        date(l.firstReportedAt())));
            }
            return section("kur", loans.isEmpty() ? null : msg("privacy.specific.financial"),
                    sourceOf(entries, msg("privacy.source.none")), earliest(entries), "kur-loans", entries);
        }

        private Section sponsored() {
            List<SponsorshipBeneficiaries.Sponsored> programmes = sponsorship.programmesOf(p.id(), by);
            List<Entry> entries = new ArrayList<>();
            for (SponsorshipBeneficiaries.Sponsored s : programmes) {
                String source = "FILE".equals(s.addedFrom())
                        ? msg("privacy.source.file", Objects.toString(s.fileName(), "–"), s.addedBy(),
                        fmt.dateTime(s.addedAt()))
                        : msg("privacy.source.registry", s.addedBy(), fmt.dateTime(s.addedAt()));
                entries.add(new Entry(s.programme(), s.legalBasis() + " · " + regions.nameOf(s.sponsorRegion())
                        + " · " + msg("privacy.field.membership", s.membershipId()) + " · "
                        + msg("privacy.field.lastMonth", s.lastMonth().toString()), source, date(s.addedAt())));
            }
            return section("sponsorship", null, sourceOf(entries, msg("privacy.source.none")), earliest(entries),
                    "sponsorship-beneficiaries", entries);
        }

        private Section auditSection(List<TrailLine> lines) {
            long reads = lines.stream().filter(TrailLine::read).count();
            List<Entry> entries = List.of(new Entry(msg("privacy.field.trail"),
                    msg("privacy.field.trailValue", lines.size(), lines.size() - reads, reads),
                    msg("privacy.source.audit"), lines.isEmpty() ? null : date(lines.get(lines.size() - 1).at())));
            return section("audit", null, msg("privacy.source.audit"), entries.get(0).since(), "audit-trail",
                    entries);
        }

        // ---------------------------------------------------------------------------------------------- helpers

        private Section section(String code, @Nullable String specific, String source, @Nullable LocalDate since,
                String category, List<Entry> entries) {
            return new Section(code, msg("privacy.section." + code), msg("privacy.section." + code + ".purpose"),
                    msg("privacy.section." + code + ".basis"), specific, source, since, category,
                    retention(category), entries);
        }

        private String retention(String category) {
            return rules.valid(category, today).map(r -> msg("privacy.retention.text", period(r.period()),
                            msg("privacy.category." + category + ".from"), msg("privacy.action." + r.action().name()))
                            + (r.unconfirmed() ? " " + msg("privacy.retention.unconfirmed") : ""))
                    .orElseGet(() -> msg("privacy.retention.none"));
        }

        private String period(Period period) {
            return RetentionPolicy.periodText(period, messages, locale);
        }

        private JsonNode changes(AuditEntry e) {
            try {
                return json.readTree(e.changesJson());
            } catch (RuntimeException notJson) {
                return json.missingNode();
            }
        }

        private LocalDate date(Instant at) {
            return LocalDate.ofInstant(at, clock.getZone());
        }

        private String label(String code, String fallback) {
            return messages.getMessage(code, null, fallback, locale);
        }

        private String msg(String code, Object... args) {
            return messages.getMessage(code, args, code, locale);
        }

        /** The audit line of each entity that came first (the trail is newest first), by entity id. */
        private Map<String, AuditEntry> first(List<AuditEntry> entries) {
            trail.addAll(entries);
            Map<String, AuditEntry> byId = new HashMap<>();
            entries.forEach(e -> {
                if (!e.read()) {
                    byId.put(e.entityId(), e);
                }
            });
            return byId;
        }
    }

    private static List<String> ids(Stream<Long> ids) {
        return ids.map(String::valueOf).toList();
    }

    private static <T> List<T> nonNull(@Nullable List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static @Nullable LocalDate earliest(Collection<Entry> entries) {
        return entries.stream().map(Entry::since).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** The distinct sources of the entries, or the fallback when there are none. */
    private static String sourceOf(List<Entry> entries, String none) {
        List<String> sources = entries.stream().map(Entry::source).distinct().toList();
        if (sources.isEmpty()) {
            return none;
        }
        return sources.size() <= 3 ? String.join("; ", sources)
                : String.join("; ", sources.subList(0, 3)) + "; …";
    }

    /** The last four characters, the rest as asterisks. */
    static String masked(String value) {
        String v = value.trim();
        return v.length() <= 4 ? "****" : "*".repeat(Math.min(8, v.length() - 4)) + v.substring(v.length() - 4);
    }
}
