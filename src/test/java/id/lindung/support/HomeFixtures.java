package id.lindung.support;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.claim.Claim;
import id.lindung.claim.ClaimId;
import id.lindung.claim.ClaimManagement;
import id.lindung.contribution.Dues;
import id.lindung.contribution.PaymentFileResult;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.kur.KurImportResult;
import id.lindung.kur.KurImports;
import id.lindung.participant.ParticipantManagement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;

/**
 * The work the home page lists, made once per application context through the modules' services as a province
 * administrator, in Kabupaten Ketapang (61.04) and in Kota Pontianak (61.71): for officers a claim (Ketapang's
 * verified three weeks ago, so past its payment deadline; Pontianak's without documents), a pair of possible
 * duplicates and a bank-file payment rejected for refund; for agents a BPU member of the agent channel with two
 * months in arrears; for the bank KALBAR two borrowers of Ketapang on the KUR work list (one in the registry, one
 * not), and one borrower of bank BNI. Names carry the kab/kota and a word of letters unique to the run.
 */
public final class HomeFixtures {

    static final LindungUser ADMIN =
            new LindungUser("admin", "Administrator Lindung", Role.ADMIN, RegionScope.of("61"));
    static final LindungUser BANK_KALBAR =
            new LindungUser("bank.kalbar", "Petugas Bank Kalbar", Role.BANK_OFFICER, RegionScope.of("61"));
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final Map<ApplicationContext, HomeFixtures> MADE = new ConcurrentHashMap<>();

    /** What one kab/kota holds. */
    public record Area(
            String name,
            String claimNumber,
            String duplicateName,
            String rejectedReference,
            String inArrearsName,
            long inArrearsMembership) {}

    public final Area ketapang;
    public final Area pontianak;
    /** Bank KALBAR's borrowers in Ketapang: in the registry (enrol offered to the bank), not (not offered). */
    public final String registeredBorrower;

    public final String unregisteredBorrower;
    /** A borrower of bank BNI, which bank KALBAR's people never see. */
    public final String otherBanksBorrower;

    public final long registeredBorrowerId;

    private final ApplicationContext context;
    private final Clock clock;
    private final String word;
    private int serial;

    /** The fixtures of this context, made on first use. */
    public static HomeFixtures of(ApplicationContext context) {
        return MADE.computeIfAbsent(context, HomeFixtures::new);
    }

    private HomeFixtures(ApplicationContext context) {
        this.context = context;
        this.clock = context.getBean(Clock.class);
        this.word = letters(System.nanoTime());
        this.ketapang = area("Ketapang", "610401", "61.04.01.2011");
        this.pontianak = area("Pontianak", "617101", "61.71.01.1002");
        registeredBorrower = "Debitur Terdaftar " + word;
        unregisteredBorrower = "Debitur Baru " + word;
        otherBanksBorrower = "Debitur Bni " + word;
        LocalDate borrowerBirth = birth();
        String registeredNik = Niks.nik("610401", borrowerBirth, false);
        registeredBorrowerId = register(registeredNik, "61.04.01.2011", registeredBorrower, borrowerBirth);
        LocalDate disbursed = LocalDate.now(clock).minusDays(20);
        kur(
                "KALBAR",
                BANK_KALBAR,
                row("KALBAR", "Sandai", "HOME-" + word + "-1", registeredNik, registeredBorrower, disbursed)
                        + row(
                                "KALBAR",
                                "Sandai",
                                "HOME-" + word + "-2",
                                Niks.nik("610401", birth(), false),
                                unregisteredBorrower,
                                disbursed));
        kur(
                "BNI",
                ADMIN,
                row(
                        "BNI",
                        "Ketapang",
                        "HOME-" + word + "-3",
                        Niks.nik("610401", birth(), false),
                        otherBanksBorrower,
                        disbursed));
    }

