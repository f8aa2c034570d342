package id.lindung.demodata;

import static org.assertj.core.api.Assertions.assertThat;

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
    private final RegionDirectory regions;
    private final JdbcClient jdbc;

    @Autowired
    DemoDataLoaderTests(ParticipantBulkLoader bulkLoader, RegionDirectory regions, JdbcClient jdbc) {
        this.bulkLoader = bulkLoader;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void emptyRegistry() {
        jdbc.sql("TRUNCATE participant_duplicate, umkm_business, participant_relative, participant").update();
        jdbc.sql("DELETE FROM audit_log WHERE action = ?").param(ParticipantBulkLoader.AUDIT_ACTION).update();
    }

    @Test
    void fillsAnEmptyRegistryWithKalimantanBaratWorkers() {
        new DemoDataLoader(bulkLoader, regions, true, 3_000, 61).run(null);

        assertThat(participants()).isEqualTo(3_000);
        assertThat(jdbc.sql("SELECT count(DISTINCT kabkota_code) FROM participant").query(Long.class).single())
                .isEqualTo(14);
        assertThat(jdbc.sql("SELECT count(*) FROM participant_relative").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM umkm_business").query(Long.class).single()).isPositive();
        Map<String, Object> audit = jdbc.sql("SELECT actor, changes ->> 'count' AS count, changes ->> 'source' AS source"
                + " FROM audit_log WHERE action = ?").param(ParticipantBulkLoader.AUDIT_ACTION).query().singleRow();
        assertThat(audit).containsEntry("actor", "system").containsEntry("count", "3000")
                .containsEntry("source", "demo generator, seed 61");
    }

    @Test
    void leavesARegistryThatAlreadyHasParticipantsAlone() {
        new DemoDataLoader(bulkLoader, regions, true, 500, 61).run(null);
        new DemoDataLoader(bulkLoader, regions, true, 2_000, 62).run(null);

        assertThat(participants()).isEqualTo(500);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ?").param(ParticipantBulkLoader.AUDIT_ACTION)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void doesNothingWhenDemoDataIsOffOrNoParticipantsAreAskedFor() {
        new DemoDataLoader(bulkLoader, regions, false, 1_000, 61).run(null);
        new DemoDataLoader(bulkLoader, regions, true, 0, 61).run(null);

        assertThat(participants()).isZero();
    }

    private long participants() {
        return jdbc.sql("SELECT count(*) FROM participant").query(Long.class).single();
    }
}
