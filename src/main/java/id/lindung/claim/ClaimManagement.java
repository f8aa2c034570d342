package id.lindung.claim;

import id.lindung.access.AuditTrail;
import id.lindung.access.Disclosure;
import id.lindung.access.LindungUser;
import id.lindung.claim.benefit.AccidentCase;
import id.lindung.claim.benefit.BenefitAssessment;
import id.lindung.claim.benefit.BenefitCalculator;
import id.lindung.claim.benefit.BenefitLine;
import id.lindung.claim.benefit.Child;
import id.lindung.claim.benefit.ChildSchedule;
import id.lindung.claim.benefit.ClaimDetails;
import id.lindung.claim.benefit.ClaimFacts;
import id.lindung.claim.benefit.ClaimKind;
import id.lindung.claim.benefit.EducationLevel;
import id.lindung.claim.benefit.EventCause;
import id.lindung.claim.benefit.LatePayment;
import id.lindung.claim.benefit.MemberFacts;
import id.lindung.claim.benefit.MissingRuleException;
import id.lindung.claim.benefit.OncePerEvent;
import id.lindung.claim.benefit.Refusal;
import id.lindung.claim.benefit.RuleKey;
import id.lindung.claim.benefit.ScholarshipClaim;
import id.lindung.claim.benefit.ScholarshipDecision;
import id.lindung.claim.benefit.ScholarshipPayment;
import id.lindung.claim.benefit.ScholarshipPlan;
import id.lindung.claim.benefit.ScholarshipPlanner;
import id.lindung.claim.benefit.ScholarshipYear;
import id.lindung.claim.benefit.ServiceLevel;
import id.lindung.claim.internal.ClaimProperties;
import id.lindung.claim.internal.ClaimReader;
import id.lindung.claim.internal.DeathRecords;
import id.lindung.claim.internal.Holidays;
import id.lindung.claim.internal.IntakeReader;
import id.lindung.claim.internal.MemberFactsSource;
import id.lindung.claim.workflow.ClaimAction;
import id.lindung.claim.workflow.ClaimAction.Kind;
import id.lindung.claim.workflow.ClaimRule;
import id.lindung.claim.workflow.ClaimState;
import id.lindung.claim.workflow.ClaimWorkflow;
import id.lindung.claim.workflow.Transition;
import id.lindung.claim.workflow.Transition.Effect;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.Bounds;
import id.lindung.shared.ConflictException;
import id.lindung.shared.Decision;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.PageResult;
import id.lindung.shared.crypto.Vault;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim workflow: intake → documents → verification (documents complete: the service level starts) → decision
 * (approve with the computed amounts, or reject with a reason; above {@code lindung.claim.four-eyes-threshold} an
 * approval needs a second officer) → payment (JKK paid after its due date adds the late compensation). Which step is
 * allowed, and what it changes, is decided by the pure {@code workflow.ClaimWorkflow}; this service loads the facts it
 * decides on, persists the transition and records it (history, audit trail, {@link ClaimDecided}). Every change
 * names the version it was made on; a claim changed meanwhile answers {@link ConflictException}, so of officers
 * deciding at once exactly one wins. Eligibility and amounts are established from the memberships and contributions
 * at the event date and computed by the benefit engine, again at verification (payments may have been recorded
 * since the intake).
 */
@Service
public class ClaimManagement {

    /** Kinds of documents a claim takes. */
    public static final List<String> DOCUMENT_TYPES = List.of(
            "KTP",
            "KARTU_KELUARGA",
            "KARTU_PESERTA",
            "LAPORAN_KECELAKAAN",
            "SURAT_KETERANGAN_DOKTER",
            "KWITANSI",
            "SURAT_KEMATIAN",
            "AKTA_KELAHIRAN_ANAK",
            "BUKTI_SEKOLAH",
            "BUKU_REKENING",
            "LAINNYA");
    /** Content types accepted, recognised by their first bytes (not by the name or the declared type). */
    public static final Set<String> CONTENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    private final ClaimWorkflow workflow;
    private final JdbcClient jdbc;
    private final ParticipantManagement participants;
    private final MemberFactsSource memberFacts;
    private final BenefitCalculator calculator;
    private final ScholarshipPlanner scholarships;
    private final ServiceLevel serviceLevel;
    private final Holidays holidays;
    private final ClaimReader reader;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final Bounds bounds;
    private final int documentMaxBytes;
    private final Vault vault;
    private final DeathRecords deaths;

    /** pg_advisory_xact_lock class of a participant's claims ("clm"): one intake or approval at a time per person. */
    private static final int PERSON_LOCK = 0x636c6d;

    ClaimManagement(
            JdbcClient jdbc,
            ParticipantManagement participants,
            MemberFactsSource memberFacts,
            BenefitCalculator calculator,
            ScholarshipPlanner scholarships,
            ServiceLevel serviceLevel,
            Holidays holidays,
            ClaimReader reader,
            AuditTrail audit,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            ClaimProperties properties,
            Vault vault,
            DeathRecords deaths,
            ClaimWorkflow workflow,
            Bounds bounds) {
        this.workflow = workflow;
        this.deaths = deaths;
        this.bounds = bounds;
        this.jdbc = jdbc;
        this.participants = participants;
        this.memberFacts = memberFacts;
        this.calculator = calculator;
        this.scholarships = scholarships;
        this.serviceLevel = serviceLevel;
        this.holidays = holidays;
        this.reader = reader;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.documentMaxBytes = properties.documentMaxBytes();
        this.vault = vault;
    }

