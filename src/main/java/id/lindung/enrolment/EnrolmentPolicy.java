package id.lindung.enrolment;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may write what in enrolment, in one place (docs/decisions.md, "Write policy"): every write of
 * {@link EnrolmentManagement} and {@link StartCorrections} asks it first, pages and API alike. It answers for the
 * role (403: {@link ForbiddenException}), the relationship (region scope is checked by the services' reads; a bank's
 * own borrower arrives as a {@link KurBorrower}; an agent's own enrolments by who enrolled) and the limits (422
 * naming the field: start month, declared income).
 *
 * <ul>
 * <li>Administrators and BPJS officers: every segment and channel in their scope, a start up to
 * {@code lindung.enrolment.backdate-months.*} back, employers, projects, start corrections, base changes and
 * ends.</li>
 * <li>Field agents: BPU only, through the channel AGENT (KUR only for a work-list row handed to them), no employer
 * and no government payment, the current month as start, declared income up to
 * {@code lindung.enrolment.max-income.agent}; they change the income only of memberships they enrolled, from the
 * current month on, and end none.</li>
 * <li>Bank officers: only through the KUR enrol action for their own bank's matched borrower, BPU, the current month,
 * declared income up to {@code lindung.enrolment.max-income.bank-officer}; they change and end nothing.</li>
 * <li>Government analysts: nothing.</li>
 * </ul>
 */
@Component
public class EnrolmentPolicy {

    private final Clock clock;
    private final EnrolmentProperties.BackdateMonths backdateMonths;
    private final EnrolmentProperties.MaxIncome maxIncome;

    EnrolmentPolicy(EnrolmentProperties properties, Clock clock) {
        this.clock = clock;
        this.backdateMonths = properties.backdateMonths();
        this.maxIncome = properties.maxIncome();
    }

    /** How many months before the current one this role may date a start. */
    public int backdateMonths(Role role) {
        return backdateMonths.of(role);
    }

    /** The highest declared income or wage this role may enter (no limit for officers and administrators). */
    public long maxIncome(Role role) {
        return maxIncome.of(role);
    }

    /** Whether the role may enrol anyone at all (pages show the enrol form). Banks enrol from the KUR work list. */
    public boolean mayEnrolDirectly(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER, Role.AGENT);
    }

    /** Employers, construction projects and start corrections are an officer's. */
    public boolean isOfficer(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER);
    }

    /** Registering employers and projects; requesting, approving and rejecting start corrections. */
    public void requireOfficer(LindungUser by) {
        if (!isOfficer(by)) {
            throw new ForbiddenException("access.role.read-only", by.role().name());
        }
    }

    /** Ending memberships for a recorded death or putting such an end back: officers' work (the claim workflow). */
    public void requireOfficerEnd(LindungUser by) {
        requireOfficer(by);
    }

    /**
     * Before anything is read: may this caller enrol through this channel at all, directly or with a KUR borrower
     * fact? 403 otherwise.
     */
    public void checkEnrolAccess(LindungUser by, Channel channel, @Nullable KurBorrower borrower) {
        boolean allowed = switch (by.role()) {
            case ADMIN, OFFICER -> true;
            case AGENT -> channel == Channel.AGENT || channel == Channel.KUR_BANK && borrower != null;
            case BANK_OFFICER -> channel == Channel.KUR_BANK && borrower != null;
            case GOV_ANALYST -> false;
        };
        if (!allowed) {
            if (by.role() == Role.BANK_OFFICER) {
                throw new ForbiddenException("policy.enrol.bank.kur-action-only");
            }
            throw new ForbiddenException("enrolment.role.channel", by.role().name(), channel.name());
        }
    }

    /**
     * The terms of a new membership for this role: the segment and what comes with it (403), the start month and the
     * declared income (422, added to {@code issues}).
     */
    public void checkEnrolTerms(
            LindungUser by,
            @Nullable Long participantId,
            @Nullable Segment segment,
            @Nullable Long employerId,
            boolean governmentPaid,
            @Nullable Long base,
            @Nullable YearMonth start,
            @Nullable KurBorrower borrower,
            List<FieldIssue> issues) {
        if (!isOfficer(by)) {
            if (segment != null && segment != Segment.BPU) {
                throw new ForbiddenException("policy.enrol.segment", by.role().name(), segment.name());
            }
            if (employerId != null) {
                throw new ForbiddenException("policy.enrol.employer", by.role().name());
            }
            if (governmentPaid) {
                throw new ForbiddenException(
                        "policy.enrol.government-paid", by.role().name());
            }
            if (borrower != null && participantId != null && borrower.participantId() != participantId) {
                throw new ForbiddenException("policy.enrol.not-the-borrower");
            }
            if (start != null && start.isAfter(YearMonth.now(clock))) {
                issues.add(FieldIssue.error(
                        "startMonth",
                        "policy.start.current-month",
                        YearMonth.now(clock).toString()));
            }
        }
        checkBackdating("startMonth", start, by, issues);
        checkIncome("baseAmount", base, by, issues);
    }

    /**
     * May this caller change the declared income or wage of {@code m}? Officers: yes. Agents: BPU memberships they
     * enrolled ({@code enrolledBy}), from the current month on, within their maximum. Banks and analysts: no.
     */
    public void checkChangeBase(
            LindungUser by,
            Membership m,
            @Nullable String enrolledBy,
            @Nullable Long amount,
            @Nullable YearMonth effectiveFrom,
            List<FieldIssue> issues) {
        switch (by.role()) {
            case ADMIN, OFFICER -> {}
            case AGENT -> {
                if (m.segment() != Segment.BPU || !by.username().equals(enrolledBy)) {
                    throw new ForbiddenException(
                            "policy.change.agent-own", by.role().name());
                }
                if (effectiveFrom != null && effectiveFrom.isBefore(YearMonth.now(clock))) {
                    issues.add(FieldIssue.error(
                            "effectiveFrom",
                            "policy.change.not-back",
                            YearMonth.now(clock).toString()));
                }
            }
            case BANK_OFFICER, GOV_ANALYST ->
                throw new ForbiddenException("policy.change.role", by.role().name());
        }
        checkIncome("amount", amount, by, issues);
    }

    /** Ending a membership: officers and administrators only (the member asks an officer). */
    public void checkEnd(LindungUser by) {
        if (!isOfficer(by)) {
            throw new ForbiddenException("policy.end.role", by.role().name());
        }
    }

    /**
     * Back-dating is arrears, not protection, and how far back a role may date a start is limited; an earlier start
     * is a start correction that a second officer approves with a reason ({@link StartCorrections}).
     */
    public void checkBackdating(String field, @Nullable YearMonth start, LindungUser by, List<FieldIssue> issues) {
        if (start == null) {
            return;
        }
        int months = backdateMonths(by.role());
        YearMonth earliest = YearMonth.now(clock).minusMonths(months);
        if (start.isBefore(earliest) && !start.isBefore(MembershipRules.EARLIEST_START)) {
            issues.add(FieldIssue.error(field, "enrolment.start.backdate-limit", months, earliest.toString()));
        }
    }

    private void checkIncome(String field, @Nullable Long amount, LindungUser by, List<FieldIssue> issues) {
        long max = maxIncome(by.role());
        if (amount != null && amount > max) {
            issues.add(FieldIssue.error(
                    field, "policy.income.role-limit", by.role().name(), max));
        }
    }
}
