package id.lindung.selfservice;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.access.WorkerSessions;
import id.lindung.contribution.BusinessBill;
import id.lindung.contribution.BusinessBills;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.Employer;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.NewEmployer;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.Business;
import id.lindung.participant.BusinessScale;
import id.lindung.participant.NewBusiness;
import id.lindung.participant.NikRules;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.ParticipantStatus;
import id.lindung.participant.Sex;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.SlidingWindowLimiter;
import id.lindung.shared.crypto.NikMask;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * UMKM owners (issue 19 point 5). A signed-in worker registers their business through the participant service (NIB
 * and KBLI checked there) and becomes its owner; their own open memberships go on its bill. They add helpers, who are
 * registered and enrolled in BPU at once through the same services and rules as self-registration, and propose
 * employees for PU, which an officer whose scope holds the business's desa confirms (registering the business's
 * employer record with NPP and risk class the first time) or refuses. A NIK already in the registry is never
 * enrolled by an owner: it waits for an officer too, and the owner sees only what they typed (docs/decisions.md,
 * "UMKM owners").
 */
@Component
class BusinessOwners {

    static final int ADDS_PER_DAY = 20;

    enum Kind {
        HELPER,
        EMPLOYEE
    }

    record BusinessForm(
            @Nullable String nib,
            @Nullable String name,
            @Nullable BusinessScale scale,
            @Nullable String kbli,
            @Nullable String regionCode) {}

    /** A person to add: {@code baseAmount} is the declared income of a helper or the monthly wage of an employee. */
    record WorkerForm(
            @Nullable Kind kind,
            @Nullable String nik,
            @Nullable String fullName,
            @Nullable Sector sector,
            @Nullable Long baseAmount) {}

    /** One person on a business as its owner sees them: what the owner typed, masked, and where it stands. */
    record Member(
            long id,
            Kind kind,
            String label,
            String nikMask,
            String status,
            @Nullable Long membershipId) {}

    /** A pending request as the officer sees it. */
    record Request(
            long id,
            Business business,
            Kind kind,
            String label,
            String nikMask,
            long baseAmount,
            Sector sector,
            boolean employerKnown) {}

    /** What adding a person came to. */
    enum Added {
        ENROLLED,
        PENDING,
        LIMITED
    }

    private final ParticipantManagement participants;
    private final EnrolmentManagement enrolment;
    private final BusinessBills bills;
    private final WorkerSessions sessions;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SlidingWindowLimiter limiter;

    BusinessOwners(
            ParticipantManagement participants,
            EnrolmentManagement enrolment,
            BusinessBills bills,
            WorkerSessions sessions,
            AuditTrail audit,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.participants = participants;
        this.enrolment = enrolment;
        this.bills = bills;
        this.sessions = sessions;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.limiter = new SlidingWindowLimiter(clock, Duration.ofDays(1), 100_000);
    }

    /** Registers the owner's business (scale mikro or kecil) and puts the owner's open memberships on its bill. */
    Business register(Participant owner, BusinessForm form) {
        if (form.scale() == BusinessScale.MENENGAH) {
            throw new InvalidInputException(FieldIssue.error("scale", "selfservice.business.scale"));
        }
        LindungUser actor = WorkerAccounts.actor(owner);
        return Objects.requireNonNull(sessions.actingAs(
                actor,
                () -> transactions.execute(tx -> {
                    Business b = participants.registerBusiness(
                            new NewBusiness(
                                    form.nib() == null ? null : form.nib().strip(),
                                    form.name(),
                                    owner.id(),
                                    form.kbli() == null ? null : form.kbli().strip(),
                                    form.scale(),
                                    form.regionCode() == null
                                            ? null
                                            : form.regionCode().strip(),
                                    1),
                            actor);
                    for (Membership m : enrolment.membershipsOf(new ParticipantId(owner.id()), actor)) {
                        if (m.open()) {
                            bills.include(b.id(), m.id());
                        }
                    }
                    return b;
                })));
    }

    List<Business> businesses(Participant owner) {
        LindungUser actor = WorkerAccounts.actor(owner);
        return sessions.actingAs(actor, () -> participants.businessesOf(new ParticipantId(owner.id()), actor));
    }

