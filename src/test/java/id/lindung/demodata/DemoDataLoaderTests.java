package id.lindung.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.contribution.DemoHistory;
import id.lindung.enrolment.DemoMemberships;
import id.lindung.participant.ParticipantBulkLoader;
import id.lindung.region.RegionDirectory;
import id.lindung.support.Tags;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The demo registry is loaded once into an empty registry, and only when demo data is on. */
@Tag(Tags.SOAK)
@SpringBootTest(properties = "lindung.participant.bulk-batch-size=3000")
@ActiveProfiles("test")
class DemoDataLoaderTests {

    private final ParticipantBulkLoader bulkLoader;
    private final DemoMemberships memberships;
    private final DemoHistory history;
    private final RegionDirectory regions;
    private final JdbcClient jdbc;
    private long auditMark;

    @Autowired
    DemoDataLoaderTests(
            ParticipantBulkLoader bulkLoader,
            DemoMemberships memberships,
            DemoHistory history,
            RegionDirectory regions,
            JdbcClient jdbc) {
        this.bulkLoader = bulkLoader;
        this.memberships = memberships;
        this.history = history;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void emptyRegistry() {
        jdbc.sql("TRUNCATE participant_duplicate, umkm_business, participant_relative, participant")
                .update();
        jdbc.sql("TRUNCATE membership_base, membership, construction_project, employer CASCADE")
                .update();
        jdbc.sql(
                        "TRUNCATE snap_payment_part, snap_payment, late_fine, payment_allocation, payment, payment_file, bill_line, bill, billing_run,"
                                + " contribution_history_import")
                .update();
        // the audit trail is append-only (V27): only lines written after this mark count
        auditMark = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log")
                .query(Long.class)
                .single();
    }

    @Test
    void fillsAnEmptyRegistryWithKalimantanBaratWorkers() {
        new DemoDataLoader(bulkLoader, memberships, history, regions, true, 3_000, 61, true, "61").run(null);

        assertThat(participants()).isEqualTo(3_000);
        assertThat(jdbc.sql("SELECT count(DISTINCT kabkota_code) FROM participant")
                        .query(Long.class)
                        .single())
                .isEqualTo(14);
        assertThat(jdbc.sql("SELECT count(*) FROM participant_relative")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM umkm_business")
                        .query(Long.class)
                        .single())
                .isPositive();
        Map<String, Object> audit = jdbc.sql(
                        "SELECT actor, changes ->> 'count' AS count, changes ->> 'source' AS source"
                                + " FROM audit_log WHERE action = ? AND id > ?")
                .params(ParticipantBulkLoader.AUDIT_ACTION, auditMark)
                .query()
                .singleRow();
        assertThat(audit)
                .containsEntry("actor", "system")
                .containsEntry("count", "3000")
                .containsEntry("source", "demo generator, seed 61");

        // memberships: every segment of the coverage denominator and every channel, some ended, all in the province
        Map<String, Object> m = jdbc.sql("""
                SELECT count(*) FILTER (WHERE segment = 'PU') AS pu, count(*) FILTER (WHERE segment = 'BPU') AS bpu,
                       count(*) FILTER (WHERE segment = 'JAKON') AS jakon,
                       count(DISTINCT channel) FILTER (WHERE segment = 'BPU') AS bpu_channels,
                       count(*) FILTER (WHERE end_month < date_trunc('month', lindung_today())) AS ended,
                       count(*) FILTER (WHERE province_code <> '61') AS elsewhere,
                       count(DISTINCT kabkota_code) AS kabkota
                  FROM membership""").query().singleRow();
        assertThat(((Number) m.get("pu")).longValue()).isBetween(700L, 1_100L); // ~30% of 3,000
        assertThat(((Number) m.get("bpu")).longValue()).isBetween(250L, 480L); // ~12%
        assertThat(m)
                .containsEntry("jakon", 14L)
                .containsEntry("bpu_channels", 4L)
                .containsEntry("elsewhere", 0L)
                .containsEntry("kabkota", 14L);
        assertThat(((Number) m.get("ended")).longValue()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM membership m WHERE m.segment <> 'JAKON' AND NOT EXISTS"
                                + " (SELECT 1 FROM membership_base b WHERE b.membership_id = m.id)")
                        .query(Long.class)
                        .single())
                .as("every PU and BPU membership has its wage or income")
                .isZero();

        // the ledger: every owed month a bill, most paid through the history import, protection from money paid
        Map<String, Object> l = jdbc.sql("""
                SELECT (SELECT count(*) FROM membership m WHERE NOT EXISTS
                          (SELECT 1 FROM bill b WHERE b.membership_id = m.id)) AS without_bill,
                       (SELECT count(*) FROM bill WHERE status = 'PAID') AS paid,
                       (SELECT count(*) FROM bill WHERE status = 'OPEN') AS open,
                       (SELECT count(*) FROM bill b JOIN membership m ON m.id = b.membership_id
                         WHERE b.period < m.start_month OR b.period > coalesce(m.end_month, b.period)
                           AND b.status <> 'CANCELLED') AS outside,
                       (SELECT count(*) FROM payment WHERE channel <> 'HISTORY_IMPORT') AS other_payments,
                       (SELECT count(*) FROM payment p WHERE p.history_import_id IS NULL OR p.source_line IS NULL)
                         AS without_provenance,
                       (SELECT count(*) FROM bill b WHERE b.status = 'OPEN' AND EXISTS (SELECT 1 FROM bill later
                          WHERE later.membership_id = b.membership_id AND later.period > b.period
                            AND later.status = 'PAID')) AS gaps,
                       (SELECT count(*) FROM bill b WHERE b.status = 'PAID' AND b.paid <> b.amount) AS half_paid,
                       (SELECT count(*) FROM membership WHERE end_reason = 'LAPSED') AS lapsed,
                       (SELECT count(*) FROM membership m WHERE m.registered_on > m.start_month
                           AND EXISTS (SELECT 1 FROM payment p WHERE p.membership_id = m.id)) AS registered_later
                """).query().singleRow();
        assertThat(l)
                .containsEntry("without_bill", 0L)
                .containsEntry("outside", 0L)
                .containsEntry("other_payments", 0L)
                .containsEntry("without_provenance", 0L)
                .containsEntry("gaps", 0L)
                .containsEntry("half_paid", 0L)
                .containsEntry("registered_later", 0L);
        long paid = ((Number) l.get("paid")).longValue();
        long open = ((Number) l.get("open")).longValue();
        assertThat(paid).as("most owed months paid").isGreaterThan(6 * open);
        assertThat(((Number) l.get("lapsed")).longValue()).isPositive();
        // late payers and members in arrears exist, as do PU months still within the employer's grace
        assertThat(jdbc.sql("""
                SELECT count(*) FROM payment p JOIN payment_allocation a ON a.payment_id = p.id
                  JOIN bill b ON b.id = a.bill_id WHERE p.paid_on > b.due_date""").query(Long.class).single())
                .as("months paid late")
                .isPositive();
        assertThat(jdbc.sql("SELECT count(DISTINCT membership_id) FROM bill WHERE status = 'OPEN'"
                                + " AND due_date < DATE '2026-12-07'")
                        .query(Long.class)
                        .single())
                .as("memberships in arrears")
                .isPositive();
        // BPU members who stopped paying were ended as the billing run ends them: no open bill after the end
        assertThat(jdbc.sql("""
                SELECT count(*) FROM membership m JOIN bill b ON b.membership_id = m.id
                 WHERE m.end_reason = 'LAPSED' AND b.period > m.end_month AND b.status <> 'CANCELLED'""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM contribution_protected_month_v WHERE month = DATE '2026-11-01'")
                        .query(Long.class)
                        .single())
                .as("memberships protected in November")
                .isGreaterThan(500L);
    }

    @Test
    void fillsAnEmptyRegistryWithWorkersOfAnotherProvince() {
        new DemoDataLoader(bulkLoader, memberships, history, regions, true, 800, 61, true, "63").run(null);

        assertThat(participants()).isEqualTo(800);
        Map<String, Object> p = jdbc.sql("""
                SELECT count(*) FILTER (WHERE province_code <> '63') AS elsewhere,
                       count(DISTINCT kabkota_code) AS kabkota FROM participant""").query().singleRow();
        assertThat(p).containsEntry("elsewhere", 0L).containsEntry("kabkota", 13L);
        Map<String, Object> m = jdbc.sql("""
                SELECT count(*) AS memberships, count(*) FILTER (WHERE province_code <> '63') AS elsewhere
                  FROM membership""").query().singleRow();
        assertThat(((Number) m.get("memberships")).longValue()).isPositive();
        assertThat(m).containsEntry("elsewhere", 0L);
        assertThat(jdbc.sql("SELECT count(*) FROM bill WHERE status = 'PAID'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void refusesAProvinceTheReferenceDataDoesNotHave() {
        DemoDataLoader loader = new DemoDataLoader(bulkLoader, memberships, history, regions, true, 10, 61, true, "99");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lindung.demo.province=99");
        assertThat(participants()).isZero();
    }

    @Test
    void leavesARegistryThatAlreadyHasParticipantsAlone() {
        new DemoDataLoader(bulkLoader, memberships, history, regions, true, 500, 61, true, "61").run(null);
        new DemoDataLoader(bulkLoader, memberships, history, regions, true, 2_000, 62, true, "61").run(null);

        assertThat(participants()).isEqualTo(500);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND id > ?")
                        .params(ParticipantBulkLoader.AUDIT_ACTION, auditMark)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void doesNothingWhenDemoDataIsOffOrNoParticipantsAreAskedFor() {
        new DemoDataLoader(bulkLoader, memberships, history, regions, false, 1_000, 61, true, "61").run(null);
        new DemoDataLoader(bulkLoader, memberships, history, regions, true, 0, 61, true, "61").run(null);

        assertThat(participants()).isZero();
    }

    @Test
    void loadsTheRegistryAloneWhenMembershipsAreOff() {
        new DemoDataLoader(bulkLoader, memberships, history, regions, true, 1_000, 61, false, "61").run(null);

        assertThat(participants()).isEqualTo(1_000);
        assertThat(jdbc.sql("SELECT count(*) FROM membership").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM employer").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM bill").query(Long.class).single())
                .isZero();
    }

    private long participants() {
        return jdbc.sql("SELECT count(*) FROM participant").query(Long.class).single();
    }
}
