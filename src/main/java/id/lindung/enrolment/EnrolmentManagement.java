package id.lindung.enrolment;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.enrolment.internal.EnrolmentRepository;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.ParticipantStatus;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.PageResult;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolling participants and construction projects, changing declared income or wage, ending memberships. Reads and
 * writes are confined to the caller's region scope through the participant registry; every write is audited in the
 * same transaction and published as an event.
 */
@Service
public class EnrolmentManagement {

    /** What enrolment (and every quote) refuses, with the field names of an enrolment. */
    private static final MembershipRules.Fields FIELDS = new MembershipRules.Fields("baseAmount", null);

    private final EnrolmentRepository repository;
    private final ParticipantManagement participants;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MembershipRules rules;
    private final EnrolmentPolicy policy;

    EnrolmentManagement(
            EnrolmentRepository repository,
            ParticipantManagement participants,
            RegionDirectory regions,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            MembershipRules rules,
            EnrolmentPolicy policy) {
        this.repository = repository;
        this.participants = participants;
        this.regions = regions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.rules = rules;
        this.policy = policy;
    }

    public long bpuMinIncome() {
        return rules.bpuMinIncome();
    }

    // ------------------------------------------------------------------------------------------------ employers

    @Transactional
    public Employer registerEmployer(NewEmployer employer, LindungUser by) {
        policy.requireOfficer(by);
        List<FieldIssue> issues = new ArrayList<>();
        String npp = trimToNull(employer.npp());
        if (npp == null) {
            issues.add(FieldIssue.error("npp", "field.required"));
        } else if (!npp.matches("[0-9A-Z]{6,20}")) {
            issues.add(FieldIssue.error("npp", "employer.npp.format"));
        } else if (repository.nppTaken(npp)) {
            issues.add(FieldIssue.error("npp", "employer.npp.taken", npp));
        }
        String name = trimToNull(employer.name());
        if (name == null) {
            issues.add(FieldIssue.error("name", "field.required"));
        } else if (name.length() > 150) {
            issues.add(FieldIssue.error("name", "field.too-long", 150));
        }
        rules.checkRiskClass("riskClass", employer.riskClass(), issues);
        String kbli = trimToNull(employer.kbli());
        if (kbli != null && !kbli.matches("\\d{5}")) {
            issues.add(FieldIssue.error("kbli", "kbli.format"));
        }
        checkRegion("regionCode", employer.regionCode(), issues);
        InvalidInputException.throwIfErrors(issues);
        String region = Objects.requireNonNull(employer.regionCode()).trim();
        requireInScope(by, region);
        long id = repository.insertEmployer(
                Objects.requireNonNull(npp),
                Objects.requireNonNull(name),
                Objects.requireNonNull(employer.riskClass()),
                kbli,
                region);
        Employer saved = repository.findEmployer(id).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("npp", saved.npp());
        values.put("name", saved.name());
        values.put("riskClass", saved.riskClass());
        values.put("kbli", saved.kbli());
        values.put("regionCode", saved.regionCode());
        audit.record("EMPLOYER_REGISTERED", "employer", Long.toString(id), region, values);
        return saved;
    }

    public Employer employer(long id, LindungUser by) {
        return repository
                .findEmployer(id)
                .filter(e -> by.scope().includes(e.regionCode()))
                .orElseThrow(() -> new NotFoundException("employer " + id));
    }

    public PageResult<Employer> searchEmployers(@Nullable String text, int page, int size, LindungUser by) {
        return repository.searchEmployers(text, by.scope().code(), Math.max(0, page), Math.max(1, Math.min(size, 200)));
    }

    // ------------------------------------------------------------------------------------------------- projects

