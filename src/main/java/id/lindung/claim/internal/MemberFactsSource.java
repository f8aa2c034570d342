package id.lindung.claim.internal;

import id.lindung.access.LindungUser;
import id.lindung.claim.benefit.ClaimKind;
import id.lindung.claim.benefit.MemberFacts;
import id.lindung.contribution.MembershipStatus;
import id.lindung.contribution.Statements;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.Programme;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Establishes what the benefit engine needs about the member on the event date, from the memberships (enrolment)
 * and their contribution status (contribution): which membership pays (the programme of the claim, active that
 * month, protected that day; among several the protected one with the highest wage), protection under JKK and JKM,
 * months of contributions paid by the event day (each month counted once across memberships with JKM), and the
 * wage: the reported wage (PU) or declared income (BPU) in force that month. Construction and PMI memberships carry
 * no wage; for them the wage given at intake is used.
 */
@Component
public class MemberFactsSource {

    /**
     * The facts, the paying membership (null when none is active for the programme), the status reason and, when the
     * employer stands behind a missing protection, the employer ("NPP name").
     */
    public record Established(
            MemberFacts facts,
            @Nullable Long membershipId,
            String protectionReason,
            @Nullable String employer) {}

    private final EnrolmentManagement enrolment;
    private final Statements statements;

    MemberFactsSource(EnrolmentManagement enrolment, Statements statements) {
        this.enrolment = enrolment;
        this.statements = statements;
    }

    public Established establish(
            long participantId, ClaimKind kind, LocalDate eventDate, @Nullable Long intakeWage, LindungUser by) {
        List<Membership> memberships = enrolment.membershipsOf(ParticipantId.of(participantId), by);
        YearMonth month = YearMonth.from(eventDate);
        Candidate jkk = pick(memberships, Programme.JKK, month, eventDate, by);
        Candidate jkm = pick(memberships, Programme.JKM, month, eventDate, by);
        Candidate paying = kind.programme() == Programme.JKK ? jkk : jkm;
        Segment segment = paying != null
                ? paying.membership.segment()
                : memberships.stream()
                        .max(Comparator.comparing(Membership::startMonth))
                        .map(Membership::segment)
                        .orElse(Segment.BPU);
        long wage = 0;
        if (paying != null && (segment == Segment.PU || segment == Segment.BPU)) {
            wage = paying.membership.baseIn(month);
        } else if (intakeWage != null) {
            wage = intakeWage;
        }
        int months = contributionMonths(memberships, month, eventDate, by);
        MemberFacts.EmployerDefault employerDefault =
                paying == null || paying.status.protectedOn() || segment != Segment.PU
                        ? MemberFacts.EmployerDefault.NONE
                        : switch (paying.status.reason()) {
                            case "status.not-registered" -> MemberFacts.EmployerDefault.UNREGISTERED;
                            case "status.employer-arrears" -> MemberFacts.EmployerDefault.ARREARS;
                            default -> MemberFacts.EmployerDefault.NONE;
                        };
        MemberFacts facts = new MemberFacts(
                segment,
                jkk != null && jkk.status.protectedOn(),
                jkm != null && jkm.status.protectedOn(),
                months,
                wage,
                employerDefault);
        String employer = employerDefault == MemberFacts.EmployerDefault.NONE
                ? null
                : enrolment
                        .employerOf(
                                MembershipId.of(Objects.requireNonNull(paying)
                                        .membership
                                        .id()),
                                by)
                        .map(e -> e.npp() + " " + e.name())
                        .orElse(null);
        return new Established(
                facts,
                paying == null ? null : paying.membership.id(),
                paying == null ? "status.no-membership" : paying.status.reason(),
                employer);
    }

    private record Candidate(Membership membership, MembershipStatus status) {}

    private @Nullable Candidate pick(
            List<Membership> memberships, Programme programme, YearMonth month, LocalDate day, LindungUser by) {
        return memberships.stream()
                .filter(m -> m.programmes().contains(programme) && m.activeIn(month))
                .map(m -> new Candidate(m, statements.status(MembershipId.of(m.id()), day, by)))
                .max(Comparator.comparing((Candidate c) -> c.status.protectedOn())
                        .thenComparing(c -> c.membership.baseIn(month)))
                .orElse(null);
    }

    /**
     * Months of contributions paid by the event day (payments made later do not count), up to the event month, each
     * month counted once across the JKM memberships.
     */
    private int contributionMonths(List<Membership> memberships, YearMonth eventMonth, LocalDate day, LindungUser by) {
        Set<YearMonth> paid = new HashSet<>();
        for (Membership m : memberships) {
            if (m.programmes().contains(Programme.JKM) && !m.startMonth().isAfter(eventMonth)) {
                paid.addAll(
                        statements.paidMonths(MembershipId.of(m.id()), day, by).headSet(eventMonth.plusMonths(1)));
            }
        }
        return paid.size();
    }
}
