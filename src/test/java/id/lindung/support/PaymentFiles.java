package id.lindung.support;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantManagement;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Bank payment files large enough to take a while, for the tests of the progress shown while one is applied. */
public final class PaymentFiles {

    private static final LindungUser PROVINCE_OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private PaymentFiles() {}

    /** A new Ketapang worker enrolled as BPU from this month (business clock); answers the membership id. */
    public static long newBpuMembership(
            ParticipantManagement participants, EnrolmentManagement enrolment, Clock clock) {
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(SERIAL.incrementAndGet() * 37L % 3000);
        long participant = Workers.register(
                participants,
                Niks.nik("610401", birth, false),
                "Bayu Uji Kemajuan",
                birth,
                "61.04.01.2011",
                PROVINCE_OFFICER);
        return enrolment
                .enrol(
                        new EnrolmentRequest(
                                participant,
                                Segment.BPU,
                                Channel.SELF,
                                Set.of(),
                                null,
                                1_000_000L,
                                Sector.OTHER,
                                false,
                                YearMonth.now(clock),
                                null),
                        PROVINCE_OFFICER)
                .id();
    }

    /** A file of {@code rows} payments of Rp1.000 each for the membership, paid today, with fresh references. */
    public static byte[] csv(long membershipId, int rows, LocalDate paidOn) {
        String prefix = "KMJ-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT) + "-";
        StringBuilder csv = new StringBuilder(rows * 48).append("reference;membership_id;amount;paid_on\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(prefix)
                    .append(i)
                    .append(';')
                    .append(membershipId)
                    .append(";1000;")
                    .append(paidOn)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
