package id.lindung.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.lindung.enrolment.Programme;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Worked examples of the contribution rules, each naming its source (domain reference §2), computed by the same
 * rules query the billing run uses, on the rule rows the migrations ship.
 */
@SpringBootTest
@ActiveProfiles("test")
class ContributionRulesTest {

    private static final Set<Programme> JKK_JKM = EnumSet.of(Programme.JKK, Programme.JKM);
    private static final Set<Programme> WITH_JHT = EnumSet.of(Programme.JKK, Programme.JKM, Programme.JHT);
    private static final Set<Programme> ALL_FIVE = EnumSet.allOf(Programme.class);

    @Autowired
    Quotes quotes;

    @Autowired
    RateBook rateBook;

    private Quote bpu(long income, Set<Programme> programmes, YearMonth month, Sector sector, boolean government) {
        return quotes.quote(
                new QuoteRequest(Segment.BPU, programmes, month, income, null, sector, government, null, null, false));
    }

    @Test
    void bpuAtOneMillionPays16800_jkk10000PlusJkm6800() {
        // star.grid.id 453654763; jateng.antaranews (KUR debtors); Pergub Kalbar 4/2023 "Rp16.800 per orang"
        Quote q = bpu(1_000_000, JKK_JKM, YearMonth.of(2026, 3), Sector.OTHER, false);
        assertThat(q.lines())
                .extracting(BillLine::programme, BillLine::kind, BillLine::amount)
                .containsExactly(tuple("JKK", "CONTRIBUTION", 10_000L), tuple("JKM", "CONTRIBUTION", 6_800L));
        assertThat(q.total()).isEqualTo(16_800);
        assertThat(q.workerTotal()).isEqualTo(16_800);
        // the JKK line names its rate and the income ceiling, both with their legal basis
        assertThat(q.lines().get(0).rules())
                .extracting(RateRule::legalBasis)
                .hasSize(2)
                .allMatch(basis -> basis.contains("PP 44/2015"));
    }

    @Test
    void bpuAtOneMillionWithJhtPays36800() {
        // 10,000 + 6,800 + 2% x 1,000,000 (star.grid.id 453740395)
        assertThat(bpu(1_000_000, WITH_JHT, YearMonth.of(2026, 3), Sector.OTHER, false)
                        .total())
                .isEqualTo(36_800);
    }