    private <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private Area area(String name, String kecamatanDigits, String desa) {
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.now(clock);
        ClaimManagement claims = bean(ClaimManagement.class);
        EnrolmentManagement enrolment = bean(EnrolmentManagement.class);

        // a claim: Ketapang's documents complete three weeks ago (the service level has run out), Pontianak's none
        long claimant = register(kecamatanDigits, desa, "Klaim " + name + " " + word);
        Claim claim = claims.submit(
                Intakes.landTransport(claimant, today.minusDays(30), "Ambulans ke RSUD", 400_000L), ADMIN);
        if (name.equals("Ketapang")) {
            Claim documented = claims.addDocument(ClaimId.of(claim.id()), "KWITANSI", "kwitansi.pdf", PDF, ADMIN);
            claim = claims.verify(ClaimId.of(claim.id()), documented.version(), today.minusDays(21), ADMIN);
        }

        // two participants who may be one person
        String twin = "Kembar " + name + " " + word;
        LocalDate twinBirth = birth();
        register(Niks.nik(kecamatanDigits, twinBirth, false), desa, twin, twinBirth);
        register(Niks.nik(kecamatanDigits, twinBirth, false), desa, twin, twinBirth);

        // a payment of a bank file for a membership that has ended and owes nothing: rejected, for refund
        Membership ended = enrolBpu(register(kecamatanDigits, desa, "Berhenti " + name + " " + word), Channel.SELF);
        enrolment.end(MembershipId.of(ended.id()), month.minusMonths(1), EndReason.REQUESTED, ADMIN);
        long owed = bean(Dues.class).dueNow(MembershipId.of(ended.id()), ADMIN).amount();
        Payments payments = bean(Payments.class);
        payments.pay(new PaymentRequest("HOME-" + word + "-" + name, ended.id(), owed, today, null), ADMIN);
        String reference = "TRX-" + word.toUpperCase(Locale.ROOT) + "-" + name.toUpperCase(Locale.ROOT);
        String file =
                "reference;membership_id;amount;paid_on\n" + reference + ";" + ended.id() + ";16800;" + today + "\n";
        PaymentFileResult applied = payments.applyFile(
                "bank-" + name.toLowerCase(Locale.ROOT) + ".csv",
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                ADMIN);
        if (applied.rejected() != 1) {
            throw new IllegalStateException("the payment file's row was not rejected: " + applied);
        }

        // a worker enrolled through an agent two months ago who has paid nothing
        String debtor = "Tunggak " + name + " " + word;
        Membership inArrears = enrolBpu(register(kecamatanDigits, desa, debtor), Channel.AGENT);
        return new Area(name, claim.claimNumber(), twin, reference, debtor, inArrears.id());
    }

    private Membership enrolBpu(long participant, Channel channel) {
        return bean(EnrolmentManagement.class)
                .enrol(
                        new EnrolmentRequest(
                                participant,
                                Segment.BPU,
                                channel,
                                Set.of(),
                                null,
                                1_000_000L,
                                Sector.OTHER,
                                false,
                                YearMonth.now(clock).minusMonths(2),
                                null),
                        ADMIN);
    }

    private long register(String kecamatanDigits, String desa, String fullName) {
        LocalDate birth = birth();
        return register(Niks.nik(kecamatanDigits, birth, false), desa, fullName, birth);
    }

    private long register(String nik, String desa, String fullName, LocalDate birth) {
        return Workers.register(bean(ParticipantManagement.class), nik, fullName, birth, desa, ADMIN);
    }

    private void kur(String bank, LindungUser uploader, String rows) {
        String csv = "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n" + rows;
        KurImportResult result = bean(KurImports.class)
                .importFile(
                        "beranda-" + bank.toLowerCase(Locale.ROOT) + ".csv",
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                        uploader);
        if (result.inserted() != rows.lines().count()) {
            throw new IllegalStateException("KUR rows not imported: " + result);
        }
    }

    private static String row(String bank, String branch, String loanId, String nik, String name, LocalDate on) {
        return bank + ";" + branch + ";" + loanId + ";" + nik + ";" + name + ";MIKRO;30000000;" + on
                + ";Perdagangan;61.04\n";
    }

    /** A birth date of its own for every participant of this context, so that every NIK is new. */
    private LocalDate birth() {
        return LocalDate.of(1960, 1, 1).plusDays(37L * ++serial);
    }

    /** Letters only (names hold no digits): a number in base 26, capitalised. */
    private static String letters(long n) {
        StringBuilder s = new StringBuilder();
        for (long v = Math.abs(n) % 26_000_000L + 26 * 26; v > 0; v /= 26) {
            s.append((char) ('a' + v % 26));
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
