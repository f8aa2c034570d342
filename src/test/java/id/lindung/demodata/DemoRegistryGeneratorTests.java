package id.lindung.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.lindung.participant.BulkBusiness;
import id.lindung.participant.BulkParticipant;
import id.lindung.participant.BulkRelative;
import id.lindung.participant.BusinessScale;
import id.lindung.participant.NikRules;
import id.lindung.participant.RelationType;
import id.lindung.participant.Sex;
import id.lindung.shared.FieldIssue;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The demo registry is deterministic, valid by the NIK rules and shaped like Kalimantan Barat. */
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class DemoRegistryGeneratorTests {

    private static final int ROWS = 50_000;
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} .,'\\-]*");
    private static final Pattern MOBILE = Pattern.compile("08\\d{8,11}");

    private static DemoGeography kalbar;
    private static List<BulkParticipant> rows;

    @BeforeAll
    static void generate() {
        kalbar = ReferenceFiles.kalimantanBarat();
        rows = new DemoRegistryGenerator(kalbar, 61).stream(ROWS).toList();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void coversTheFourteenKabKotaOfKalimantanBaratWithTheirRealDesa() {
        assertThat(kalbar.kabKota())
                .extracting(DemoGeography.KabKota::code)
                .containsExactly(
                        "61.01", "61.02", "61.03", "61.04", "61.05", "61.06", "61.07", "61.08", "61.09", "61.10",
                        "61.11", "61.12", "61.71", "61.72");
        assertThat(kalbar.kabKota().stream().mapToInt(k -> k.kecamatan().size()).sum())
                .isEqualTo(174);
        assertThat(kalbar.kabKota().stream()
                        .flatMap(k -> k.kecamatan().stream())
                        .mapToInt(k -> k.desa().size())
                        .sum())
                .isEqualTo(2145);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theSameSeedGivesTheSameRowsWhateverTheCount() {
        List<BulkParticipant> again =
                new DemoRegistryGenerator(kalbar, 61).stream(2_000).toList();
        assertThat(again).isEqualTo(rows.subList(0, 2_000));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void anotherSeedGivesOtherRows() {
        List<BulkParticipant> other =
                new DemoRegistryGenerator(kalbar, 62).stream(2_000).toList();
        long same = 0;
        for (int i = 0; i < other.size(); i++) {
            if (other.get(i).nik().equals(rows.get(i).nik())
                    && other.get(i).fullName().equals(rows.get(i).fullName())) {
                same++;
            }
        }
        assertThat(same).isLessThan(10);
    }

    /**
     * Any province: Kalimantan Selatan's registry lives in its own desa, its NIKs were issued in the province and
     * mostly in the participant's kecamatan (PPKKCC), every one of its 13 kab/kota has workers, the kota have urban jobs, the same seed gives the
     * same rows.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void anotherProvinceGetsItsOwnDesaAndNiks() {
        DemoGeography kalsel = ReferenceFiles.province("63");
        List<BulkParticipant> selatan =
                new DemoRegistryGenerator(kalsel, 61).stream(5_000).toList();
        Set<String> regionCodes = ReferenceFiles.regionCodes();
        LocalDate today = DemoRegistryGenerator.REFERENCE_DATE;
        Set<String> kabKota = new HashSet<>();
        List<String> broken = new ArrayList<>();
        long ownKecamatan = 0;
        for (BulkParticipant p : selatan) {
            kabKota.add(p.regionCode().substring(0, 5));
            if (!p.regionCode().startsWith("63.")
                    || !regionCodes.contains(p.regionCode())
                    || !p.nik().startsWith("63")
                    || !NikRules.check("nik", p.nik(), p.birthDate(), p.sex(), regionCodes::contains, today)
                            .isEmpty()) {
                broken.add(p.nik() + " " + p.regionCode());
            }
            if (p.nik().startsWith(p.regionCode().substring(0, 8).replace(".", ""))) {
                ownKecamatan++;
            }
        }
        assertThat(broken).isEmpty();
        assertThat((double) ownKecamatan / selatan.size()).isBetween(0.75, 0.95);
        assertThat(kabKota).hasSize(13);
        assertThat(selatan.stream().filter(p -> p.regionCode().startsWith("63.71.")))
                .extracting(BulkParticipant::occupation)
                .contains("Pengemudi ojek");
        assertThat(DemoRegistryGenerator.urban("63.71")).isTrue();
        assertThat(DemoRegistryGenerator.urban("63.11")).isFalse();
        assertThat(new DemoRegistryGenerator(kalsel, 61).stream(500).toList()).isEqualTo(selatan.subList(0, 500));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void everyNikOfParticipantsAndRelativesPassesTheNikRules() {
        Set<String> regionCodes = ReferenceFiles.regionCodes();
        LocalDate today = DemoRegistryGenerator.REFERENCE_DATE;
        List<String> broken = new ArrayList<>();
        long relativeNiks = 0;
        for (BulkParticipant p : rows) {
            List<FieldIssue> issues =
                    NikRules.check("nik", p.nik(), p.birthDate(), p.sex(), regionCodes::contains, today);
            if (!issues.isEmpty()) {
                broken.add(p.nik() + " " + issues);
            }
            for (BulkRelative r : p.relatives()) {
                if (r.nik() != null) {
                    relativeNiks++;
                    List<FieldIssue> rIssues =
                            NikRules.check("nik", r.nik(), r.birthDate(), r.sex(), regionCodes::contains, today);
                    if (!rIssues.isEmpty()) {
                        broken.add(r.nik() + " " + rIssues);
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(relativeNiks).isGreaterThan(ROWS / 2);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void niksAreUniqueAcrossParticipantsAndRelatives() {
        Set<String> niks = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        for (BulkParticipant p : rows) {
            if (!niks.add(p.nik())) {
                repeated.add(p.nik());
            }
            for (BulkRelative r : p.relatives()) {
                if (r.nik() != null && !niks.add(r.nik())) {
                    repeated.add(r.nik());
                }
            }
        }
        assertThat(repeated).isEmpty();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void kabKotaSharesFollowTheDukcapilPopulation() {
        Map<String, long[]> population = ReferenceFiles.population();
        double province = population.get("61")[0] + population.get("61")[1];
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(p -> counts.merge(p.regionCode().substring(0, 5), 1, Integer::sum));
        assertThat(counts).hasSize(14);
        counts.forEach((kab, n) -> {
            double expected = (population.get(kab)[0] + population.get(kab)[1]) / province;
            assertThat((double) n / ROWS).as(kab).isCloseTo(expected, within(0.01));
        });
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void livesInRealDesaAndMostlyCarriesTheNikOfTheOwnKecamatan() {
        Set<String> regionCodes = ReferenceFiles.regionCodes();
        long ownKecamatan = 0;
        for (BulkParticipant p : rows) {
            assertThat(p.regionCode()).hasSize(13).startsWith("61.");
            assertThat(regionCodes.contains(p.regionCode())).as(p.regionCode()).isTrue();
            if (p.regionCode().substring(0, 8).replace(".", "").equals(p.nik().substring(0, 6))) {
                ownKecamatan++;
            }
        }
        assertThat((double) ownKecamatan / ROWS).isBetween(0.75, 0.95);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aboutFiftyTwoPercentAreMenAgedEighteenToSixtyFour() {
        long men = rows.stream().filter(p -> p.sex() == Sex.L).count();
        assertThat((double) men / ROWS).isCloseTo(0.52, within(0.015));
        assertThat(rows)
                .allSatisfy(p -> assertThat(Period.between(p.birthDate(), DemoRegistryGenerator.REFERENCE_DATE)
                                .getYears())
                        .isBetween(18, 64));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void namesPhonesAndOccupationsLookLocal() {
        assertThat(rows).allSatisfy(p -> {
            assertThat(p.fullName()).matches(NAME).hasSizeLessThanOrEqualTo(150);
            if (p.phone() != null) {
                assertThat(p.phone()).matches(MOBILE);
            }
            assertThat(p.occupation()).isNotBlank();
        });
        Set<String> names = new HashSet<>();
        rows.forEach(p -> names.add(p.fullName().toUpperCase(Locale.ROOT)));
        assertThat(names.size()).isGreaterThan(ROWS / 4);
        List<String> all = rows.stream().map(BulkParticipant::fullName).toList();
        assertThat(all)
                .anyMatch(n -> n.startsWith("Tjhai "))
                .anyMatch(n -> n.startsWith("Siti "))
                .anyMatch(n -> n.startsWith("Yohanes "));
        assertThat(rows.stream().map(BulkParticipant::occupation))
                .contains(
                        "Petani sawit",
                        "Petani karet",
                        "Nelayan",
                        "Pedagang",
                        "Pengemudi ojek",
                        "Buruh harian lepas",
                        "Guru honorer",
                        "Penjahit");
        // given names of women and men do not mix within a group
        Set<String> menFirst = new HashSet<>();
        Set<String> womenFirst = new HashSet<>();
        rows.stream()
                .filter(p -> p.fullName().startsWith("Yohanes ") || p.fullName().startsWith("Maria "))
                .forEach(p -> (p.sex() == Sex.L ? menFirst : womenFirst)
                        .add(p.fullName().split(" ")[0]));
        assertThat(menFirst).containsOnly("Yohanes");
        assertThat(womenFirst).containsOnly("Maria");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void someDeclareSpousesAndChildrenAsHeirs() {
        List<BulkRelative> relatives =
                rows.stream().flatMap(p -> p.relatives().stream()).toList();
        assertThat((double) relatives.size() / ROWS).isBetween(0.7, 1.6);
        assertThat(relatives)
                .filteredOn(r -> r.relation() == RelationType.SPOUSE)
                .allMatch(BulkRelative::heir);
        List<BulkRelative> children = relatives.stream()
                .filter(r -> r.relation() == RelationType.CHILD)
                .toList();
        assertThat(children)
                .anyMatch(r -> r.nik() == null)
                .anyMatch(r -> r.nik() != null)
                .anyMatch(BulkRelative::heir)
                .anyMatch(r -> !r.heir());
        assertThat(relatives).allSatisfy(r -> assertThat(r.fullName()).matches(NAME));
        for (BulkParticipant p : rows) {
            for (BulkRelative r : p.relatives()) {
                if (r.relation() == RelationType.SPOUSE) {
                    assertThat(r.sex()).isNotEqualTo(p.sex());
                }
                if (r.relation() == RelationType.CHILD) {
                    assertThat(r.birthDate()).isAfter(p.birthDate().plusYears(18));
                }
            }
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aboutOneInTwentyOwnsAMostlyMicroBusinessWithAUniqueNib() {
        List<BulkBusiness> businesses = rows.stream()
                .map(BulkParticipant::business)
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat((double) businesses.size() / ROWS).isCloseTo(0.05, within(0.006));
        assertThat(businesses).allSatisfy(b -> {
            assertThat(b.nib()).matches("\\d{13}");
            assertThat(b.kbli()).matches("\\d{5}");
            assertThat(b.regionCode()).hasSize(13);
            assertThat(b.workerCount()).isNotNegative();
        });
        assertThat(businesses.stream().map(BulkBusiness::nib).distinct().count())
                .isEqualTo(businesses.size());
        assertThat(businesses.stream()
                        .filter(b -> b.scale() == BusinessScale.MIKRO)
                        .count())
                .isGreaterThan(businesses.size() * 85L / 100);
        assertThat(businesses).extracting(BulkBusiness::kbli).contains("01262", "47112", "56102");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aSmallShareAreRegisteredTwiceWithTheSameNameAndBirthDate() {
        Map<String, Integer> byNameAndBirth = new HashMap<>();
        rows.forEach(p ->
                byNameAndBirth.merge(p.fullName().toUpperCase(Locale.ROOT) + "|" + p.birthDate(), 1, Integer::sum));
        long pairs = byNameAndBirth.values().stream()
                .mapToLong(n -> (long) n * (n - 1) / 2)
                .sum();
        // 0.1 % on purpose, plus common names that coincide by chance
        assertThat(pairs).isBetween(ROWS / 2_000L, ROWS / 200L);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void makesAMillionRowsLazilyWithoutRunningOutOfSerials() {
        Iterator<BulkParticipant> million = new DemoRegistryGenerator(kalbar, 7).iterator(1_000_000);
        long count = 0;
        long relatives = 0;
        while (million.hasNext()) {
            relatives += million.next().relatives().size();
            count++;
        }
        assertThat(count).isEqualTo(1_000_000);
        assertThat(relatives).isGreaterThan(500_000);
    }
}