    /** The owner's own business; anyone else's, or none, is "not found" alike. */
    Business owned(Participant owner, long businessId) {
        return participants
                .business(businessId, LindungUser.SYSTEM)
                .filter(b -> b.ownerId() == owner.id())
                .orElseThrow(() -> new NotFoundException("business"));
    }

    List<Member> members(Participant owner, long businessId) {
        owned(owner, businessId);
        return jdbc.sql("""
                        SELECT id, kind, label, nik_mask, status, membership_id FROM business_worker
                         WHERE business_id = ? ORDER BY id""")
                .param(businessId)
                .query((rs, n) -> new Member(
                        rs.getLong(1),
                        Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, Long.class)))
                .list();
    }

    BusinessBill bill(Participant owner, long businessId) {
        owned(owner, businessId);
        LindungUser actor = WorkerAccounts.actor(owner);
        return sessions.actingAs(actor, () -> bills.bill(businessId, actor));
    }

    /**
     * Adds a person to the owner's business. A new NIK is registered (birth date and sex read from it, the
     * business's desa as theirs); a helper is then enrolled in BPU from this month and goes on the bill. An employee,
     * or anyone whose NIK was registered already, waits for an officer. Nothing of a registered person is read back
     * to the owner.
     */
    Added add(Participant owner, long businessId, WorkerForm form) {
        Business business = owned(owner, businessId);
        List<FieldIssue> issues = new ArrayList<>();
        String nik = NikRules.sixteenDigits(form.nik());
        LocalDate birthDate = null;
        Sex sex = null;
        if (nik == null) {
            issues.add(FieldIssue.error("nik", "selfservice.nik.shape"));
        } else {
            birthDate = NikRules.birthDateOf(nik, null, LocalDate.now(clock)).orElse(null);
            sex = NikRules.sexOf(nik).orElse(null);
            if (birthDate == null || sex == null) {
                issues.add(FieldIssue.error("nik", "selfservice.nik.shape"));
            }
        }
        String label = form.fullName() == null ? "" : form.fullName().strip();
        if (label.isEmpty()) {
            issues.add(FieldIssue.error("fullName", "field.required"));
        } else if (label.length() > 100) {
            issues.add(FieldIssue.error("fullName", "field.too-long", 100));
        }
        if (form.kind() == null) {
            issues.add(FieldIssue.error("kind", "field.required"));
        }
        if (form.sector() == null) {
            issues.add(FieldIssue.error("sector", "field.required"));
        }
        if (form.baseAmount() == null) {
            issues.add(FieldIssue.error("baseAmount", "field.required"));
        } else if (form.kind() == Kind.HELPER && form.baseAmount() < enrolment.bpuMinIncome()) {
            issues.add(FieldIssue.error("baseAmount", "selfservice.income.floor", enrolment.bpuMinIncome()));
        } else if (form.baseAmount() <= 0 || form.baseAmount() > 1_000_000_000L) {
            issues.add(FieldIssue.error("baseAmount", "amount.positive"));
        }
        InvalidInputException.throwIfErrors(issues);
        if (!limiter.admit("umkm-add:" + owner.id(), ADDS_PER_DAY)) {
            return Added.LIMITED;
        }
        String given = Objects.requireNonNull(nik);
        Kind kind = Objects.requireNonNull(form.kind());
        LindungUser actor = WorkerAccounts.actor(owner);
        Optional<Participant> known = participants.findByNik(given, LindungUser.SYSTEM);
        ParticipantDetails details = new ParticipantDetails(
                given, label, birthDate, sex, business.regionCode(), null, null, ParticipantStatus.ACTIVE);
        if (known.isEmpty()) {
            InvalidInputException.throwIfErrors(participants.check(details).stream()
                    .filter(FieldIssue::isError)
                    .toList());
        }
        try {
            return added(business, kind, given, label, known, details, form, actor);
        } catch (InvalidInputException e) {
            // registered meanwhile: answered as if it had been there before (a request for an officer)
            if (known.isEmpty() && e.issues().stream().anyMatch(i -> i.code().equals("nik.taken"))) {
                Optional<Participant> now = participants.findByNik(given, LindungUser.SYSTEM);
                if (now.isPresent()) {
                    return added(business, kind, given, label, now, details, form, actor);
                }
            }
            throw e;
        }
    }

    private Added added(
            Business business,
            Kind kind,
            String given,
            String label,
            Optional<Participant> known,
            ParticipantDetails details,
            WorkerForm form,
            LindungUser actor) {
        long businessId = business.id();
        return Objects.requireNonNull(sessions.actingAs(
                actor,
                () -> transactions.execute(tx -> {
                    long person;
                    boolean enrolNow;
                    if (known.isPresent()) {
                        person = known.get().id();
                        enrolNow = false;
                    } else {
                        person = participants
                                .register(details, actor)
                                .participant()
                                .id();
                        enrolNow = kind == Kind.HELPER;
                    }
                    if (jdbc.sql("""
                            SELECT EXISTS (SELECT 1 FROM business_worker
                                            WHERE business_id = ? AND participant_id = ? AND status <> 'REFUSED')""")
                            .params(businessId, person)
                            .query(Boolean.class)
                            .single()) {
                        throw new ConflictException("selfservice.business.worker.twice");
                    }
                    Long membership = null;
                    if (enrolNow) {
                        membership = enrolment
                                .enrol(
                                        new EnrolmentRequest(
                                                person,
                                                Segment.BPU,
                                                Channel.SELF,
                                                null,
                                                null,
                                                form.baseAmount(),
                                                form.sector(),
                                                false,
                                                YearMonth.now(clock),
                                                null),
                                        actor)
                                .id();
                        bills.include(businessId, membership);
                    }
                    long id = jdbc.sql("""
                            INSERT INTO business_worker (business_id, participant_id, kind, label, nik_mask, region_code,
                                                         base_amount, sector, status, membership_id, requested_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                            .params(
                                    businessId,
                                    person,
                                    kind.name(),
                                    label,
                                    NikMask.mask(given),
                                    business.regionCode(),
                                    form.baseAmount(),
                                    Objects.requireNonNull(form.sector()).name(),
                                    membership == null ? "PENDING" : "ACTIVE",
                                    membership,
                                    Timestamp.from(clock.instant()))
                            .query(Long.class)
                            .single();
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("businessId", businessId);
                    values.put("kind", kind.name());
                    values.put("nik", NikMask.mask(given));
                    values.put("status", membership == null ? "PENDING" : "ACTIVE");
                    audit.record(
                            "UMKM_WORKER_ADDED", "business_worker", Long.toString(id), business.regionCode(), values);
                    return membership == null ? Added.PENDING : Added.ENROLLED;
                })));
    }

    /** The pending requests in the officer's scope. */
    List<Request> pending(LindungUser officer) {
        requireOfficer(officer);
        List<Long> ids = jdbc.sql("SELECT id FROM business_worker WHERE status = 'PENDING' ORDER BY id")
                .query(Long.class)
                .list();
        List<Request> requests = new ArrayList<>();
        for (long id : ids) {
            request(id, officer).ifPresent(requests::add);
        }
        return requests;
    }

    /**
     * Confirms a pending request: a helper's open BPU membership goes on the bill (or one is enrolled); an employee
     * is enrolled in PU with the business's employer, registered now with {@code npp} and {@code riskClass} when the
     * business has none. All in one transaction.
     */
    void confirm(long requestId, @Nullable String npp, @Nullable Integer riskClass, LindungUser officer) {
        requireOfficer(officer);
        transactions.executeWithoutResult(tx -> {
            Request r = lockPending(requestId, officer);
            long person = jdbc.sql("SELECT participant_id FROM business_worker WHERE id = ?")
                    .param(requestId)
                    .query(Long.class)
                    .single();
            Membership membership;
            if (r.kind() == Kind.HELPER) {
                membership = enrolment.membershipsOf(new ParticipantId(person), officer).stream()
                        .filter(m -> m.segment() == Segment.BPU && m.open())
                        .findFirst()
                        .orElseGet(() -> enrolment.enrol(
                                new EnrolmentRequest(
                                        person,
                                        Segment.BPU,
                                        Channel.SELF,
                                        null,
                                        null,
                                        r.baseAmount(),
                                        r.sector(),
                                        false,
                                        YearMonth.now(clock),
                                        null),
                                officer));
            } else {
                long employer = employerOf(r.business(), npp, riskClass, officer);
                membership = enrolment.enrol(
                        new EnrolmentRequest(
                                person,
                                Segment.PU,
                                Channel.EMPLOYER,
                                null,
                                employer,
                                r.baseAmount(),
                                r.sector(),
                                false,
                                YearMonth.now(clock),
                                null),
                        officer);
            }
            if (!bills.include(r.business().id(), membership.id())) {
                throw new ConflictException("selfservice.business.membership.billed");
            }
            decide(r, "ACTIVE", membership.id(), officer);
        });
    }

    void refuse(long requestId, LindungUser officer) {
        requireOfficer(officer);
        transactions.executeWithoutResult(tx -> decide(lockPending(requestId, officer), "REFUSED", null, officer));
    }

    private long employerOf(Business business, @Nullable String npp, @Nullable Integer riskClass, LindungUser by) {
        Optional<Long> known = jdbc.sql("SELECT employer_id FROM business_employer WHERE business_id = ?")
                .param(business.id())
                .query(Long.class)
                .optional();
        if (known.isPresent()) {
            return known.get();
        }
        Employer employer = enrolment.registerEmployer(
                new NewEmployer(
                        npp == null ? null : npp.strip(),
                        business.name(),
                        riskClass,
                        business.kbli(),
                        business.regionCode()),
                by);
        jdbc.sql("INSERT INTO business_employer (business_id, employer_id) VALUES (?, ?)")
                .params(business.id(), employer.id())
                .update();
        return employer.id();
    }

    private void decide(Request r, String status, @Nullable Long membership, LindungUser officer) {
        jdbc.sql("""
                        UPDATE business_worker SET status = ?, membership_id = ?, decided_by = ?, decided_at = ?
                         WHERE id = ?""")
                .params(status, membership, officer.username(), Timestamp.from(clock.instant()), r.id())
                .update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("businessId", r.business().id());
        values.put("kind", r.kind().name());
        values.put("status", status);
        if (membership != null) {
            values.put("membershipId", membership);
        }
        audit.record(
                "ACTIVE".equals(status) ? "UMKM_WORKER_CONFIRMED" : "UMKM_WORKER_REFUSED",
                "business_worker",
                Long.toString(r.id()),
                r.business().regionCode(),
                values);
    }

    private Request lockPending(long requestId, LindungUser officer) {
        String status = jdbc.sql("SELECT status FROM business_worker WHERE id = ? FOR UPDATE")
                .param(requestId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("request"));
        Request r = request(requestId, officer).orElseThrow(() -> new NotFoundException("request"));
        if (!"PENDING".equals(status)) {
            throw new ConflictException("selfservice.business.request.decided");
        }
        return r;
    }

    /** A request whose business is in the officer's scope, else empty (outside the scope reads as not found). */
    private Optional<Request> request(long id, LindungUser officer) {
        return jdbc.sql("""
                        SELECT business_id, kind, label, nik_mask, base_amount, sector,
                               EXISTS (SELECT 1 FROM business_employer e WHERE e.business_id = w.business_id)
                          FROM business_worker w WHERE id = ?""")
                .param(id)
                .query((rs, n) -> {
                    long businessId = rs.getLong(1);
                    Kind kind = Kind.valueOf(rs.getString(2));
                    String label = rs.getString(3);
                    String mask = rs.getString(4);
                    long base = rs.getLong(5);
                    Sector sector = Sector.valueOf(rs.getString(6));
                    boolean employer = rs.getBoolean(7);
                    return participants
                            .business(businessId, officer)
                            .map(b -> new Request(id, b, kind, label, mask, base, sector, employer));
                })
                .optional()
                .flatMap(r -> r);
    }

    /**
     * Only staff officers and administrators decide; a worker's own actor is an officer in the services' eyes, so
     * it is refused by name here.
     */
    private static void requireOfficer(LindungUser user) {
        if (!(user.role() == Role.OFFICER || user.role() == Role.ADMIN)
                || user.username().startsWith("pekerja:")) {
            throw new ForbiddenException("selfservice.business.officer-only");
        }
    }
}
