package id.lindung.contribution;

import static id.lindung.contribution.Members.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.NewEmployer;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.support.ApiClient;
import id.lindung.support.Niks;
import id.lindung.support.Truncate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Contribution history import (opening balances), end to end on the embedded PostgreSQL: months become paid bills
 * allocated to exactly their month, the same file twice changes nothing, every refusal names its row and column and
 * leaves nothing behind, and the attackers' cases (roles that may not import, an officer importing another region's
 * members). The business clock stands at 7 December 2026.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RecordApplicationEvents
class HistoryImportTest {

    private static final String HEADER = "nik;membership_id;month;programme;amount;paid_on\n";
    private static final String PONTIANAK_DESA = "61.71.01.1002";
    /** BPU JKK+JKM at Rp1.000.000 in April–December 2026: 10,000 + 6,800 less 50% (PP 50/2025). */
    private static final long BPU_2026 = 8_400;

    private static final LindungUser KETAPANG_OFFICER =
            new LindungUser("petugas.ketapang", "Petugas Ketapang", Role.OFFICER, RegionScope.of("61.04"));

    @Autowired
    HistoryImports imports;

    @Autowired
    Statements statements;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    ParticipantManagement participants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @LocalServerPort
    int port;

    @BeforeEach
    void emptyAccounts() {
        Truncate.tables(
                jdbc,
                "late_fine, payment_allocation, payment, payment_file, bill_line, bill, billing_run,"
                        + " contribution_history_import, membership_base, membership, construction_project, employer");
    }

    /** A worker registered with the given address; returns (participant id, NIK). */
    private Map.Entry<Long, String> person(String desa) {
        LocalDate birth = LocalDate.of(1985, 3, 14);
        String nik = Niks.nik("610401", birth, false);
        long id = participants
                .register(new ParticipantDetails(nik, "Siti Aminah", birth, Sex.L, desa, null, "Petani", null), OFFICER)
                .participant()
                .id();
        return Map.entry(id, nik);
    }

    private Membership bpu(long participant, YearMonth start) {
        return enrolment.enrol(
                new EnrolmentRequest(
                        participant,
                        Segment.BPU,
                        Channel.AGENT,
                        null,
                        null,
                        1_000_000L,
                        Sector.OTHER,
                        false,
                        start,
                        null),
                OFFICER);
    }

    private Membership pu(long participant, YearMonth start) {
        long employer = enrolment
                .registerEmployer(
                        new NewEmployer("NPP" + (300_000 + participant), "PT Riwayat", 2, null, Members.KETAPANG_DESA),
                        OFFICER)
                .id();
        return enrolment.enrol(
                new EnrolmentRequest(
                        participant,
                        Segment.PU,
                        Channel.EMPLOYER,
                        null,
                        employer,
                        5_000_000L,
                        null,
                        false,
                        start,
                        null),
                OFFICER);
    }

    private HistoryImportResult load(String csv, LindungUser by) {
        return imports.importFile(
                "riwayat.csv", new ByteArrayInputStream((HEADER + csv).getBytes(StandardCharsets.UTF_8)), by);
    }

    private List<FieldIssue> refused(String csv, LindungUser by) {
        try {
            load(csv, by);
        } catch (InvalidInputException e) {
            return e.issues();
        }
        throw new AssertionError("the file was imported");
    }

