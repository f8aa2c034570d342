package id.lindung.demodata;

import id.lindung.access.LindungUser;
import id.lindung.contribution.DemoHistory;
import id.lindung.enrolment.DemoMemberships;
import id.lindung.participant.BulkLoadResult;
import id.lindung.participant.ParticipantBulkLoader;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty registry with {@code lindung.demo.participants} generated workers of {@code lindung.demo.province}
 * (Kalimantan Barat unless set; seed
 * {@code lindung.demo.seed}), their memberships ({@link DemoMemberships}) and the memberships' contribution history
 * (contribution's {@link DemoHistory}: paid months on the ledger) when demo data is on ({@code lindung.demo.enabled}), after the demo users exist. Does
 * nothing when the registry already has participants, so a restart keeps what is there.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final ParticipantBulkLoader loader;
    private final DemoMemberships memberships;
    private final DemoHistory history;
    private final RegionDirectory regions;
    private final boolean enabled;
    private final long participants;
    private final long seed;
    private final boolean withMemberships;
    private final String province;

    @Autowired
    DemoDataLoader(
            ParticipantBulkLoader loader,
            DemoMemberships memberships,
            DemoHistory history,
            RegionDirectory regions,
            DemoProperties properties) {
        this(
                loader,
                memberships,
                history,
                regions,
                properties.enabled(),
                properties.participants(),
                properties.seed(),
                properties.memberships(),
                properties.province());
    }

    DemoDataLoader(
            ParticipantBulkLoader loader,
            DemoMemberships memberships,
            DemoHistory history,
            RegionDirectory regions,
            boolean enabled,
            long participants,
            long seed,
            boolean withMemberships,
            String province) {
        this.loader = loader;
        this.memberships = memberships;
        this.history = history;
        this.regions = regions;
        this.enabled = enabled;
        this.participants = participants;
        this.seed = seed;
        this.withMemberships = withMemberships;
        this.province = province;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || participants <= 0) {
            return;
        }
        if (!loader.isRegistryEmpty()) {
            log.info("Demo registry not loaded: the registry already has participants");
            return;
        }
        if (regions.find(province)
                .filter(r -> r.level() == RegionLevel.PROVINCE)
                .isEmpty()) {
            throw new IllegalStateException(
                    "lindung.demo.province=" + province + " is no province of the reference data");
        }
        log.info(
                "Generating and loading {} demo participants of province {} (seed {})...",
                participants,
                province,
                seed);
        DemoRegistryGenerator generator = new DemoRegistryGenerator(DemoGeography.of(regions, province), seed);
        BulkLoadResult result = loader.load(generator.iterator(participants), source(seed), LindungUser.SYSTEM);
        log.info(
                "Demo registry loaded: {} participants, {} family members, {} UMKM businesses, {} possible"
                        + " duplicate pairs in {} ms",
                result.participants(),
                result.relatives(),
                result.businesses(),
                result.duplicatePairsFlagged(),
                result.elapsedMillis());
        if (!withMemberships) {
            return;
        }
        memberships.generate(province, seed);
        // their contributions so far, through the history import: protection follows money paid
        history.generate(province, seed);
    }

    static String source(long seed) {
        return "demo generator, seed " + seed;
    }
}
