package id.lindung.support;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;

/**
 * The request bodies for participants and their relatives, memberships, payments, claims and sponsorship programmes
 * as an officer enters them over real HTTP, and calls that create them: such a call checks that the app answered 201
 * (the response text is the failure message) and answers what the test goes on with.
 */
public final class ApiFixtures {

    private ApiFixtures() {}

    /**
     * The JSON body of {@code POST /api/participants} for a worker: NIK, name, birth date, sex (L or P) and desa,
     * then any further keys and values (phone, status, ...).
     */
    public static String worker(
            String nik, String fullName, LocalDate birth, String sex, String regionCode, Object... more) {
        return json(
                more,
                "nik",
                nik,
                "fullName",
                fullName,
                "birthDate",
                birth.toString(),
                "sex",
                sex,
                "regionCode",
                regionCode);
    }

    /** Registers the worker {@link #worker} describes; the answer must be 201, and is returned whole. */
    public static Response register(
            ApiClient client,
            String nik,
            String fullName,
            LocalDate birth,
            String sex,
            String regionCode,
            Object... more) {
        Response r = client.post("/api/participants", worker(nik, fullName, birth, sex, regionCode, more));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r;
    }

    /**
     * Registers a worker with a fresh NIK of the desa's kecamatan (see {@link Niks#nik}), sex P for a woman and L for
     * a man; answers the new participant's id.
     */
    public static long participant(
            ApiClient client, String fullName, LocalDate birth, boolean female, String desa, Object... more) {
        String nik = Niks.nik(kecamatan(desa), birth, female);
        return participantId(register(client, nik, fullName, birth, female ? "P" : "L", desa, more));
    }

    /** The id of the participant a 201 of {@code POST /api/participants} names. */
    public static long participantId(Response registered) {
        return registered.json().path("participant").path("id").asLong();
    }

    /**
     * The JSON body of {@code POST /api/participants/{id}/relatives}: a relative (CHILD, SPOUSE, ...) with name, NIK,
     * birth date, sex and whether they are an heir.
     */
    public static String relative(
            String relation, String fullName, String nik, String birthDate, String sex, boolean heir) {
        return ApiClient.json(
                "relation",
                relation,
                "fullName",
                fullName,
                "nik",
                nik,
                "birthDate",
                birthDate,
                "sex",
                sex,
                "heir",
                heir);
    }

    /** The six digits of a desa code's kecamatan, as a NIK starts: 61.04.01.2011 gives 610401. */
    public static String kecamatan(String desa) {
        return desa.substring(0, 8).replace(".", "");
    }

    /**
     * The JSON body of {@code POST /api/memberships} for a BPU (self-employed) membership of the participant from that
     * month with that reported income, then any further keys and values (channel, employerId, ...).
     */
    public static String bpu(long participant, Object baseAmount, Object startMonth, Object... more) {
        return json(
                more,
                "participantId",
                participant,
                "segment",
                "BPU",
                "baseAmount",
                baseAmount,
                "startMonth",
                startMonth);
    }

    /**
     * The JSON body of {@code POST /api/memberships} for a PU (wage earner) membership of the participant with that
     * employer from that month at that wage, then any further keys and values (channel, ...).
     */
    public static String pu(long participant, Object employer, Object baseAmount, Object startMonth, Object... more) {
        return json(
                more,
                "participantId",
                participant,
                "segment",
                "PU",
                "employerId",
                employer,
                "baseAmount",
                baseAmount,
                "startMonth",
                startMonth);
    }

    /**
     * Enrols the participant in BPU (self-employed) from that month with that reported income, plus any further keys
     * and values (channel, ...); the answer must be 201. Answers the membership's id.
     */
    public static long enrolBpu(
            ApiClient client, long participant, long baseAmount, String startMonth, Object... more) {
        Response r = client.post("/api/memberships", bpu(participant, baseAmount, startMonth, more));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    /**
     * The JSON body of {@code POST /api/payments}: a payment under that idempotency key of that amount to the
     * membership, paid on that day, then any further keys and values (reference, ...).
     */
    public static String payment(String key, long membership, Object amount, Object paidOn, Object... more) {
        return json(more, "idempotencyKey", key, "membershipId", membership, "amount", amount, "paidOn", paidOn);
    }

    /**
     * The JSON body of {@code POST /api/claims} for a claim of that kind (JKK_MEDICAL, JKK_TRANSPORT, ...) after a
     * work accident on that day, then any further keys and values (invoices, transport, heirs, ...).
     */
    public static String workAccidentClaim(long participant, String kind, Object eventDate, Object... more) {
        return json(more, "participantId", participant, "kind", kind, "cause", "WORK_ACCIDENT", "eventDate", eventDate);
    }

    /**
     * Sends a file as a document of that type (KWITANSI, LAPORAN_KECELAKAAN, ...) of the claim, a multipart POST to
     * the claim's documents; the answer is returned unchecked.
     */
    public static Response claimDocument(
            ApiClient client, long claim, String documentType, String fileName, byte[] content, String contentType) {
        return client.postMultipart(
                "/api/claims/" + claim + "/documents",
                Map.of("documentType", documentType),
                "file",
                fileName,
                content,
                contentType);
    }

    /**
     * The JSON body of {@code POST /api/sponsorship/programmes} for a Kabupaten Ketapang (61.04) programme paid from
     * its APBD under Perbup Ketapang 83/2023, with that name and budget, from one month to another.
     */
    public static String ketapangProgramme(String name, long budget, YearMonth start, YearMonth end) {
        return ApiClient.json(
                "name",
                name,
                "sponsorRegion",
                "61.04",
                "legalBasis",
                "Perbup Ketapang 83/2023",
                "fundingSource",
                "APBD",
                "budget",
                budget,
                "startMonth",
                start.toString(),
                "endMonth",
                end.toString());
    }

    /** Creates the programme {@link #ketapangProgramme} describes; the answer must be 201. Answers its id. */
    public static long createKetapangProgramme(
            ApiClient client, String name, long budget, YearMonth start, YearMonth end) {
        Response r = client.post("/api/sponsorship/programmes", ketapangProgramme(name, budget, start, end));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    /** {@link ApiClient#json} of the fields, then of the further keys and values a caller adds. */
    private static String json(Object[] more, Object... fields) {
        Object[] all = Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return ApiClient.json(all);
    }
}