    private Map<YearMonth, Bill> bills(Membership m) {
        Map<YearMonth, Bill> byMonth = new java.util.TreeMap<>();
        statements
                .statement(MembershipId.of(m.id()), LocalDate.of(2026, 12, 7), OFFICER)
                .bills()
                .forEach(b -> byMonth.put(b.period(), b));
        return byMonth;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void monthsBecomePaidBillsAllocatedToExactlyTheirMonthWithProvenance() {
        var worker = person(Members.KETAPANG_DESA);
        Membership bpu = bpu(worker.getKey(), YearMonth.of(2026, 6));
        var employee = person(Members.KETAPANG_DESA);
        Membership pu = pu(employee.getKey(), YearMonth.of(2026, 8));
        // the enrolment put every owed month on the ledger: June–December (BPU), August–December (PU)
        assertThat(bills(bpu)).hasSize(7);
        Bill puAugust = bills(pu).get(YearMonth.of(2026, 8));
        long jkk = due(puAugust, "JKK");
        long jkm = due(puAugust, "JKM");
        long jht = due(puAugust, "JHT");
        long jp = due(puAugust, "JP");
        // Rp5.000.000, risk class 2: JKK 0.54% + JKM 0.30% + JHT 5.7% + JP 3% (JKP: nothing to pay, no row)
        assertThat(jkk + jkm + jht + jp).isEqualTo(puAugust.amount()).isEqualTo(477_000L);

        // BPU by NIK, a whole bill a month (one paid late); PU by membership number, programme by programme
        StringBuilder csv = new StringBuilder();
        for (int month = 6; month <= 10; month++) {
            csv.append(worker.getValue())
                    .append(";;2026-")
                    .append(String.format("%02d", month))
                    .append(";ALL;")
                    .append(BPU_2026)
                    .append(";2026-")
                    .append(String.format("%02d", month))
                    .append("-10\n");
        }
        csv.append(worker.getValue()).append(";;2026-11;ALL;").append(BPU_2026).append(";2026-12-01\n");
        for (int month = 8; month <= 9; month++) {
            for (var line :
                    List.of(Map.entry("JKK", jkk), Map.entry("JKM", jkm), Map.entry("JHT", jht), Map.entry("jp", jp))) {
                csv.append(";")
                        .append(pu.id())
                        .append(";")
                        .append(String.format("%02d/2026", month))
                        .append(";")
                        .append(line.getKey())
                        .append(";")
                        .append(line.getValue())
                        .append(";")
                        .append(String.format("1%d/%02d/2026", month - 8, month + 1))
                        .append("\n");
            }
        }
        long auditBefore = count("SELECT coalesce(max(id), 0) FROM audit_log");
        HistoryImportResult r = load(csv.toString(), OFFICER);

        assertThat(r.replayed()).isFalse();
        assertThat(r.rows()).isEqualTo(14);
        assertThat(r.monthsPaid()).isEqualTo(8);
        assertThat(r.memberships()).isEqualTo(2);
        assertThat(r.totalAmount()).isEqualTo(6 * BPU_2026 + 2 * 477_000L);
        assertThat(r.billsCreated()).isZero();
        assertThat(r.firstMonth()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(r.lastMonth()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(r.registrationsMoved()).isEqualTo(2);

        Map<YearMonth, Bill> bpuBills = bills(bpu);
        assertThat(bpuBills.values())
                .extracting(b -> b.period().getMonthValue(), Bill::status)
                .containsExactly(
                        tuple(6, "PAID"),
                        tuple(7, "PAID"),
                        tuple(8, "PAID"),
                        tuple(9, "PAID"),
                        tuple(10, "PAID"),
                        tuple(11, "PAID"),
                        tuple(12, "OPEN"));
        assertThat(bills(pu).values()).extracting(Bill::status).containsExactly("PAID", "PAID", "OPEN", "OPEN", "OPEN");
        // each payment allocated to exactly its month, with its historical date and provenance
        assertThat(jdbc.sql("""
                SELECT count(*) FROM payment p JOIN payment_allocation a ON a.payment_id = p.id
                  JOIN bill b ON b.id = a.bill_id
                 WHERE p.channel = 'HISTORY_IMPORT' AND p.history_import_id = ? AND a.amount = p.amount
                   AND p.unallocated = 0 AND p.source_line BETWEEN 2 AND 15
                   AND p.recorded_by = 'petugas.kalbar'""").param(r.importId()).query(Long.class).single()).isEqualTo(14);
        assertThat(count("SELECT count(*) FROM payment_allocation")).isEqualTo(14);
        assertThat(jdbc.sql("SELECT paid_on FROM payment WHERE source_line = 7")
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(count("SELECT count(*) FROM late_fine"))
                .as("history settles its own fines")
                .isZero();
        // their registration predates Lindung
        assertThat(enrolment.membership(MembershipId.of(bpu.id()), OFFICER).registeredOn())
                .isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(enrolment.membership(MembershipId.of(pu.id()), OFFICER).registeredOn())
                .isEqualTo(LocalDate.of(2026, 8, 1));
        // protection follows the paid months by the day: October paid on 10 October; November only on 1 December
        assertThat(statements
                        .status(MembershipId.of(bpu.id()), LocalDate.of(2026, 10, 20), OFFICER)
                        .protectedOn())
                .isTrue();
        assertThat(statements
                        .status(MembershipId.of(bpu.id()), LocalDate.of(2026, 11, 20), OFFICER)
                        .protectedOn())
                .isFalse();
        assertThat(statements
                        .status(MembershipId.of(bpu.id()), LocalDate.of(2026, 12, 7), OFFICER)
                        .protectedOn())
                .isFalse();
        assertThat(statements
                        .status(MembershipId.of(bpu.id()), LocalDate.of(2026, 12, 7), OFFICER)
                        .contributionMonths())
                .isEqualTo(6);
        assertThat(events.stream(LedgerBatchChanged.class))
                .containsExactly(new LedgerBatchChanged("HISTORY_IMPORT", r.importId()));
        Map<String, Object> audit = jdbc.sql("SELECT actor, changes ->> 'sha256' AS sha, changes ->> 'rows' AS rows"
                        + " FROM audit_log WHERE action = 'CONTRIBUTION_HISTORY_IMPORTED' AND id > ?")
                .param(auditBefore)
                .query()
                .singleRow();
        assertThat(audit).containsEntry("sha", r.sha256()).containsEntry("rows", "14");

        // the same file again changes nothing
        long payments = count("SELECT count(*) FROM payment");
        HistoryImportResult again = load(csv.toString(), OFFICER);
        assertThat(again.replayed()).isTrue();
        assertThat(again.importId()).isEqualTo(r.importId());
        assertThat(count("SELECT count(*) FROM payment")).isEqualTo(payments);
        assertThat(count("SELECT count(*) FROM contribution_history_import")).isEqualTo(1);
    }

    private static long due(Bill bill, String programme) {
        return bill.lines().stream()
                .filter(l -> l.programme().equals(programme))
                .mapToLong(l -> l.employerAmount() + l.workerAmount())
                .sum();
    }

    @Test
    void billsMissingFromTheLedgerAreCreatedByItsRulesFirst() {
        var worker = person(Members.KETAPANG_DESA);
        // a membership written by a bulk path, without bills (like the demo's)
        long id = jdbc.sql("INSERT INTO membership (participant_id, segment, channel, programmes, sector,"
                        + " start_month, region_code) VALUES (?, 'BPU', 'AGENT', 'JKK,JKM', 'OTHER', DATE '2026-09-01',"
                        + " ?) RETURNING id")
                .params(worker.getKey(), Members.KETAPANG_DESA)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO membership_base (membership_id, effective_from, amount) VALUES (?, DATE '2026-09-01',"
                        + " 1000000)")
                .param(id)
                .update();
        HistoryImportResult r = load(
                ";" + id + ";2026-09;ALL;8400;2026-09-05\n;" + id + ";2026-10;JKK;5000;2026-10-05\n" + ";" + id
                        + ";2026-10;JKM;3400;2026-10-05\n",
                OFFICER);
        assertThat(r.billsCreated()).isEqualTo(4); // September to December, every owed month
        assertThat(jdbc.sql("SELECT to_char(period, 'YYYY-MM') || ' ' || status FROM bill WHERE membership_id = ?"
                                + " ORDER BY period")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("2026-09 PAID", "2026-10 PAID", "2026-11 OPEN", "2026-12 OPEN");
    }

    @Test
    void everyRefusalNamesItsRowAndColumnAndNothingIsWritten() {
        var worker = person(Members.KETAPANG_DESA);
        Membership bpu = bpu(worker.getKey(), YearMonth.of(2026, 6));
        Membership paidInLindung = bpu(person(Members.KETAPANG_DESA).getKey(), YearMonth.of(2026, 11));
        jdbc.sql(
                        "UPDATE bill SET paid = amount, status = 'PAID' WHERE membership_id = ? AND period = DATE '2026-11-01'")
                .param(paidInLindung.id())
                .update();
        String nik = worker.getValue();
        long billsBefore = count("SELECT count(*) FROM bill");
        List<FieldIssue> issues = refused(
                String.join(
                                "\n",
                                "6104010101900001;;2026-06;ALL;8400;2026-06-10", // 2: NIK of nobody registered
                                nik + ";;2026-05;ALL;8400;2026-05-10", // 3: before the start
                                nik + ";;2026-06;ALL;8400;2026-06-10", // 4: fine
                                nik + ";;2026-06;ALL;8400;2026-06-10", // 5: June again
                                nik + ";;2026-07;ALL;9000;2026-07-10", // 6: not the bill's amount
                                nik + ";;2026-08;JKK;5000;2026-08-10", // 7: August half paid (JKM missing)
                                nik + ";;2026-09;ALL;8400;2025-08-01", // 8: paid more than 12 months ahead
                                nik + ";;2026-10;ALL;8400;2026-10-05", // 9: fine
                                nik + ";;2026-11;ALL;8400;2026-09-30", // 10: paid before October's payment
                                ";" + paidInLindung.id()
                                        + ";2026-11;ALL;8400;2026-11-05", // 11: already paid in Lindung
                                nik + ";;2026-12;XYZ;8400;2026-12-01", // 12: unknown programme
                                ";" + bpu.id() + ";2026-12;JHT;1000;2026-12-01", // 13: not the membership's programme
                                nik + ";;2026-13;ALL;8400;2026-12-01")
                        + "\n",
                OFFICER); // 14: not a month
        assertThat(issues)
                .extracting(FieldIssue::field, FieldIssue::code)
                .contains(
                        tuple("rows[2].nik", "history.member.unknown"),
                        tuple("rows[3].month", "history.month.before-start"),
                        tuple("rows[5].programme", "history.month.repeated"),
                        tuple("rows[6].amount", "history.amount.mismatch"),
                        tuple("rows[7].amount", "history.month.incomplete"),
                        tuple("rows[8].paid_on", "history.paid-on.too-early"),
                        tuple("rows[10].paid_on", "history.paid-on.order"),
                        tuple("rows[11].month", "history.month.already-paid"),
                        tuple("rows[12].programme", "history.programme.unknown"),
                        tuple("rows[13].programme", "history.programme.not-in-membership"),
                        tuple("rows[14].month", "history.month.format"));
        assertThat(issues)
                .extracting(FieldIssue::field)
                .doesNotContain("rows[4].month", "rows[4].amount", "rows[9].paid_on");
        FieldIssue amount = issues.stream()
                .filter(i -> i.field().equals("rows[6].amount"))
                .findFirst()
                .orElseThrow();
        assertThat(amount.args()).containsExactly(9000L, BPU_2026, "ALL", "2026-07");
        // nothing half-written: no payment, no import, no registration moved, no bill beyond the enrolment's
        assertThat(count("SELECT count(*) FROM payment")).isZero();
        assertThat(count("SELECT count(*) FROM contribution_history_import")).isZero();
        assertThat(count("SELECT count(*) FROM bill")).isEqualTo(billsBefore);
        assertThat(enrolment.membership(MembershipId.of(bpu.id()), OFFICER).registeredOn())
                .isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void aHistoryRunsInOrderFromTheFirstUnpaidMonth() {
        var worker = person(Members.KETAPANG_DESA);
        Membership bpu = bpu(worker.getKey(), YearMonth.of(2026, 6));
        String nik = worker.getValue();
        // July and September without June: June is arrears, not history
        List<FieldIssue> gap =
                refused(nik + ";;2026-07;ALL;8400;2026-07-10\n" + nik + ";;2026-09;ALL;8400;2026-09-10\n", OFFICER);
        assertThat(gap)
                .extracting(FieldIssue::field, FieldIssue::code, FieldIssue::args)
                .containsExactly(
                        tuple("rows[2].month", "history.month.gap", List.of("2026-07", "2026-06")),
                        tuple("rows[3].month", "history.month.gap", List.of("2026-09", "2026-06")));
        // August paid before July: the ledger applies money oldest month first
        List<FieldIssue> order = refused(
                nik + ";;2026-06;ALL;8400;2026-06-10\n" + nik + ";;2026-07;ALL;8400;2026-08-20\n" + nik
                        + ";;2026-08;ALL;8400;2026-08-10\n",
                OFFICER);
        assertThat(order)
                .extracting(FieldIssue::field, FieldIssue::code)
                .containsExactly(tuple("rows[4].paid_on", "history.paid-on.order"));
        // a wage earner's month is not paid before it starts; BPU may pay ahead
        Membership pu = pu(person(Members.KETAPANG_DESA).getKey(), YearMonth.of(2026, 11));
        List<FieldIssue> early = refused(";" + pu.id() + ";2026-11;ALL;477000;2026-10-31\n", OFFICER);
        assertThat(early)
                .extracting(FieldIssue::field, FieldIssue::code)
                .containsExactly(tuple("rows[2].paid_on", "history.paid-on.too-early"));
        assertThat(refused(nik + ";;2026-06;ALL;8400;2027-01-10\n", OFFICER))
                .extracting(FieldIssue::field, FieldIssue::code)
                .containsExactly(tuple("rows[2].paid_on", "history.paid-on.future"));
        assertThat(load(nik + ";;2026-06;ALL;8400;2026-05-20\n", OFFICER).monthsPaid())
                .isEqualTo(1);
        assertThat(bills(bpu).get(YearMonth.of(2026, 6)).status()).isEqualTo("PAID");
    }

    @Test
    void aMonthIsWholeOrByProgrammeNotBoth() {
        var worker = person(Members.KETAPANG_DESA);
        bpu(worker.getKey(), YearMonth.of(2026, 6));
        List<FieldIssue> issues = refused(
                worker.getValue() + ";;2026-06;ALL;8400;2026-06-10\n" + worker.getValue()
                        + ";;2026-06;JKK;5000;2026-06-10\n",
                OFFICER);
        assertThat(issues)
                .extracting(FieldIssue::field, FieldIssue::code)
                .contains(tuple("rows[3].programme", "history.month.mixed"));
    }

    // ------------------------------------------------------------------------------------------------ attackers

    @Test
    void agentsBanksAndAnalystsMayNotImport() {
        var worker = person(Members.KETAPANG_DESA);
        bpu(worker.getKey(), YearMonth.of(2026, 6));
        String row = worker.getValue() + ";;2026-06;ALL;8400;2026-06-10\n";
        for (Role role : List.of(Role.AGENT, Role.BANK_OFFICER, Role.GOV_ANALYST)) {
            LindungUser user = new LindungUser("x", "X", role, RegionScope.of("61"));
            assertThatThrownBy(() -> load(row, user))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("history.role");
            assertThatThrownBy(() -> imports.recent(10, user)).isInstanceOf(ForbiddenException.class);
        }
        assertThat(count("SELECT count(*) FROM payment")).isZero();
    }

    @Test
    void anOfficerCannotImportAnotherRegionsMembersByNikOrByNumber() {
        var ketapang = person(Members.KETAPANG_DESA);
        Membership inScope = bpu(ketapang.getKey(), YearMonth.of(2026, 6));
        var pontianak = person(PONTIANAK_DESA);
        Membership outside = bpu(pontianak.getKey(), YearMonth.of(2026, 6));
        List<FieldIssue> issues = refused(
                ketapang.getValue() + ";;2026-06;ALL;8400;2026-06-10\n"
                        + pontianak.getValue() + ";;2026-06;ALL;8400;2026-06-10\n"
                        + ";" + outside.id() + ";2026-07;ALL;8400;2026-07-10\n",
                KETAPANG_OFFICER);
        // refused exactly like a member who does not exist: the answer does not confirm that they do
        assertThat(issues)
                .extracting(FieldIssue::field, FieldIssue::code)
                .containsExactly(
                        tuple("rows[3].nik", "history.member.unknown"),
                        tuple("rows[4].membership_id", "history.member.unknown-membership"));
        assertThat(count("SELECT count(*) FROM payment")).isZero();
        // a NIK that does not belong to the membership number is refused too
        List<FieldIssue> mismatch =
                refused(pontianak.getValue() + ";" + inScope.id() + ";2026-06;ALL;8400;2026-06-10\n", OFFICER);
        assertThat(mismatch)
                .extracting(FieldIssue::field, FieldIssue::code)
                .containsExactly(tuple("rows[2].nik", "history.member.nik-mismatch"));
        // the province officer imports both
        assertThat(load(
                                ketapang.getValue() + ";;2026-06;ALL;8400;2026-06-10\n" + pontianak.getValue()
                                        + ";;2026-06;ALL;8400;2026-06-10\n",
                                OFFICER)
                        .monthsPaid())
                .isEqualTo(2);
        // and the Ketapang officer's list of imports does not show the province's
        assertThat(imports.recent(10, KETAPANG_OFFICER)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ over HTTP

    @Test
    void theApiAnswersCountsOrTheRefusedRowsByLineAndColumnInBothLanguages() {
        var worker = person(Members.KETAPANG_DESA);
        bpu(worker.getKey(), YearMonth.of(2026, 6));
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        byte[] bad = (HEADER + worker.getValue() + ";;2026-06;ALL;9999;2026-06-10\n").getBytes(StandardCharsets.UTF_8);
        ApiClient.Response refused =
                officer.postMultipart("/api/contribution-history", Map.of(), "file", "riwayat.csv", bad, "text/csv");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[2].amount");
        assertThat(refused.json().get("errors").get(0).get("message").asText())
                .contains("Rp9.999")
                .contains("8.400");

        assertThat(officer.inEnglish()
                        .postMultipart("/api/contribution-history", Map.of(), "file", "riwayat.csv", bad, "text/csv")
                        .json()
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asText())
                .isEqualTo("The amount Rp9,999 is not the ALL contribution of 2026-06 by the rules: Rp8,400");

        byte[] good = (HEADER + worker.getValue() + ";;2026-06;ALL;8400;2026-06-10\n").getBytes(StandardCharsets.UTF_8);
        ApiClient.Response created =
                officer.postMultipart("/api/contribution-history", Map.of(), "file", "riwayat.csv", good, "text/csv");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("monthsPaid").asInt()).isEqualTo(1);
        assertThat(created.json().get("totalAmount").asLong()).isEqualTo(8_400);
        assertThat(officer.postMultipart("/api/contribution-history", Map.of(), "file", "riwayat.csv", good, "text/csv")
                        .json()
                        .get("replayed")
                        .asBoolean())
                .isTrue();
        assertThat(officer.get("/api/contribution-history")
                        .json()
                        .get(0)
                        .get("rows")
                        .asInt())
                .isEqualTo(1);
        assertThat(ApiClient.as(port, "agen.ketapang")
                        .postMultipart("/api/contribution-history", Map.of(), "file", "riwayat.csv", good, "text/csv")
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.as(port, "analis.provinsi")
                        .get("/api/contribution-history")
                        .status())
                .isEqualTo(403);
    }
}
