package id.lindung.support;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserProvisioning;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantManagement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kalimantan Selatan (63) in a Kalimantan Barat test context: its users, as its demo users would be with {@code
 * lindung.demo.province=63}, and BPU members enrolled by its officer. Its kab/kota have no boundaries in the reference
 * data.
 */
public final class Kalsel {

    public static final LindungUser OFFICER =
            new LindungUser("petugas.63", "Petugas Kalimantan Selatan", Role.OFFICER, RegionScope.of("63"));
    /** Mantuil, Kecamatan Banjarmasin Selatan, Kota Banjarmasin. */
    public static final String BANJARMASIN_DESA = "63.71.01.1001";
    /** Benua Lawas, Kecamatan Takisung, Kabupaten Tanah Laut. */
    public static final String TANAH_LAUT_DESA = "63.01.01.2001";

    private static final AtomicInteger DAY = new AtomicInteger();

    private Kalsel() {}

    /** {@code petugas.63}, {@code analis.63} and {@code analis.63.71} (Kota Banjarmasin), with the demo password. */
    public static void users(UserProvisioning users, TransactionTemplate transactions) {
        String password = ApiClient.DEMO_PASSWORD;
        transactions.executeWithoutResult(status -> {
            users.createIfAbsent(
                    "petugas.63", password, "Petugas Kalimantan Selatan", Role.OFFICER, RegionScope.of("63"));
            users.createIfAbsent(
                    "analis.63", password, "Analis Kalimantan Selatan", Role.GOV_ANALYST, RegionScope.of("63"));
            users.createIfAbsent(
                    "analis.63.71", password, "Analis Kota Banjarmasin", Role.GOV_ANALYST, RegionScope.of("63.71"));
        });
    }

    /**
     * A BPU member registered in a desa (of any province: {@code by} must see it) and enrolled from {@code start}:
     * participant and membership id.
     */
    public static long[] enrolBpu(
            ParticipantManagement participants,
            EnrolmentManagement enrolment,
            String desa,
            int birthYear,
            LindungUser by,
            YearMonth start) {
        LocalDate birth = LocalDate.of(birthYear, 4, 1 + DAY.getAndIncrement() % 27);
        String kecamatanDigits = desa.substring(0, 8).replace(".", "");
        long id = Workers.register(
                participants, Niks.nik(kecamatanDigits, birth, false), "Uji Provinsi Lain", birth, desa, by);
        EnrolmentRequest request = new EnrolmentRequest(
                id, Segment.BPU, Channel.AGENT, Set.of(), null, 1_500_000L, Sector.OTHER, false, start, null);
        return new long[] {id, enrolment.enrol(request, by).id()};
    }
}