    /** Registers a construction project and its JAKON membership (JKK and JKM for the project's duration). */
    @Transactional
    public Membership registerProject(NewProject project, LindungUser by) {
        policy.requireOfficer(by);
        List<FieldIssue> issues = new ArrayList<>();
        Employer employer = null;
        if (project.employerId() == null) {
            issues.add(FieldIssue.error("employerId", "field.required"));
        } else {
            employer = repository
                    .findEmployer(project.employerId())
                    .filter(e -> by.scope().includes(e.regionCode()))
                    .orElse(null);
            if (employer == null) {
                issues.add(FieldIssue.error("employerId", "employer.unknown", project.employerId()));
            }
        }
        String name = trimToNull(project.name());
        if (name == null) {
            issues.add(FieldIssue.error("name", "field.required"));
        }
        issues.addAll(rules.check(
                new MembershipTerms(Segment.JAKON, null, null, null, null, false, project.contractValue(), null),
                FIELDS));
        rules.checkStart("startMonth", project.startMonth(), issues);
        policy.checkBackdating("startMonth", project.startMonth(), by, issues);
        if (project.endMonth() == null) {
            issues.add(FieldIssue.error("endMonth", "field.required"));
        } else if (project.startMonth() != null && project.endMonth().isBefore(project.startMonth())) {
            issues.add(FieldIssue.error("endMonth", "project.end.before-start"));
        }
        if (project.workerCount() == null) {
            issues.add(FieldIssue.error("workerCount", "field.required"));
        } else if (project.workerCount() < 0) {
            issues.add(FieldIssue.error("workerCount", "amount.not-negative"));
        }
        checkRegion("regionCode", project.regionCode(), issues);
        InvalidInputException.throwIfErrors(issues);
        String region = Objects.requireNonNull(project.regionCode()).trim();
        requireInScope(by, region);
        YearMonth start = Objects.requireNonNull(project.startMonth());
        YearMonth end = Objects.requireNonNull(project.endMonth());
        long projectId = repository.insertProject(
                Objects.requireNonNull(employer).id(),
                Objects.requireNonNull(name),
                Objects.requireNonNull(project.contractValue()),
                start,
                end,
                Objects.requireNonNull(project.workerCount()),
                region);
        Channel channel = project.channel() == null ? Channel.EMPLOYER : project.channel();
        Set<Programme> programmes = Segment.JAKON.mandatory();
        long id = repository.insertMembership(
                null,
                employer.id(),
                projectId,
                Segment.JAKON,
                channel,
                programmes,
                Sector.OTHER,
                false,
                null,
                start,
                end,
                EndReason.CONTRACT_ENDED,
                region,
                by.username());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("projectId", projectId);
        values.put("employerId", employer.id());
        values.put("name", name);
        values.put("contractValue", project.contractValue());
        values.put("startMonth", start.toString());
        values.put("endMonth", end.toString());
        values.put("workerCount", project.workerCount());
        audit.record("PROJECT_REGISTERED", "membership", Long.toString(id), region, values);
        events.publishEvent(new MembershipStarted(MembershipId.of(id), null, Segment.JAKON, channel, region, start));
        return repository.findMembership(id).orElseThrow();
    }

    public ConstructionProject project(long id, LindungUser by) {
        return repository
                .findProject(id)
                .filter(p -> by.scope().includes(p.regionCode()))
                .orElseThrow(() -> new NotFoundException("project " + id));
    }

    // ---------------------------------------------------------------------------------------------- memberships

    @Transactional
    public Membership enrol(EnrolmentRequest request, LindungUser by) {
        return enrol(request, null, by);
    }

