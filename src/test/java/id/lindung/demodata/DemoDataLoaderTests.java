package id.lindung.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.enrolment.DemoMemberships;
import id.lindung.participant.ParticipantBulkLoader;
import id.lindung.region.RegionDirectory;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The demo registry is loaded once into an empty registry, and only when demo data is on. */
@SpringBootTest(properties = "lindung.participant.bulk-batch-size=3000")
@ActiveProfiles("test")
class DemoDataLoaderTests {

    private final ParticipantBulkLoader bulkLoader;
    private final DemoMemberships memberships;
    private final RegionDirectory regions;
    private final JdbcClient jdbc;
    private long auditMark;

    @Autowired
    DemoDataLoaderTests(ParticipantBulkLoader bulkLoader, DemoMemberships memberships, RegionDirectory regions,
            JdbcClient jdbc) {
        this.bulkLoader = bulkLoader;
        this.memberships = memberships;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void emptyRegistry() {
        jdbc.sql("TRUNCATE participant_duplicate, umkm_business, participant_relative, participant").update();
        jdbc.sql("TRUNCATE membership_base, membership, construction_project, employer CASCADE").update();
        // the audit trail is append-only (V27): only lines written after this mark count
        auditMark = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log").query(Long.class).single();
    }

    @Test
    void fillsAnEmptyRegistryWithKalimantanBaratWorkers() {
        new DemoDataLoader(bulkLoader, memberships, regions, true, 3_000, 61).run(null);

        assertThat(participants()).isEqualTo(3_000);
        assertThat(jdbc.sql("SELECT count(DISTINCT kabkota_code) FROM participant").query(Long.class).single())
                .isEqualTo(14);
        assertThat(jdbc.sql("SELECT count(*) FROM participant_relative").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM umkm_business").query(Long.class).single()).isPositive();
        Map<String, Object> audit = jdbc.sql("SELECT actor, changes ->> 'count' AS count, changes ->> 'source' AS source"
                + " FROM audit_log WHERE action = ? AND id > ?").params(ParticipantBulkLoader.AUDIT_ACTION, auditMark)
                .query().singleRow();
        assertThat(audit).containsEntry("actor", "system").containsEntry("count", "3000")
                .containsEntry("source", "demo generator, seed 61");

        // memberships: every segment of the coverage denominator and every channel, some ended, all in the province
        Map<String, Object> m = jdbc.sql("""
                SELECT count(*) FILTER (WHERE segment = 'PU') AS pu, count(*) FILTER (WHERE segment = 'BPU') AS bpu,
                       count(*) FILTER (WHERE segment = 'JAKON') AS jakon,
                       count(DISTINCT channel) FILTER (WHERE segment = 'BPU') AS bpu_channels,
                       count(*) FILTER (WHERE end_month < date_trunc('month', current_date)) AS ended,
                       count(*) FILTER (WHERE province_code <> '61') AS elsewhere,
                       count(DISTINCT kabkota_code) AS kabkota
                  FROM membership""").query().singleRow();
        assertThat(((Number) m.get("pu")).longValue()).isBetween(700L, 1_100L);   // ~30% of 3,000
        assertThat(((Number) m.get("bpu")).longValue()).isBetween(250L, 480L);    // ~12%
        assertThat(m).containsEntry("jakon", 14L).containsEntry("bpu_channels", 4L).containsEntry("elsewhere", 0L)
                .containsEntry("kabkota", 14L);
        assertThat(((Number) m.get("ended")).longValue()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM membership m WHERE m.segment <> 'JAKON' AND NOT EXISTS"
                + " (SELECT 1 FROM membership_base b WHERE b.membership_id = m.id)").query(Long.class).single())
                .as("every PU and BPU membership has its wage or income").isZero();
    }

    @Test
    void leavesARegistryThatAlreadyHasParticipantsAlone() {
        new DemoDataLoader(bulkLoader, memberships, regions, true, 500, 61).run(null);
        new DemoDataLoader(bulkLoader, memberships, regions, true, 2_000, 62).run(null);

        assertThat(participants()).isEqualTo(500);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND id > ?")
                .params(ParticipantBulkLoader.AUDIT_ACTION, auditMark).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void doesNothingWhenDemoDataIsOffOrNoParticipantsAreAskedFor() {
        new DemoDataLoader(bulkLoader, memberships, regions, false, 1_000, 61).run(null);
        new DemoDataLoader(bulkLoader, memberships, regions, true, 0, 61).run(null);

        assertThat(participants()).isZero();
    }

    private long participants() {
        return jdbc.sql("SELECT count(*) FROM participant").query(Long.class).single();
    }
}
