package id.lindung.contribution;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.NewEmployer;
import id.lindung.enrolment.Programme;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.support.Niks;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Registers participants, employers and memberships in Ketapang for contribution tests, through the real services. */
public final class Members {

    public static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    public static final String KETAPANG_DESA = "61.04.01.2011";
    private static final AtomicInteger NPP = new AtomicInteger(100_000);

    private final ParticipantManagement participants;
    private final EnrolmentManagement enrolment;

    public Members(ParticipantManagement participants, EnrolmentManagement enrolment) {
        this.participants = participants;
        this.enrolment = enrolment;
    }

    public long participant() {
        LocalDate birth = LocalDate.of(1988, 4, 12);
        return participants
                .register(
                        new ParticipantDetails(
                                Niks.nik("610401", birth, false),
                                "Budi Santoso",
                                birth,
                                Sex.L,
                                KETAPANG_DESA,
                                null,
                                "Petani",
                                null),
                        OFFICER)
                .participant()
                .id();
    }

    public Membership bpu(YearMonth start, long income, Programme... optional) {
        return enrolment.enrol(
                new EnrolmentRequest(
                        participant(),
                        Segment.BPU,
                        Channel.AGENT,
                        Set.of(optional),
                        null,
                        income,
                        Sector.OTHER,
                        false,
                        start,
                        null),
                OFFICER);
    }

    public Membership pu(YearMonth start, long wage, int riskClass) {
        long employer = enrolment
                .registerEmployer(
                        new NewEmployer(
                                "NPP" + NPP.incrementAndGet(), "PT Sawit Ketapang", riskClass, null, KETAPANG_DESA),
                        OFFICER)
                .id();
        return enrolment.enrol(
                new EnrolmentRequest(
                        participant(), Segment.PU, Channel.EMPLOYER, null, employer, wage, null, false, start, null),
                OFFICER);
    }

    /**
     * Pays January to June 2026 ahead on 10 January ({@code 6 × monthly}, the given key), then bills those months:
     * the membership is protected through June.
     */
    public static void payFirstHalf2026AheadAndBill(
            Membership m, long monthly, String key, Payments payments, BillingRuns billing) {
        payments.pay(new PaymentRequest(key, m.id(), 6 * monthly, LocalDate.of(2026, 1, 10), null), OFFICER);
        for (YearMonth month = YearMonth.of(2026, 1);
                !month.isAfter(YearMonth.of(2026, 6));
                month = month.plusMonths(1)) {
            billing.run(month, OFFICER);
        }
    }
}