    public long fourEyesThreshold() {
        return workflow.fourEyesThreshold();
    }

    public int documentMaxBytes() {
        return documentMaxBytes;
    }

    // ------------------------------------------------------------------------------------------------- intake

    /** Takes a claim in (officers, administrators and field agents) and computes it at once. */
    @Transactional
    public Claim submit(ClaimIntake in, LindungUser by) {
        workflow.takeIn(by).orThrow();
        IntakeReader read = new IntakeReader(bounds);
        Participant participant = null;
        if (in.participantId() == null) {
            read.issues().add(FieldIssue.error("participantId", "field.required"));
        } else {
            try {
                participant = participants.get(ParticipantId.ofRequest(in.participantId()), by);
            } catch (NotFoundException e) {
                read.issues().add(FieldIssue.error("participantId", "claim.participant.unknown", in.participantId()));
            }
        }
        EventCause cause = read.cause(in.cause());
        ClaimKind kind = read.kind(in.kind(), cause);
        LocalDate eventDate = read.eventDate(in.eventDate());
        ClaimDetails details = kind == null ? null : read.details(kind, in, eventDate);
        if (in.wage() != null && in.wage() < 0) {
            read.issues().add(FieldIssue.error("wage", "amount.positive"));
        } else if (in.wage() != null && in.wage() > 0) {
            bounds.check(Bounds.Money.WAGE, "wage", in.wage(), read.issues());
        }
        if (in.note() != null && in.note().length() > 500) {
            read.issues().add(FieldIssue.error("note", "field.too-long", 500));
        }
        List<String> named = new ArrayList<>();
        List<Child> children = read.children(in.children(), named);
        if (kind != null
                && kind.grantsScholarship()
                && eventDate != null
                && in.children() != null
                && children.size() == in.children().size()) {
            // every child read: positions in the list are the intake's rows
            read.issues().addAll(ScholarshipPlanner.choiceIssues(children, named, maxChildren(eventDate)));
        }
        InvalidInputException.throwIfErrors(read.issues());
        Participant p = Objects.requireNonNull(participant);
        lockPerson(p.id());
        List<OncePerEvent.OtherClaim> others = reader.othersOf(p.id(), -1);
        OncePerEvent.deathClaimed(Objects.requireNonNull(kind), others).ifPresent(first -> {
            throw new ConflictException(
                    "claim.death.exists", first.claimNumber(), first.kind().name());
        });
        String number = jdbc.sql("""
                SELECT 'KLM-' || to_char(CAST(:today AS date), 'YYYY') || '-'
                       || lpad(nextval('claim_number_seq')::text, 6, '0')""")
                .param("today", Date.valueOf(LocalDate.now(clock)))
                .query(String.class)
                .single();
        String caseNumber = OncePerEvent.caseOf(kind, Objects.requireNonNull(eventDate), number, others);

        long id = jdbc.sql("""
                INSERT INTO claim (claim_number, participant_id, participant_name, kind, cause, event_date, intake_enc,
                                   member_facts, status, region_code, submitted_by, case_number)
                VALUES (:number, :participant, :name, :kind, :cause, :event, :intake, '{}'::jsonb, 'SUBMITTED',
                        :region, :by, :case)
                RETURNING id""")
                .param("number", number)
                .param("case", caseNumber)
                .param("participant", p.id())
                .param("name", p.fullName())
                .param("kind", Objects.requireNonNull(kind).name())
                .param("cause", Objects.requireNonNull(cause).name())
                .param("event", Date.valueOf(Objects.requireNonNull(eventDate)))
                .param("intake", vault.sealText(json.writeValueAsString(in), ClaimReader.INTAKE))
                .param("region", p.regionCode())
                .param("by", by.username())
                .query(Long.class)
                .single();
        assess(id, p.id(), kind, cause, eventDate, Objects.requireNonNull(details), in, by);
        step(id, by, ClaimStatus.SUBMITTED, in.note());
        Claim claim = visible(id, by);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("claimNumber", claim.claimNumber());
        values.put("participantId", p.id());
        values.put("kind", kind.name());
        values.put("eventDate", eventDate.toString());
        values.put("total", claim.total());
        values.put("refusal", claim.refusal() == null ? null : claim.refusal().code());
        values.put("caseNumber", caseNumber);
        values.put("payer", claim.employerPays() ? "EMPLOYER" : "BPJS");
        audit.record("CLAIM_SUBMITTED", "claim", Long.toString(id), p.regionCode(), values);
        return claim;
    }