    @Test
    void bpuInADiscountedMonthPays8400_andJhtIsNotDiscounted() {
        // PP 50/2025: other BPU, contribution months April-December 2026 at 50% (CNBC Indonesia 2026-02-04)
        Quote q = bpu(1_000_000, JKK_JKM, YearMonth.of(2026, 5), Sector.OTHER, false);
        assertThat(q.total()).isEqualTo(8_400);
        assertThat(q.lines())
                .extracting(BillLine::programme, BillLine::kind, BillLine::amount)
                .containsExactly(
                        tuple("JKK", "CONTRIBUTION", 10_000L), tuple("JKK", "DISCOUNT", -5_000L),
                        tuple("JKM", "CONTRIBUTION", 6_800L), tuple("JKM", "DISCOUNT", -3_400L));
        assertThat(bpu(1_000_000, WITH_JHT, YearMonth.of(2026, 5), Sector.OTHER, false)
                        .total())
                .isEqualTo(8_400 + 20_000);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        // transport workers: January 2026 - March 2027; other BPU: April - December 2026 (PP 50/2025)
        "TRANSPORT, 2025-12, 16800",
        "TRANSPORT, 2026-01, 8400",
        "TRANSPORT, 2027-03, 8400",
        "TRANSPORT, 2027-04, 16800",
        "OTHER, 2026-03, 16800",
        "OTHER, 2026-04, 8400",
        "OTHER, 2026-12, 8400",
        "OTHER, 2027-01, 16800"
    })
    void theDiscountWindowDependsOnTheSector(Sector sector, String month, long total) {
        assertThat(bpu(1_000_000, JKK_JKM, YearMonth.parse(month), sector, false)
                        .total())
                .isEqualTo(total);
    }

    @Test
    void noDiscountForMembersPaidFromApbnOrApbd() {
        // PP 50/2025 excludes BPU whose JKK/JKM is paid from APBN/APBD
        assertThat(bpu(1_000_000, JKK_JKM, YearMonth.of(2026, 5), Sector.OTHER, true)
                        .total())
                .isEqualTo(16_800);
    }

    @ParameterizedTest(name = "risk class {0}: JKK {1}")
    @CsvSource({"1, 24000", "2, 54000", "3, 89000", "4, 127000", "5, 174000"})
    void puWageOfTenMillionWithEachRiskClass(int riskClass, long jkk) {
        // PP 44/2015 Lampiran I: 0.24 / 0.54 / 0.89 / 1.27 / 1.74 %; JKM 0.30 %; JHT 3.7 % + 2 % (fame.grid.id
        // 464028442: Rp10 jt -> Rp370.000 + Rp200.000); JP 2 % + 1 % under the cap; JKP no extra contribution
        Quote q = quotes.quote(new QuoteRequest(
                Segment.PU, ALL_FIVE, YearMonth.of(2026, 6), 10_000_000L, riskClass, null, false, null, null, false));
        assertThat(q.lines())
                .extracting(BillLine::programme, BillLine::employerAmount, BillLine::workerAmount)
                .containsExactly(
                        tuple("JKK", jkk, 0L),
                        tuple("JKM", 30_000L, 0L),
                        tuple("JHT", 370_000L, 200_000L),
                        tuple("JP", 200_000L, 100_000L),
                        tuple("JKP", 0L, 0L));
        assertThat(q.employerTotal()).isEqualTo(jkk + 30_000 + 370_000 + 200_000);
        assertThat(q.workerTotal()).isEqualTo(300_000);
    }

    @Test
    void puWageAboveTheJpCapPaysJpOnTheCapOnly() {
        // JP wage cap Rp10.042.300 from March 2024 (Suara Indonesia 2024-04-29); PP 45/2015 Pasal 29
        Quote q2024 = quotes.quote(new QuoteRequest(
                Segment.PU, ALL_FIVE, YearMonth.of(2024, 6), 15_000_000L, 3, null, false, null, null, false));
        BillLine jp = q2024.lines().stream()
                .filter(l -> l.programme().equals("JP"))
                .findFirst()
                .orElseThrow();
        assertThat(jp.base()).isEqualTo(10_042_300L);
        assertThat(jp.employerAmount()).isEqualTo(200_846); // 2 % of 10,042,300
        assertThat(jp.workerAmount()).isEqualTo(100_423); // 1 %
        assertThat(jp.rules()).extracting(RateRule::ref).hasSize(2).anyMatch(ref -> ref.startsWith("cap:"));
        // JHT has no cap: 5.7 % of the whole wage
        BillLine jht = q2024.lines().stream()
                .filter(l -> l.programme().equals("JHT"))
                .findFirst()
                .orElseThrow();
        assertThat(jht.amount()).isEqualTo(855_000);
        // from March 2025 the cap is Rp10.547.400, an UNCONFIRMED computed figure, and the line says so
        Quote q2026 = quotes.quote(new QuoteRequest(
                Segment.PU, ALL_FIVE, YearMonth.of(2026, 6), 15_000_000L, 3, null, false, null, null, false));
        BillLine jp2026 = q2026.lines().stream()
                .filter(l -> l.programme().equals("JP"))
                .findFirst()
                .orElseThrow();
        assertThat(jp2026.base()).isEqualTo(10_547_400L);
        assertThat(jp2026.amount()).isEqualTo(210_948 + 105_474);
        assertThat(jp2026.unconfirmed()).isTrue();
    }

    @Test
    void constructionContractSpanningFourTiersIsChargedMarginally() {
        // Permenakertrans 44/2015 (star.grid.id 453670457): JKK 0.21 % to 100 jt, 0.17 % to 500 jt, 0.13 % to 1 M,
        // 0.11 % to 5 M; JKM 0.03 / 0.02 / 0.02 / 0.01 % (star.grid.id 453624938, marginal: UNCONFIRMED)
        Quote q = quotes.quote(new QuoteRequest(
                Segment.JAKON, JKK_JKM, YearMonth.of(2026, 2), 0L, null, null, false, 2_000_000_000L, null, true));
        assertThat(q.lines())
                .extracting(BillLine::programme, BillLine::employerAmount)
                .containsExactly(
                        tuple("JKK", 210_000L + 680_000L + 650_000L + 1_100_000L),
                        tuple("JKM", 30_000L + 80_000L + 100_000L + 100_000L));
        assertThat(q.lines().get(0).rules()).hasSize(4);
        assertThat(q.lines().get(0).unconfirmed()).isFalse();
        assertThat(q.lines().get(1).unconfirmed()).isTrue();
        // a project under the first tier boundary
        Quote small = quotes.quote(new QuoteRequest(
                Segment.JAKON, JKK_JKM, YearMonth.of(2026, 2), 0L, null, null, false, 50_000_000L, null, true));
        assertThat(small.total()).isEqualTo(105_000 + 15_000);
    }

    @Test
    void pmiWithATwentyFourMonthContractPays370000() {
        // Permenaker 4/2023 Pasal 18: Rp37.500 before placement + Rp332.500 for 24 months = Rp370.000
        Quote q = quotes.quote(
                new QuoteRequest(Segment.PMI, JKK_JKM, YearMonth.of(2026, 1), 0L, null, null, false, null, 24, true));
        assertThat(q.lines()).extracting(BillLine::amount).containsExactly(37_500L, 332_500L);
        assertThat(q.total()).isEqualTo(370_000);
        // beyond 24 months: Rp13.500 for each extra month
        Quote longer = quotes.quote(
                new QuoteRequest(Segment.PMI, JKK_JKM, YearMonth.of(2026, 1), 0L, null, null, false, null, 30, true));
        assertThat(longer.total()).isEqualTo(37_500 + 332_500 + 6 * 13_500);
        // after the first month only the chosen JHT amount is billed
        Quote later = quotes.quote(new QuoteRequest(
                Segment.PMI, WITH_JHT, YearMonth.of(2026, 2), 100_000L, null, null, false, null, 24, false));
        assertThat(later.lines())
                .extracting(BillLine::programme, BillLine::amount)
                .containsExactly(tuple("JHT", 100_000L));
    }

    @Test
    void bpuJkkStopsAtTheIncomeCeiling() {
        // JKK BPU at most Rp207.000 a month (radarmukomuko.disway.id 666514) -> income ceiling Rp20.700.000
        Quote q = bpu(30_000_000, JKK_JKM, YearMonth.of(2026, 3), Sector.OTHER, false);
        assertThat(q.lines().get(0).amount()).isEqualTo(207_000);
    }

    @Test
    void everyLineIsRoundedToWholeRupiahHalfUp() {
        // 1 % of 1,234,550 = 12,345.5 -> 12,346; 2 % = 24,691
        Quote q = bpu(1_234_550, WITH_JHT, YearMonth.of(2026, 3), Sector.OTHER, false);
        assertThat(q.lines()).extracting(BillLine::amount).containsExactly(12_346L, 6_800L, 24_691L);
        // discount of an odd amount: 50 % of 12,346 = 6,173; of 6,800 = 3,400
        Quote d = bpu(1_234_550, JKK_JKM, YearMonth.of(2026, 6), Sector.OTHER, false);
        assertThat(d.total()).isEqualTo(12_346 - 6_173 + 6_800 - 3_400);
    }

    /**
     * Issue 18, point 6: every rule cites a regulation as its legal basis and its source; a news or other secondary
     * source stays only beside an unconfirmed figure, as "belum dikonfirmasi, lihat ..."; notes read in Indonesian,
     * and in English on an English page (confirmed rows, which no correction changes).
     */
    @Test
    void theRulesCiteTheRegulationAndReadInTheReadersLanguage() {
        Pattern regulation = Pattern.compile("^(PP|Permenaker|Permenakertrans) \\d+/\\d{4}.*");
        try {
            LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
            for (RateRule r : rateBook.all()) {
                assertThat(r.legalBasis()).as(r.ref()).matches(regulation).doesNotContain("as amended");
                if (r.source().startsWith("belum dikonfirmasi, lihat ")) {
                    assertThat(r.unconfirmed()).as(r.ref()).isTrue();
                } else {
                    assertThat(r.source()).as(r.ref()).matches(regulation);
                }
            }
            assertThat(rateBook.byRef().get("rate:1").note()).startsWith("PP 49/2023 mencatat 0,14%");
            assertThat(rateBook.byRef().get("fine:1").note()).startsWith("Per bulan keterlambatan");

            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(rateBook.byRef().get("rate:1").note()).startsWith("PP 49/2023 re-labels 0.14%");
            assertThat(rateBook.byRef().get("discount:1").note()).contains("JHT not discounted");
            assertThat(rateBook.byRef().get("tier:7").source()).isEqualTo("unconfirmed, see star.grid.id 453624938");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
