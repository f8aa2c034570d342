package id.lindung.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.BusinessBill;
import id.lindung.contribution.BusinessBills;
import id.lindung.contribution.Dues;
import id.lindung.contribution.Statements;
import id.lindung.contribution.VirtualAccounts;
import id.lindung.contribution.snap.SimulatedBank;
import id.lindung.contribution.snap.SnapClients;
import id.lindung.enrolment.MembershipId;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.selfservice.WorkerHttp.Answer;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.NotFoundException;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 point 5 over HTTP: an owner signed in at /saya registers their business, adds a helper (BPU at once) and
 * proposes an employee (PU); an officer in scope confirms the PU; the business VA's inquiry answers the sum of the
 * members' dues; a simulated bank pays exactly that and every membership is protected; another amount is refused
 * with nothing written; the same payment twice changes nothing. Attackers: another owner, a NIK already registered,
 * a worker or an officer outside the scope deciding a request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UmkmOwnerTest {

    private static final String DESA = "61.04.01.2011";
    private static final String NEWEST_CODE_SMS = "SELECT body FROM outreach_message WHERE dedupe_key ="
            + " (SELECT 'worker-code:' || max(id) FROM worker_code WHERE subject = ?)";
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern BUSINESS_PATH = Pattern.compile("/saya/usaha/(\\d+)");
    private static final AtomicLong NIB = new AtomicLong(8_100_000_000_000L + System.nanoTime() % 100_000_000L);
    private static final String INQUIRY = "/snap/v1.0/transfer-va/inquiry";
    private static final String PAYMENT = "/snap/v1.0/transfer-va/payment";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessOwners owners;

    @Autowired
    BusinessBills bills;

    @Autowired
    Dues dues;

    @Autowired
    Statements statements;

    @Autowired
    VirtualAccounts accounts;

    @Autowired
    SnapClients clients;

    @Autowired
    ParticipantManagement participants;

    private record Worker(long id, String nik, WorkerHttp http) {}

    /** A BPU member with a phone, signed in at /saya with the code the outbox holds. */
    private Worker signedIn(String name, String phone, boolean female) {
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(System.nanoTime() % 5000);
        String nik = Niks.nik(ApiFixtures.kecamatan(DESA), birth, female);
        long id = ApiFixtures.participantId(
                ApiFixtures.register(officer, nik, name, birth, female ? "P" : "L", DESA, "phone", phone));
        ApiFixtures.enrolBpu(
                officer,
                id,
                1_000_000,
                LocalDate.now(TestClock.CLOCK).toString().substring(0, 7));
        WorkerHttp http = new WorkerHttp(port);
        http.get("/saya/login");
        assertThat(http.post("/saya/login", "nik", nik, "phone", phone).status())
                .isEqualTo(302);
        String body = jdbc.sql(NEWEST_CODE_SMS)
                .param(WorkerCodes.participantSubject(id))
                .query(String.class)
                .single();
        Matcher m = SIX_DIGITS.matcher(body);
        assertThat(m.find()).isTrue();
        http.get("/saya/login/kode");
        assertThat(http.post("/saya/login/kode", "code", m.group(1)).status()).isEqualTo(302);
        return new Worker(id, nik, http);
    }

    private static String phone() {
        return "0813" + String.format("%08d", System.nanoTime() % 100_000_000L);
    }

    private static String newNik(boolean female) {
        return Niks.nik(
                ApiFixtures.kecamatan(DESA), LocalDate.of(1990, 1, 1).plusDays(System.nanoTime() % 4000), female);
    }

    private long registerBusiness(Worker owner, String name) {
        owner.http().get("/saya/usaha");
        Answer made = owner.http()
                .post(
                        "/saya/usaha",
                        "nib",
                        Long.toString(NIB.incrementAndGet()),
                        "name",
                        name,
                        "scale",
                        "MIKRO",
                        "kbli",
                        "47111",
                        "regionCode",
                        DESA);
        assertThat(made.status()).as(made.text()).isEqualTo(302);
        Matcher m = BUSINESS_PATH.matcher(made.location());
        assertThat(m.find()).as(made.location()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private Answer add(Worker owner, long business, String kind, String nik, String name, long amount) {
        owner.http().get("/saya/usaha/" + business);
        return owner.http()
                .post(
                        "/saya/usaha/" + business + "/pekerja",
                        "kind",
                        kind,
                        "nik",
                        nik,
                        "fullName",
                        name,
                        "sector",
                        "OTHER",
                        "baseAmount",
                        Long.toString(amount));
    }

    private long request(long business, String status) {
        return jdbc.sql("SELECT max(id) FROM business_worker WHERE business_id = ? AND status = ?")
                .params(business, status)
                .query(Long.class)
                .single();
    }

    private String body(String customerNo, String requestId, long amount, boolean payment) {
        String psid = accounts.partnerServiceId();
        String head = "{\"partnerServiceId\":\"" + psid + "\",\"customerNo\":\"" + customerNo
                + "\",\"virtualAccountNo\":\"" + psid + customerNo + "\",";
        if (!payment) {
            return head + "\"inquiryRequestId\":\"" + SimulatedBank.fresh() + "\"}";
        }
        return head + "\"virtualAccountName\":\"Usaha\",\"paymentRequestId\":\"" + requestId
                + "\",\"paidAmount\":{\"value\":\"" + amount + ".00\",\"currency\":\"IDR\"},\"trxDateTime\":\""
                + SimulatedBank.now() + "\",\"referenceNo\":\"REF1\"}";
    }

    private long paymentsOf(List<BusinessBill.Line> lines) {
        return lines.stream()
                .mapToLong(l -> jdbc.sql("SELECT count(*) FROM payment WHERE membership_id = ?")
                        .param(l.membershipId())
                        .query(Long.class)
                        .single())
                .sum();
    }

    @Test
    void ownerAddsHelperAndEmployee_officerConfirms_bankPaysTheBusinessVaOnce() throws Exception {
        Worker owner = signedIn("Sari Pemilik", phone(), true);
        // a NIB that is not 13 digits: refused, nothing registered
        owner.http().get("/saya/usaha");
        Answer bad = owner.http()
                .post("/saya/usaha", "nib", "123", "name", "X", "scale", "MIKRO", "kbli", "47111", "regionCode", DESA);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text()).contains("NIB harus terdiri dari 13 digit angka.");
        long business = registerBusiness(owner, "Warung Sari");

        Answer helper = add(owner, business, "HELPER", newNik(false), "Dodi Pembantu", 1_000_000);
        assertThat(helper.status()).as(helper.text()).isEqualTo(302);
        assertThat(helper.location()).endsWith("?ditambahkan");
        Answer employee = add(owner, business, "EMPLOYEE", newNik(true), "Eka Karyawan", 3_000_000);
        assertThat(employee.location()).endsWith("?menunggu");
        long pending = request(business, "PENDING");

        // the officer in scope sees the request and confirms it, registering the business's employer
        WorkerHttp officer = WorkerHttp.staff(port, "petugas.ketapang");
        Answer list = officer.get("/umkm/permintaan");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("Eka Karyawan").contains("Warung Sari");
        Answer confirmed = officer.post(
                "/umkm/permintaan/" + pending + "/setujui",
                "npp",
                "NPP" + (NIB.get() % 1_000_000_000L),
                "riskClass",
                "1");
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(302);
        assertThat(request(business, "ACTIVE")).isEqualTo(pending);

        // one bill: the owner's, the helper's and the employee's memberships, the sum of what each owes now
        BusinessBill bill = bills.bill(business, LindungUser.SYSTEM);
        assertThat(bill.lines()).hasSize(3);
        long sum = bill.lines().stream()
                .mapToLong(l -> dues.dueNow(new MembershipId(l.membershipId()), LindungUser.SYSTEM)
                        .amount())
                .sum();
        assertThat(sum).isPositive();
        assertThat(bill.total()).isEqualTo(sum);
        assertThat(bill.customerNumber()).startsWith("9").hasSize(11);
        assertThat(accounts.businessIdOf(bill.virtualAccount())).contains(business);
        assertThat(accounts.membershipNumberOf(bill.virtualAccount())).isEmpty();
        Answer page = owner.http().get("/saya/usaha/" + business);
        assertThat(page.text()).contains(bill.virtualAccount().strip()).contains("Dodi Pembantu");

        SimulatedBank bank = new SimulatedBank(port, clients);
        String token = bank.token();
        String customer = bill.customerNumber();
        SimulatedBank.Answer inquiry = bank.call(INQUIRY, token, body(customer, null, 0, false));
        assertThat(inquiry.status()).as(inquiry.json().toString()).isEqualTo(200);
        JsonNode va = inquiry.json().path("virtualAccountData");
        assertThat(va.path("totalAmount").path("value").asString()).isEqualTo(sum + ".00");
        assertThat(va.path("virtualAccountName").asString()).isEqualTo("Warung Sari");

        // another amount: refused, nothing written
        SimulatedBank.Answer less = bank.call(PAYMENT, token, body(customer, "biz-0", sum - 1, true));
        assertThat(less.code()).isEqualTo("4042513");
        assertThat(paymentsOf(bill.lines())).isZero();

        String exact = body(customer, "biz-1", sum, true);
        SimulatedBank.Answer paid = bank.call(PAYMENT, token, exact);
        assertThat(paid.status()).as(paid.json().toString()).isEqualTo(200);
        assertThat(paid.code()).isEqualTo("2002500");
        assertThat(paid.json().path("virtualAccountData").path("customerNo").asString())
                .isEqualTo(customer);
        LocalDate today = LocalDate.now(TestClock.CLOCK);
        for (BusinessBill.Line line : bill.lines()) {
            MembershipId m = new MembershipId(line.membershipId());
            assertThat(statements.status(m, today, LindungUser.SYSTEM).protectedOn())
                    .as("membership %s", line.membershipId())
                    .isTrue();
            assertThat(dues.dueNow(m, LindungUser.SYSTEM).amount()).isZero();
        }
        assertThat(paymentsOf(bill.lines())).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM snap_payment_part p JOIN snap_payment s ON s.id = p.snap_payment_id"
                                + " WHERE s.payment_request_id = 'biz-1'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);

        // the same payment again: the same answer, nothing new; now nothing is owed
        SimulatedBank.Answer again = bank.call(PAYMENT, token, exact);
        assertThat(again.json()).isEqualTo(paid.json());
        assertThat(paymentsOf(bill.lines())).isEqualTo(3);
        assertThat(bank.call(INQUIRY, token, body(customer, null, 0, false)).code())
                .isEqualTo("4042414");
        // a business VA with a wrong check digit or of no business: not found
        String wrong = customer.substring(0, 10) + ((customer.charAt(10) - '0' + 1) % 10);
        assertThat(bank.call(INQUIRY, token, body(wrong, null, 0, false)).code())
                .isEqualTo("4042412");
        String nobody = accounts.businessNumber(999_999_999L);
        assertThat(bank.call(INQUIRY, token, body(nobody, null, 0, false)).code())
                .isEqualTo("4042412");
    }

    @Test
    void ownersStayInTheirOwnBusiness_aRegisteredNikRevealsNothing_onlyOfficersInScopeDecide() {
        Worker a = signedIn("Andi Pemilik", phone(), false);
        Worker b = signedIn("Bunga Rahasia", phone(), true);
        long businessA = registerBusiness(a, "Toko Andi");
        long businessB = registerBusiness(b, "Kedai Bunga");

        // A cannot see or add to B's business: not found, nothing written
        assertThat(a.http().get("/saya/usaha/" + businessB).status()).isEqualTo(404);
        long rows = jdbc.sql("SELECT count(*) FROM business_worker")
                .query(Long.class)
                .single();
        Answer intrude = a.http()
                .post(
                        "/saya/usaha/" + businessB + "/pekerja",
                        "kind",
                        "HELPER",
                        "nik",
                        newNik(false),
                        "fullName",
                        "Penyusup",
                        "sector",
                        "OTHER",
                        "baseAmount",
                        "1000000");
        assertThat(intrude.status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM business_worker")
                        .query(Long.class)
                        .single())
                .isEqualTo(rows);
        assertThat(a.http().get("/saya/usaha").text()).doesNotContain("Kedai Bunga");

        // A adds B's NIK under another name: it waits for an officer; A's page shows only what A typed
        Answer known = add(a, businessA, "HELPER", b.nik(), "Orang Lain", 1_000_000);
        assertThat(known.location()).endsWith("?menunggu");
        Answer page = a.http().get("/saya/usaha/" + businessA);
        assertThat(page.text())
                .contains("Orang Lain")
                .doesNotContain("Bunga Rahasia")
                .doesNotContain("Kedai Bunga");
        BusinessBill billA = bills.bill(businessA, LindungUser.SYSTEM);
        assertThat(billA.lines()).hasSize(1); // only A's own membership
        long request = request(businessA, "PENDING");

        // a worker does not decide: the staff page is not theirs, and their actor is refused by name
        Answer byWorker = a.http().post("/umkm/permintaan/" + request + "/setujui");
        assertThat(byWorker.status()).isIn(302, 401, 403);
        assertThat(byWorker.location() == null ? "" : byWorker.location()).doesNotContain("disetujui");
        LindungUser workerActor = WorkerAccounts.actor(participants.get(new ParticipantId(a.id()), LindungUser.SYSTEM));
        assertThatThrownBy(() -> owners.confirm(request, null, null, workerActor))
                .isInstanceOf(ForbiddenException.class);
        // an officer outside the business's kab/kota: not found
        LindungUser elsewhere = new LindungUser("petugas.lain", "Petugas Lain", Role.OFFICER, RegionScope.of("61.01"));
        assertThatThrownBy(() -> owners.confirm(request, null, null, elsewhere)).isInstanceOf(NotFoundException.class);
        assertThat(owners.pending(elsewhere)).noneMatch(r -> r.id() == request);
        assertThat(request(businessA, "PENDING")).isEqualTo(request);
        assertThat(bills.bill(businessA, LindungUser.SYSTEM).lines()).hasSize(1);
        // the same person twice: refused without naming them
        Answer twice = add(a, businessA, "HELPER", b.nik(), "Orang Lain Lagi", 1_000_000);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text()).doesNotContain("Bunga");
    }
}