    /** Establishes the member's facts, runs the engine and stores lines, refusal and scholarship plan. */
    private void assess(
            long id,
            long participantId,
            ClaimKind kind,
            EventCause cause,
            LocalDate eventDate,
            ClaimDetails details,
            ClaimIntake in,
            LindungUser by) {
        MemberFactsSource.Established est = memberFacts.establish(participantId, kind, eventDate, in.wage(), by);
        ClaimFacts facts = new ClaimFacts(kind, eventDate, cause, est.facts(), details);
        BenefitAssessment a;
        try {
            a = calculator.assess(facts, reader.accidentCase(id));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(
                    e.issues().stream().map(IntakeReader::intakeField).toList());
        }
        List<String> named = new ArrayList<>();
        List<Child> children = new IntakeReader(bounds).children(in.children(), named);
        ScholarshipPlan plan =
                a.eligible() && kind.grantsScholarship() && a.scholarshipRefusal() == null && !children.isEmpty()
                        ? scholarships.plan(facts, LocalDate.now(clock), children, named)
                        : null;

        Map<String, Object> member = new LinkedHashMap<>();
        member.put("segment", est.facts().segment().name());
        member.put("jkkProtected", est.facts().jkkProtected());
        member.put("jkmProtected", est.facts().jkmProtected());
        member.put("protectionReason", est.protectionReason());
        member.put("contributionMonths", est.facts().contributionMonths());
        member.put("wage", est.facts().wage());
        List<Claim.ScholarshipNote> notes = new ArrayList<>();
        if (a.scholarshipRefusal() != null) {
            notes.add(note(null, a.scholarshipRefusal()));
        }
        if (plan != null) {
            if (plan.refusal() != null) {
                notes.add(note(null, plan.refusal()));
            }
            plan.excluded().forEach(x -> notes.add(note(x.child().name(), x.reason())));
        }
        var refusal = a.refusal();
        Map<String, Object> liability = null;
        if (a.employerLiability() != null) {
            liability = new LinkedHashMap<>();
            liability.put("reason", a.employerLiability().reason().name());
            liability.put("legalBasis", a.employerLiability().legalBasis());
            liability.put("unconfirmed", a.employerLiability().unconfirmed());
            liability.put("ruleRef", a.employerLiability().ruleRef());
            liability.put("employer", est.employer());
        }
        jdbc.sql("""
                UPDATE claim SET membership_id = :membership, member_facts = CAST(:member AS jsonb),
                       employer_liability = CAST(:liability AS jsonb),
                       scholarship_notes = CAST(:notes AS jsonb),
                       refusal_code = :code, refusal_args = CAST(:args AS jsonb), refusal_legal_basis = :basis,
                       total = :total, unconfirmed_rules = :unconfirmed, scholarship_choice = :choice
                 WHERE id = :id""")
                .param(
                        "choice",
                        plan == null || plan.refusal() != null
                                ? null
                                : plan.choice().name())
                .param("membership", est.membershipId())
                .param("member", json.writeValueAsString(member))
                .param("notes", json.writeValueAsString(notes))
                .param("liability", liability == null ? null : json.writeValueAsString(liability))
                .param("code", refusal == null ? null : refusal.code())
                .param("args", refusal == null ? null : json.writeValueAsString(strings(refusal.args())))
                .param("basis", refusal == null ? null : refusal.legalBasis())
                .param("total", a.total())
                .param("unconfirmed", a.unconfirmed())
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM claim_line WHERE claim_id = ?").param(id).update();
        int no = 0;
        for (BenefitLine line : a.lines()) {
            insertLine(id, ++no, line);
        }
        jdbc.sql("DELETE FROM claim_scholarship WHERE claim_id = ?").param(id).update();
        if (plan != null) {
            for (ChildSchedule schedule : plan.schedules()) {
                for (ScholarshipYear year : schedule.years()) {
                    jdbc.sql("""
                            INSERT INTO claim_scholarship (claim_id, child_id, child_name_enc, school_year, level,
                                                           year_in_level, amount)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                            .params(
                                    id,
                                    schedule.child().id(),
                                    vault.sealText(schedule.child().name(), ClaimReader.SCHOLARSHIP_CHILD),
                                    year.schoolYear(),
                                    year.level().name(),
                                    year.yearInLevel(),
                                    year.line().amount())
                            .update();
                }
            }
        }
    }

    private static Claim.ScholarshipNote note(@Nullable String child, Refusal r) {
        return new Claim.ScholarshipNote(child, r.code(), r.messageKey(), strings(r.args()), r.legalBasis());
    }

    private void insertLine(long claimId, int lineNo, BenefitLine line) {
        jdbc.sql("""
                INSERT INTO claim_line (claim_id, line_no, code, message_key, args, amount, formula, legal_basis,
                                        rule_valid_from, unconfirmed, rule_refs)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)""")
                .params(
                        claimId,
                        lineNo,
                        line.code(),
                        line.messageKey(),
                        json.writeValueAsString(strings(line.args())),
                        line.amount(),
                        line.formula(),
                        line.legalBasis(),
                        Date.valueOf(line.ruleValidFrom()),
                        line.unconfirmed(),
                        String.join(", ", line.ruleRefs()))
                .update();
    }

    private static List<String> strings(List<Object> args) {
        return args.stream()
                .map(a -> a instanceof java.math.BigDecimal b
                        ? b.stripTrailingZeros().toPlainString()
                        : String.valueOf(a))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------- documents

    /**
     * Adds a document to an open claim. The type is recognised from the content (PDF, JPEG, PNG), whatever the name
     * or declared type say; the same file twice on one claim is kept once.
     */
    @Transactional
    public Claim addDocument(
            ClaimId which,
            @Nullable String documentType,
            @Nullable String fileName,
            byte @Nullable [] content,
            LindungUser by) {
        long claimId = which.value();
        workflow.mayAttempt(Kind.ADD_DOCUMENT, by).orThrow();
        Claim claim = visible(claimId, by);
        List<FieldIssue> issues = new ArrayList<>(); // the file's, reported with the workflow's refusal
        String type = documentType == null ? "" : documentType.trim().toUpperCase(Locale.ROOT);
        if (!DOCUMENT_TYPES.contains(type)) {
            issues.add(FieldIssue.error("documentType", "claim.document.type", String.join(", ", DOCUMENT_TYPES)));
        }
        String name = fileName == null || fileName.isBlank() ? "dokumen" : fileName.trim();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String contentType = null;
        if (content == null || content.length == 0) {
            issues.add(FieldIssue.error("file", "claim.document.empty"));
        } else if (content.length > documentMaxBytes) {
            issues.add(FieldIssue.error("file", "claim.document.too-large", documentMaxBytes / (1024 * 1024)));
        } else {
            contentType = sniff(content);
            if (contentType == null) {
                issues.add(FieldIssue.error("file", "claim.document.content-type"));
            }
        }
        decide(claim, new ClaimAction.AddDocument(), by, issues);
        byte[] bytes = Objects.requireNonNull(content);
        String sha256 = id.lindung.shared.Sha256.hex(bytes);
        int added = jdbc.sql("""
                INSERT INTO claim_document (claim_id, document_type, file_name, content_type, size_bytes, sha256,
                                            content, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id, sha256) DO NOTHING""")
                .params(
                        claimId,
                        type,
                        name,
                        contentType,
                        bytes.length,
                        sha256,
                        vault.seal(bytes, ClaimReader.DOCUMENT),
                        by.username())
                .update();
        if (added > 0) {
            audit.record(
                    "CLAIM_DOCUMENT_ADDED",
                    "claim",
                    Long.toString(claimId),
                    claim.regionCode(),
                    Map.of("documentType", type, "fileName", name, "sha256", sha256, "size", bytes.length));
        }
        return visible(claimId, by);
    }

    /**
     * A document's content, if the caller may see the claim and its health details (administrators and officers:
     * documents are medical reports, death certificates, bank books).
     */
    public StoredDocument document(ClaimId which, long documentId, LindungUser by) {
        long claimId = which.value();
        visible(claimId, by);
        if (!Disclosure.seesHealthDetails(by)) {
            throw new ForbiddenException("claim.document.officers-only");
        }
        return jdbc.sql("SELECT file_name, content_type, content FROM claim_document WHERE claim_id = ? AND id = ?")
                .params(claimId, documentId)
                .query((rs, n) -> new StoredDocument(
                        rs.getString(1), rs.getString(2), vault.open(rs.getBytes(3), ClaimReader.DOCUMENT)))
                .optional()
                .orElseThrow(() -> new NotFoundException("document " + documentId));
    }

    public record StoredDocument(String fileName, String contentType, byte[] content) {}

    static @Nullable String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8
                && (b[0] & 0xFF) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0D
                && b[5] == 0x0A
                && b[6] == 0x1A
                && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    // ----------------------------------------------------------------------------------------------- workflow

    /** An officer takes the claim into their own queue. */
    @Transactional
    public Claim assign(ClaimId which, int expectedVersion, LindungUser by) {
        long claimId = which.value();
        workflow.mayAttempt(Kind.ASSIGN, by).orThrow();
        Claim claim = current(claimId, expectedVersion, by);
        decide(claim, new ClaimAction.Assign(), by);
        change(claim, "assigned_to = :by", Map.of("by", by.username()));
        step(claimId, by, claim.status(), "assigned");
        audit.record(
                "CLAIM_ASSIGNED",
                "claim",
                Long.toString(claimId),
                claim.regionCode(),
                Map.of("assignedTo", by.username()));
        return visible(claimId, by);
    }

    /**
     * The officer chooses which children get the scholarship plan (at most two; none: the documented default), on a
     * claim not yet approved by anyone: the intake's choice is replaced, the claim assessed again, audited as
     * {@code CLAIM_CHILDREN_CHOSEN}. {@code chosen}: child ids as the claim names them ({@code child-1}, …); a
     * refusal names the field {@code chosen}.
     */
    @Transactional
    public Claim chooseChildren(
            ClaimId which, @Nullable Integer expectedVersion, @Nullable List<String> chosen, LindungUser by) {
        long claimId = which.value();
        workflow.mayAttempt(Kind.CHOOSE_CHILDREN, by).orThrow();
        visible(claimId, by); // who and whose before what: 403 and 404 come before a missing version
        if (expectedVersion == null) {
            throw new InvalidInputException(FieldIssue.error("version", "field.required"));
        }
        Claim claim = current(claimId, expectedVersion, by);
        ClaimKind kind = ClaimKind.valueOf(claim.kind());
        List<ClaimIntake.ChildItem> items =
                claim.intake().children() == null ? List.of() : claim.intake().children();
        List<String> ids =
                chosen == null ? List.of() : chosen.stream().map(String::trim).toList();
        List<Child> children = new IntakeReader(bounds).children(items, new ArrayList<>());
        Decision<Transition> decision = workflow.decide(state(claim), new ClaimAction.ChooseChildren(), by, today());
        List<FieldIssue> issues = new ArrayList<>();
        if (decision.allowed()) {
            ScholarshipPlanner.choiceIssues(children, ids, maxChildren(claim.eventDate()))
                    .forEach(i -> issues.add(new FieldIssue("chosen", i.code(), i.args(), i.severity())));
        }
        decision.orThrow(issues);
        List<ClaimIntake.ChildItem> now = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ClaimIntake.ChildItem c = items.get(i);
            now.add(new ClaimIntake.ChildItem(
                    c.name(),
                    c.birthDate(),
                    c.level(),
                    c.yearInLevel(),
                    c.married(),
                    c.working(),
                    ids.contains("child-" + (i + 1))));
        }
        ClaimIntake in = claim.intake();
        ClaimIntake changed = new ClaimIntake(
                in.participantId(),
                in.kind(),
                in.cause(),
                in.eventDate(),
                in.invoices(),
                in.homeCareStart(),
                in.transport(),
                in.stmbMonths(),
                in.disabilityCodes(),
                in.functionLosses(),
                in.wage(),
                in.heirs(),
                now,
                in.note());
        change(
                claim,
                "intake_enc = :intake",
                Map.of("intake", vault.sealText(json.writeValueAsString(changed), ClaimReader.INTAKE)));
        assess(
                claimId,
                claim.participantId(),
                kind,
                EventCause.valueOf(claim.cause()),
                claim.eventDate(),
                new ClaimDetails.None(),
                changed,
                by);
        step(
                claimId,
                by,
                claim.status(),
                "scholarship children: " + (ids.isEmpty() ? "default" : String.join(", ", ids)));
        audit.record(
                "CLAIM_CHILDREN_CHOSEN",
                "claim",
                Long.toString(claimId),
                claim.regionCode(),
                Map.of("chosen", ids, "previous", previouslyChosen(items)));
        return visible(claimId, by);
    }

    private static List<String> previouslyChosen(List<ClaimIntake.ChildItem> items) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).named()) {
                ids.add("child-" + (i + 1));
            }
        }
        return ids;
    }

    /**
     * Documents are complete and checked on {@code documentsCompleteOn} (the service level runs from that day):
     * facts and amounts are established again and the payment due date set.
     */
    @Transactional
    public Claim verify(ClaimId which, int expectedVersion, @Nullable LocalDate documentsCompleteOn, LindungUser by) {
        long claimId = which.value();
        workflow.mayAttempt(Kind.VERIFY, by).orThrow();
        Claim claim = current(claimId, expectedVersion, by);
        decide(claim, new ClaimAction.Verify(documentsCompleteOn), by);
        LocalDate complete = Objects.requireNonNull(documentsCompleteOn);
        LocalDate due = serviceLevel.dueDate(complete, holidays.calendar());
        change(
                claim,
                "status = 'VERIFIED', verified_by = :by, documents_complete_on = :complete, due_date = :due",
                Map.of("by", by.username(), "complete", Date.valueOf(complete), "due", Date.valueOf(due)));
        IntakeReader read = new IntakeReader(bounds);
        ClaimKind kind = ClaimKind.valueOf(claim.kind());
        ClaimDetails details = read.details(kind, claim.intake(), claim.eventDate());
        if (details == null || !read.issues().isEmpty()) {
            // an intake an earlier version let in (e.g. an invoice past the bounds) is not recomputed without it
            throw new InvalidInputException(
                    read.issues().stream().map(IntakeReader::intakeField).toList());
        }
        assess(
                claimId,
                claim.participantId(),
                kind,
                EventCause.valueOf(claim.cause()),
                claim.eventDate(),
                details,
                claim.intake(),
                by);
        step(claimId, by, ClaimStatus.VERIFIED, null);
        Claim verified = visible(claimId, by);
        audit.record(
                "CLAIM_VERIFIED",
                "claim",
                Long.toString(claimId),
                claim.regionCode(),
                Map.of(
                        "documentsCompleteOn",
                        complete.toString(),
                        "dueDate",
                        due.toString(),
                        "total",
                        verified.total()));
        return verified;
    }

    /**
     * Approves the computed amounts. Above the four-eyes threshold the first approval waits for a second officer;
     * the same officer cannot give both. Each approval needs the officer signed in as themselves, never an API token
     * (a token acts as its creator, but a two-person rule needs two people present). A claim with a refusal cannot
     * be approved: reject it.
     */
    @Transactional
    public Claim approve(ClaimId which, int expectedVersion, LindungUser by) {
        long claimId = which.value();
        workflow.mayAttempt(Kind.APPROVE, by).orThrow();
        Claim claim = current(claimId, expectedVersion, by);
        lockPerson(claim.participantId()); // the person's other claims are read under the lock (one event pays once)
        Transition approval = decide(claim, new ClaimAction.Approve(), by);
        if (approval.next().status() == ClaimStatus.AWAITING_SECOND) {
            change(claim, "status = 'AWAITING_SECOND', first_approver = :by", Map.of("by", by.username()));
            step(claimId, by, ClaimStatus.AWAITING_SECOND, null);
            audit.record(
                    "CLAIM_FIRST_APPROVAL",
                    "claim",
                    Long.toString(claimId),
                    claim.regionCode(),
                    Map.of("total", claim.total()));
            return visible(claimId, by);
        }
        change(claim, "status = 'APPROVED', decided_by = :by, decided_at = lindung_now()", Map.of("by", by.username()));
        step(claimId, by, ClaimStatus.APPROVED, null);
        if (approval.has(Effect.RECORD_DEATH)) {
            deaths.record(claim, by);
        }
        audit.record(
                "CLAIM_APPROVED",
                "claim",
                Long.toString(claimId),
                claim.regionCode(),
                Map.of("total", claim.total(), "payer", claim.employerPays() ? "EMPLOYER" : "BPJS"));
        announce(approval, claim, true, claim.total());
        return visible(claimId, by);
    }

    private void lockPerson(long participantId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
                .params(PERSON_LOCK, Long.hashCode(participantId))
                .query()
                .singleRow();
    }

    private int maxChildren(LocalDate eventDate) {
        try {
            return calculator
                    .rules()
                    .rule(RuleKey.SCHOLARSHIP_MAX_CHILDREN, eventDate)
                    .intValue();
        } catch (MissingRuleException e) {
            return Integer.MAX_VALUE; // no scholarship rules that day: the engine says so on the claim
        }
    }

    /**
     * The audited correction of a death recorded in error: the participant's status and each membership's end are
     * put back as they were before the approval. Officers and administrators, the claim in scope (else not found),
     * with a reason; the claim itself keeps its decision.
     */
    @Transactional
    public Claim correctDeath(ClaimId which, @Nullable String reason, LindungUser by) {
        long claimId = which.value();
        workflow.mayAttempt(Kind.CORRECT_DEATH, by).orThrow();
        Claim claim = visible(claimId, by);
        decide(claim, new ClaimAction.CorrectDeath(reason), by);
        String why = Objects.requireNonNull(reason).trim();
        lockPerson(claim.participantId());
        if (!deaths.reverse(claim, why, by)) {
            throw new ConflictException("claim.changed", claim.claimNumber());
        }
        step(claimId, by, claim.status(), "death corrected: " + why);
        return visible(claimId, by);
    }

    @Transactional
    public Claim reject(ClaimId which, int expectedVersion, @Nullable String reason, LindungUser by) {
        long claimId = which.value();
        workflow.mayAttempt(Kind.REJECT, by).orThrow();
        Claim claim = current(claimId, expectedVersion, by);
        Transition rejection = decide(claim, new ClaimAction.Reject(reason), by);
        String why = Objects.requireNonNull(reason).trim();
        change(
                claim,
                "status = 'REJECTED', decided_by = :by, decided_at = lindung_now(), rejection_reason = :reason",
                Map.of("by", by.username(), "reason", why));
        step(claimId, by, ClaimStatus.REJECTED, why);
        audit.record("CLAIM_REJECTED", "claim", Long.toString(claimId), claim.regionCode(), Map.of("reason", why));
        announce(rejection, claim, false, 0);
        return visible(claimId, by);
    }

    /**
     * Records the payment of an approved claim. A JKK benefit paid after its due date adds the late compensation
     * (1% of the benefit per day, PP 44/2015 art. 37) as a line of its own. A claim the employer owes records the
     * employer's payment to the worker (the reference: its proof), without that compensation, which is BPJS's.
     */
    @Transactional
    public Claim recordPayment(
            ClaimId which,
            int expectedVersion,
            @Nullable LocalDate paidOn,
            @Nullable String reference,
            LindungUser by) {
        long claimId = which.value();
        workflow.mayAttempt(Kind.PAY, by).orThrow();
        Claim claim = current(claimId, expectedVersion, by);
        Transition payment = decide(claim, new ClaimAction.Pay(paidOn, reference), by);
        LocalDate paid = Objects.requireNonNull(paidOn);
        long lateDays = 0;
        long lateAmount = 0;
        if (payment.has(Effect.LATE_COMPENSATION)) {
            LatePayment late = serviceLevel.latePayment(
                    claim.total(), Objects.requireNonNull(claim.documentsCompleteOn()), paid, holidays.calendar());
            lateDays = late.daysLate();
            if (late.line() != null) {
                lateAmount = late.line().amount();
                insertLine(claimId, claim.lines().size() + 1, late.line());
            }
        }
        change(
                claim,
                "status = 'PAID', paid_on = :paid, payment_reference = :ref, late_days = :days,"
                        + " late_amount = :late, total = total + :late",
                Map.of(
                        "paid",
                        Date.valueOf(paid),
                        "ref",
                        Objects.requireNonNull(reference).trim(),
                        "days",
                        (int) lateDays,
                        "late",
                        lateAmount));
        step(claimId, by, ClaimStatus.PAID, reference.trim());
        audit.record(
                "CLAIM_PAID",
                "claim",
                Long.toString(claimId),
                claim.regionCode(),
                Map.of(
                        "paidOn",
                        paid.toString(),
                        "reference",
                        reference.trim(),
                        "lateDays",
                        lateDays,
                        "lateAmount",
                        lateAmount));
        return visible(claimId, by);
    }

    /**
     * A yearly scholarship claim on an approved (or paid) death or total-disability claim: the engine decides the
     * amount for the school year from the proof of enrolment and what the child was paid before, or refuses naming
     * the rule. A payable year is recorded once.
     */
    @Transactional
    public ScholarshipYearDecision scholarshipYear(ClaimId which, ScholarshipYearRequest request, LindungUser by) {
        long claimId = which.value();
        workflow.mayAttempt(Kind.SCHOLARSHIP_YEAR, by).orThrow();
        Claim claim = visible(claimId, by);
        Decision<Transition> step = workflow.decide(state(claim), new ClaimAction.ScholarshipYear(), by, today());
        List<FieldIssue> issues = new ArrayList<>(); // the request's, reported with the workflow's refusal
        ClaimKind kind = ClaimKind.valueOf(claim.kind());
        List<Child> children = new IntakeReader(bounds).children(claim.intake().children(), new ArrayList<>());
        Child child = children.stream()
                .filter(c -> c.id().equals(request.childId()))
                .findFirst()
                .orElse(null);
        if (child == null && step.breaches().stream().noneMatch(b -> b.rule() == ClaimRule.NO_CHILDREN)) {
            issues.add(FieldIssue.error("childId", "claim.child.unknown", String.valueOf(request.childId())));
        }
        EducationLevel level = null;
        if (request.level() != null && !request.level().isBlank()) {
            try {
                level = EducationLevel.valueOf(request.level().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                issues.add(FieldIssue.error("level", "claim.child.level", request.level()));
            }
        }
        if (request.schoolYear() == null) {
            issues.add(FieldIssue.error("schoolYear", "field.required"));
        } else if (request.schoolYear() > ScholarshipPlanner.schoolYearOf(LocalDate.now(clock))) {
            issues.add(FieldIssue.error("schoolYear", "claim.scholarship.future-year"));
        }
        step.orThrow(issues);
        Child c = Objects.requireNonNull(child);
        Child now = new Child(
                c.id(), c.name(), c.birthDate(), c.level(), c.yearInLevel(), request.married(), request.working());
        List<ScholarshipPayment> paidToChild = claim.scholarshipPaid().stream()
                .filter(p -> p.childId().equals(c.id()))
                .map(p -> new ScholarshipPayment(p.schoolYear(), EducationLevel.valueOf(p.level()), p.amount()))
                .toList();
        int others = (int) claim.scholarshipPaid().stream()
                .map(Claim.ScholarshipPaid::childId)
                .filter(id -> !id.equals(c.id()))
                .distinct()
                .count();
        Claim.Member m = claim.member();
        ClaimFacts facts = new ClaimFacts(
                kind,
                claim.eventDate(),
                EventCause.valueOf(claim.cause()),
                new MemberFacts(
                        id.lindung.enrolment.Segment.valueOf(m.segment()),
                        m.jkkProtected(),
                        m.jkmProtected(),
                        m.contributionMonths(),
                        m.wage(),
                        claim.employerLiability() == null
                                ? MemberFacts.EmployerDefault.NONE
                                : MemberFacts.EmployerDefault.valueOf(
                                        claim.employerLiability().reason())),
                new ClaimDetails.None());
        ScholarshipDecision decision = scholarships.claimYear(
                facts,
                new ScholarshipClaim(now, level, Objects.requireNonNull(request.schoolYear()), paidToChild, others));
        if (decision.refusal() != null) {
            Refusal r = decision.refusal();
            return new ScholarshipYearDecision(
                    c.id(),
                    request.schoolYear(),
                    0,
                    null,
                    new Claim.Refusal(r.code(), r.messageKey(), strings(r.args()), r.legalBasis()));
        }
        BenefitLine line = Objects.requireNonNull(decision.line());
        jdbc.sql("""
                INSERT INTO claim_scholarship_payment (claim_id, child_id, child_name_enc, school_year, level,
                                                       amount, formula, legal_basis, decided_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        claimId,
                        c.id(),
                        vault.sealText(c.name(), ClaimReader.PAID_CHILD),
                        request.schoolYear(),
                        Objects.requireNonNull(level).name(),
                        line.amount(),
                        line.formula(),
                        line.legalBasis(),
                        by.username())
                .update();
        audit.record(
                "CLAIM_SCHOLARSHIP_YEAR",
                "claim",
                Long.toString(claimId),
                claim.regionCode(),
                Map.of(
                        "child",
                        c.id(),
                        "schoolYear",
                        request.schoolYear(),
                        "level",
                        level.name(),
                        "amount",
                        line.amount()));
        return new ScholarshipYearDecision(c.id(), request.schoolYear(), line.amount(), line.formula(), null);
    }

    /** A scholarship year: the amount paid with its formula, or the refusal naming its rule. */
    public record ScholarshipYearDecision(
            String childId,
            int schoolYear,
            long amount,
            @Nullable String formula,
            Claim.@Nullable Refusal refusal) {}

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * A claim inside the caller's region scope. Claims hold health and family details: BPJS officers,
     * administrators and agents read them; government analysts and bank officers do not.
     */
    public Claim get(ClaimId which, LindungUser by) {
        return visible(which.value(), by);
    }

    private Claim visible(long claimId, LindungUser by) {
        workflow.requireRead(by);
        return reader.find(claimId)
                .filter(c -> by.scope().includes(c.regionCode()))
                .map(c -> c.disclosedTo(by))
                .orElseThrow(() -> new NotFoundException("claim " + claimId));
    }

    /**
     * The work queue in the caller's scope: open claims by default (or one status), optionally only those assigned
     * to the caller, searched by claim number or participant name; oldest due date first.
     */
    public PageResult<ClaimSummary> queue(
            @Nullable ClaimStatus status, boolean mine, @Nullable String text, int page, int size, LindungUser by) {
        workflow.requireRead(by);
        return reader.queue(
                status, mine ? by.username() : null, text, by.scope().code(), page, size);
    }

    public List<Claim> ofParticipant(ParticipantId participant, LindungUser by) {
        // first, or a role that reads no claims got an empty list for a worker without any
        workflow.requireRead(by);
        participants.get(participant, by);
        return reader.idsOfParticipant(participant.value()).stream()
                .map(id -> visible(id, by))
                .toList();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private Claim current(long claimId, int expectedVersion, LindungUser by) {
        Claim claim = visible(claimId, by);
        if (claim.version() != expectedVersion) {
            throw new ConflictException("claim.changed", claim.claimNumber());
        }
        return claim;
    }

    /** Changes the claim if nobody changed it since it was read; of concurrent changes exactly one passes. */
    private void change(Claim claim, String set, Map<String, Object> params) {
        var spec = jdbc.sql("UPDATE claim SET " + set + ", version = version + 1 WHERE id = :id AND version = :version")
                .param("id", claim.id())
                .param("version", claim.version());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        if (spec.update() != 1) {
            throw new ConflictException("claim.changed", claim.claimNumber());
        }
    }

    private void step(long claimId, LindungUser by, ClaimStatus status, @Nullable String note) {
        jdbc.sql("INSERT INTO claim_step (claim_id, actor, status, note_enc) VALUES (?, ?, ?, ?)")
                .params(claimId, by.username(), status.name(), vault.sealText(note, ClaimReader.STEP_NOTE))
                .update();
    }

    /** The workflow's decision on {@code action}: the transition to make, or the refusal thrown. */
    private Transition decide(Claim claim, ClaimAction action, LindungUser by) {
        return decide(claim, action, by, List.of());
    }

    /** As above, with what the service found wrong in the input reported with the workflow's refusal. */
    private Transition decide(Claim claim, ClaimAction action, LindungUser by, List<FieldIssue> inputIssues) {
        return workflow.decide(state(claim), action, by, today()).orThrow(inputIssues);
    }

    /**
     * The claim as the workflow sees it. The person's other claims are read for a death (one person dies once) and
     * the accident case's lump sum for a lump-sum kind (one accident pays one): at approval under the person's lock.
     */
    private ClaimState state(Claim c) {
        ClaimKind kind = ClaimKind.valueOf(c.kind());
        List<OncePerEvent.OtherClaim> others = kind.death() ? reader.othersOf(c.participantId(), c.id()) : List.of();
        String lumpSum = kind.lumpSum()
                ? reader.accidentCase(c.id())
                        .lumpSum()
                        .map(AccidentCase.EarlierClaim::claimNumber)
                        .orElse(null)
                : null;
        long late = c.lateAmount() == null ? 0 : c.lateAmount();
        int children = c.intake().children() == null ? 0 : c.intake().children().size();
        return new ClaimState(
                c.claimNumber(),
                c.status(),
                kind,
                c.eventDate(),
                c.eligible(),
                c.total() - late,
                c.employerPays(),
                c.documents().size(),
                children,
                c.assignedTo(),
                c.verifiedBy(),
                c.documentsCompleteOn(),
                c.firstApprover(),
                c.decidedBy(),
                c.paidOn(),
                c.death() != null && c.death().inForce(),
                c.caseNumber(),
                others,
                lumpSum);
    }

    /**
     * What the claim page offers {@code by}: per step, the rules of the claim and the actor refusing it (none: the
     * step is offered, exactly as the workflow would allow it), and whether an approval now waits for a second
     * officer.
     */
    public Steps steps(Claim claim, LindungUser by) {
        ClaimState state = state(claim);
        return new Steps(workflow.refusing(state, by), workflow.needsSecondApproval(state));
    }

    /** The steps of a claim for one user, as {@link #steps} finds them. */
    public record Steps(Map<Kind, List<ClaimRule>> refusing, boolean secondApprovalNeeded) {

        public Steps {
            refusing = Map.copyOf(refusing);
        }

        public boolean offers(Kind kind) {
            return refusing.getOrDefault(kind, List.of()).isEmpty() && refusing.containsKey(kind);
        }

        /** Whether {@code kind} waits for {@code rule} alone (e.g. verification for a first document). */
        public boolean waitsOnlyFor(Kind kind, ClaimRule rule) {
            return List.of(rule).equals(refusing.get(kind));
        }
    }

    private void announce(Transition transition, Claim claim, boolean approved, long total) {
        if (transition.has(Effect.ANNOUNCE_DECISION)) {
            events.publishEvent(new ClaimDecided(
                    claim.id(), claim.participantId(), claim.kind(), approved, total, claim.regionCode(), today()));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