    /**
     * Enrols a KUR borrower from the kur module's enrol action, with the fact it verified ({@link KurBorrower}):
     * the only way a bank officer enrols (their own bank's matched borrower), and an agent's way for a work-list row
     * handed to them. Everything else is as {@link #enrol(EnrolmentRequest, LindungUser)}.
     */
    @Transactional
    public Membership enrol(EnrolmentRequest request, @Nullable KurBorrower borrower, LindungUser by) {
        List<FieldIssue> issues = new ArrayList<>();
        Segment segment = request.segment();
        if (segment == null) {
            issues.add(FieldIssue.error("segment", "field.required"));
        } else if (segment == Segment.JAKON) {
            issues.add(FieldIssue.error("segment", "enrolment.jakon.per-project"));
        }
        Channel channel = request.channel() == null ? defaultChannel(by, segment) : request.channel();
        policy.checkEnrolAccess(by, channel, borrower);
        policy.checkEnrolTerms(
                by,
                request.participantId(),
                segment,
                request.employerId(),
                request.paidByGovernment() || channel == Channel.GOV_SPONSOR,
                request.baseAmount(),
                request.startMonth(),
                borrower,
                issues);
        Participant participant = null;
        if (request.participantId() == null) {
            issues.add(FieldIssue.error("participantId", "field.required"));
        } else {
            try {
                participant = participants.get(ParticipantId.ofRequest(request.participantId()), by);
                if (participant.status() != ParticipantStatus.ACTIVE) {
                    issues.add(FieldIssue.error(
                            "participantId",
                            "enrolment.participant.not-active",
                            participant.status().name()));
                }
            } catch (NotFoundException e) {
                issues.add(FieldIssue.error("participantId", "enrolment.participant.unknown", request.participantId()));
            }
        }
        rules.checkStart("startMonth", request.startMonth(), issues);
        if (segment == null || segment == Segment.JAKON || participant == null) {
            InvalidInputException.throwIfErrors(issues);
        }
        Long employerId = null;
        Integer riskClass = null;
        if (segment == Segment.PU) {
            Employer employer = request.employerId() == null
                    ? null
                    : repository
                            .findEmployer(request.employerId())
                            .filter(e -> by.scope().includes(e.regionCode()))
                            .orElse(null);
            if (request.employerId() == null) {
                issues.add(FieldIssue.error("employerId", "field.required"));
            } else if (employer == null) {
                issues.add(FieldIssue.error("employerId", "employer.unknown", request.employerId()));
            } else {
                employerId = employer.id();
                riskClass = employer.riskClass();
            }
        }
        boolean governmentPaid = request.paidByGovernment() || channel == Channel.GOV_SPONSOR;
        issues.addAll(rules.check(
                new MembershipTerms(
                        segment,
                        request.programmes(),
                        request.baseAmount(),
                        riskClass,
                        request.sector(),
                        governmentPaid,
                        null,
                        request.contractMonths()),
                FIELDS));
        InvalidInputException.throwIfErrors(issues);
        Set<Programme> programmes = MembershipRules.programmes(Objects.requireNonNull(segment), request.programmes());
        long base = request.baseAmount() == null ? 0 : request.baseAmount();
        Integer contractMonths = segment == Segment.PMI ? request.contractMonths() : null;
        YearMonth start = request.startMonth();
        YearMonth end = null;
        EndReason endReason = null;
        Objects.requireNonNull(start);
        Objects.requireNonNull(participant);
        if (segment == Segment.PMI) {
            end = start.plusMonths(Objects.requireNonNull(contractMonths) - 1L);
            endReason = EndReason.CONTRACT_ENDED;
            if (repository.overlapping(participant.id(), segment, start, end)) {
                throw new InvalidInputException(FieldIssue.error("startMonth", "enrolment.already", segment.name()));
            }
        } else if (repository.openMembershipExists(participant.id(), segment, employerId)) {
            throw new InvalidInputException(FieldIssue.error("segment", "enrolment.already", segment.name()));
        }
        Sector sector = request.sector() == null ? Sector.OTHER : request.sector();
        long id;
        try {
            id = repository.insertMembership(
                    participant.id(),
                    employerId,
                    null,
                    segment,
                    channel,
                    programmes,
                    sector,
                    governmentPaid,
                    contractMonths,
                    start,
                    end,
                    endReason,
                    participant.regionCode(),
                    by.username());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(FieldIssue.error("segment", "enrolment.already", segment.name()));
        }
        if (base > 0 || segment != Segment.PMI) {
            repository.putBase(id, start, base);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("participantId", participant.id());
        values.put("segment", segment);
        values.put("channel", channel);
        values.put("programmes", Programme.join(programmes));
        values.put("employerId", employerId);
        values.put("baseAmount", base);
        values.put("sector", sector);
        values.put("governmentPaid", governmentPaid);
        values.put("contractMonths", contractMonths);
        values.put("startMonth", start.toString());
        if (borrower != null) {
            values.put("kurLoan", borrower.bank() + ":" + borrower.loanId());
        }
        audit.record("MEMBERSHIP_STARTED", "membership", Long.toString(id), participant.regionCode(), values);
        events.publishEvent(new MembershipStarted(
                MembershipId.of(id),
                ParticipantId.of(participant.id()),
                segment,
                channel,
                participant.regionCode(),
                start));
        return repository.findMembership(id).orElseThrow();
    }

    /** A membership inside the caller's scope. */
    public Membership membership(MembershipId id, LindungUser by) {
        return repository
                .findMembership(id.value())
                .filter(m -> by.scope().includes(m.regionCode()))
                .orElseThrow(() -> new NotFoundException("membership " + id));
    }

    /**
     * The employer of a membership the caller may see (the employer may be registered in another region: a worker's
     * claim names the employer that owes it), empty for memberships without one.
     */
    public java.util.Optional<Employer> employerOf(MembershipId membership, LindungUser by) {
        Membership m = membership(membership, by);
        return m.employerId() == null ? java.util.Optional.empty() : repository.findEmployer(m.employerId());
    }

    public List<Membership> membershipsOf(ParticipantId participant, LindungUser by) {
        participants.get(participant, by);
        return repository.membershipsOf(participant.value());
    }

    /** Declared income (BPU), wage (PU) or chosen JHT amount (PMI) from a month on; earlier months keep theirs. */
    @Transactional
    public Membership changeBase(
            MembershipId membership, @Nullable Long amount, @Nullable YearMonth effectiveFrom, LindungUser by) {
        Membership m = membership(membership, by);
        long membershipId = membership.value();
        List<FieldIssue> issues = new ArrayList<>();
        policy.checkChangeBase(
                by,
                m,
                by.role() == Role.AGENT ? repository.enrolledBy(membershipId) : null,
                amount,
                effectiveFrom,
                issues);
        if (m.segment() == Segment.JAKON) {
            issues.add(FieldIssue.error("amount", "enrolment.base.not-for-jakon"));
        } else {
            rules.checkBase(m.segment(), amount, m.programmes(), "amount", issues);
        }
        if (effectiveFrom == null) {
            issues.add(FieldIssue.error("effectiveFrom", "field.required"));
        } else if (rules.checkPlanned("effectiveFrom", effectiveFrom, issues) && !m.activeIn(effectiveFrom)) {
            issues.add(FieldIssue.error(
                    "effectiveFrom",
                    "enrolment.month.outside",
                    m.startMonth().toString(),
                    m.endMonth() == null ? "" : m.endMonth().toString()));
        }
        InvalidInputException.throwIfErrors(issues);
        long previous = m.baseIn(Objects.requireNonNull(effectiveFrom));
        repository.putBase(membershipId, effectiveFrom, Objects.requireNonNull(amount));
        audit.record(
                "MEMBERSHIP_BASE_CHANGED",
                "membership",
                Long.toString(membershipId),
                m.regionCode(),
                Map.of("effectiveFrom", effectiveFrom.toString(), "amount", List.of(previous, amount)));
        events.publishEvent(new MembershipBaseChanged(membership, effectiveFrom, previous, amount));
        return repository.findMembership(membershipId).orElseThrow();
    }

    /** Ends an open membership at the end of {@code lastMonth} (its last protected month). */
    @Transactional
    public Membership end(
            MembershipId membership, @Nullable YearMonth lastMonth, @Nullable EndReason reason, LindungUser by) {
        Membership m = membership(membership, by);
        policy.checkEnd(by);
        List<FieldIssue> issues = new ArrayList<>();
        if (reason == null) {
            issues.add(FieldIssue.error("reason", "field.required"));
        } else if (reason == EndReason.LAPSED) {
            issues.add(FieldIssue.error("reason", "enrolment.end.lapse-is-automatic"));
        }
        if (lastMonth == null) {
            issues.add(FieldIssue.error("lastMonth", "field.required"));
        } else if (rules.checkPlanned("lastMonth", lastMonth, issues)
                && lastMonth.isBefore(m.startMonth().minusMonths(1))) {
            issues.add(FieldIssue.error(
                    "lastMonth", "enrolment.end.before-start", m.startMonth().toString()));
        }
        if (!m.open() && m.endReason() != EndReason.CONTRACT_ENDED) {
            issues.add(FieldIssue.error(
                    "membershipId",
                    "enrolment.already-ended",
                    Objects.requireNonNull(m.endMonth()).toString()));
        }
        InvalidInputException.throwIfErrors(issues);
        return endNow(m, Objects.requireNonNull(lastMonth), Objects.requireNonNull(reason));
    }

    /**
     * Ends every membership of a participant that runs past {@code lastMonth} (open, or with a planned end later),
     * with {@code reason}, at the end of {@code lastMonth} — for a recorded death: DECEASED as of the month of death.
     * A membership starting after that month ends before its first month. Each end is audited and published as
     * {@link MembershipEnded} (billing stops, coverage and the KUR match follow).
     *
     * @return the memberships as they were before, to put them back with {@link #restoreEnd}
     */
    @Transactional
    public List<Membership> endAllAfter(
            ParticipantId participant, YearMonth lastMonth, EndReason reason, LindungUser by) {
        policy.requireOfficerEnd(by);
        List<Membership> before = new ArrayList<>();
        for (Membership m : membershipsOf(participant, by)) {
            if (m.endMonth() == null || m.endMonth().isAfter(lastMonth)) {
                YearMonth last =
                        lastMonth.isBefore(m.startMonth()) ? m.startMonth().minusMonths(1) : lastMonth;
                endNow(m, last, reason);
                before.add(m);
            }
        }
        return before;
    }

    /**
     * Puts back the end a membership had before {@link #endAllAfter} (null: open again), as an audited correction
     * ({@code MEMBERSHIP_END_CORRECTED}). Published as {@link MembershipStarted} when it runs again (coverage and the
     * KUR match re-read it), else as {@link MembershipEnded} with the end put back.
     */
    @Transactional
    public Membership restoreEnd(
            MembershipId membership,
            @Nullable YearMonth endMonth,
            @Nullable EndReason reason,
            String because,
            LindungUser by) {
        policy.requireOfficerEnd(by);
        Membership m = membership(membership, by);
        long membershipId = membership.value();
        repository.restoreEnd(membershipId, endMonth, reason);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("endMonth", java.util.Arrays.asList(String.valueOf(m.endMonth()), String.valueOf(endMonth)));
        values.put("endReason", java.util.Arrays.asList(String.valueOf(m.endReason()), String.valueOf(reason)));
        values.put("because", because);
        audit.record("MEMBERSHIP_END_CORRECTED", "membership", Long.toString(membershipId), m.regionCode(), values);
        if (endMonth == null) {
            events.publishEvent(new MembershipStarted(
                    membership, participantOf(m), m.segment(), m.channel(), m.regionCode(), m.startMonth()));
        } else {
            events.publishEvent(new MembershipEnded(
                    membership,
                    participantOf(m),
                    m.segment(),
                    m.regionCode(),
                    endMonth,
                    Objects.requireNonNull(reason)));
        }
        return repository.findMembership(membershipId).orElseThrow();
    }

    /**
     * Ends memberships whose contributions went unpaid too long (called by the contribution module's billing run
     * as the system). Each gets its own audit line and event. Memberships no longer open are skipped.
     *
     * @return how many were ended
     */
    @Transactional
    public int lapse(Map<Long, YearMonth> lastProtectedMonthByMembership) {
        int ended = 0;
        for (Map.Entry<Long, YearMonth> e : lastProtectedMonthByMembership.entrySet()) {
            Membership m = repository.findMembership(e.getKey()).orElseThrow();
            if (m.open()) {
                endNow(m, e.getValue(), EndReason.LAPSED);
                ended++;
            }
        }
        return ended;
    }

    private Membership endNow(Membership m, YearMonth lastMonth, EndReason reason) {
        if (m.open()) {
            if (!repository.end(m.id(), lastMonth, reason)) {
                throw new InvalidInputException(FieldIssue.error("membershipId", "enrolment.already-ended", ""));
            }
        } else {
            repository.reschedule(m.id(), lastMonth, reason);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("lastMonth", lastMonth.toString());
        values.put("reason", reason);
        audit.record("MEMBERSHIP_ENDED", "membership", Long.toString(m.id()), m.regionCode(), values);
        events.publishEvent(new MembershipEnded(
                MembershipId.of(m.id()), participantOf(m), m.segment(), m.regionCode(), lastMonth, reason));
        return repository.findMembership(m.id()).orElseThrow();
    }

    private static @Nullable ParticipantId participantOf(Membership m) {
        Long participantId = m.participantId();
        return participantId == null ? null : ParticipantId.of(participantId);
    }

    // ---------------------------------------------------------------------------------------------------- rules

    private void checkRegion(String field, @Nullable String code, List<FieldIssue> issues) {
        if (code == null || code.isBlank()) {
            issues.add(FieldIssue.error(field, "field.required"));
        } else if (code.trim().length() < 5 || !regions.exists(code.trim())) {
            issues.add(FieldIssue.error(field, "region.unknown", code.trim()));
        }
    }

    private static Channel defaultChannel(LindungUser by, @Nullable Segment segment) {
        return switch (by.role()) {
            case AGENT -> Channel.AGENT;
            case BANK_OFFICER -> Channel.KUR_BANK;
            default -> segment == Segment.PU ? Channel.EMPLOYER : Channel.SELF;
        };
    }

    private void requireInScope(LindungUser by, String regionCode) {
        if (!by.scope().includes(regionCode)) {
            throw new ForbiddenException(
                    "access.region.outside-scope",
                    regions.nameOf(regionCode.substring(0, 5)),
                    regions.nameOf(by.scope().code()));
        }
    }

    private static @Nullable String trimToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
