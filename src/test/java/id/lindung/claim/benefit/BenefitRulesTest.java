package id.lindung.claim.benefit;

import static id.lindung.claim.benefit.Benefits.RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped rule rows: complete, dated, equal to the domain reference §3, and the CSV format is checked. */
class BenefitRulesTest {

    private static final LocalDate PP_82_2019 = LocalDate.of(2019, 12, 2);
    private static final LocalDate PERMENAKER_5_2021 = LocalDate.of(2021, 4, 1);
    private static final LocalDate EVENT_2025 = LocalDate.of(2025, 1, 1);

    @Test
    void everyRuleKeyHasARowValidUnderPermenaker5Of2021() {
        for (RuleKey key : RuleKey.values()) {
            assertThat(RULES.find(key, PERMENAKER_5_2021)).as(key.name()).isPresent();
        }
    }

    @ParameterizedTest(name = "{0} = {1} ({2})")
    @DisplayName("Figures equal the domain reference §3")
    @CsvSource(delimiter = '|', textBlock = """
            JKK_HOME_CARE_MAX                       | 20000000 | PP 82/2019 Lampiran III: home care max Rp20,000,000
            JKK_HOME_CARE_MAX_MONTHS                | 12       | PP 82/2019 Lampiran III: home care max 1 year
            JKK_TRANSPORT_LAND_MAX                  | 5000000  | PP 82/2019 Lampiran III; star.grid.id 453594342
            JKK_TRANSPORT_SEA_MAX                   | 2000000  | PP 82/2019 Lampiran III; star.grid.id 453594342
            JKK_TRANSPORT_AIR_MAX                   | 10000000 | PP 82/2019 Lampiran III; star.grid.id 453594342
            JKK_STMB_TIER1_MONTHS                   | 6        | star.grid.id 453594342: months 1-6
            JKK_STMB_TIER1_PCT                      | 100      | star.grid.id 453594342: 100%
            JKK_STMB_TIER2_MONTHS                   | 6        | star.grid.id 453594342: months 7-12
            JKK_STMB_TIER2_PCT                      | 100      | star.grid.id 453594342: 100%
            JKK_STMB_AFTER_PCT                      | 50       | star.grid.id 453594342: month 13 on 50%
            JKK_WAGE_MULTIPLIER                     | 80       | radarmukomuko 676298: % x 80 x wage
            JKK_DISABILITY_TOTAL_PCT                | 70       | radarmukomuko 676298: 70% x 80 = 56 x wage
            JKK_DEATH_PCT                           | 60       | ceklissatu.com: 60% x 80 = 48 x wage
            JKK_PERIODIC_BENEFIT                    | 12000000 | star.gridtechno.com: 24 x Rp500,000
            JKK_FUNERAL                             | 10000000 | star.gridtechno.com; radarmukomuko
            JKM_LUMP_SUM                            | 20000000 | bpjsketenagakerjaan.go.id/artikel/18126
            JKM_PERIODIC_BENEFIT                    | 12000000 | bpjsketenagakerjaan.go.id/artikel/18126
            JKM_FUNERAL                             | 10000000 | bpjsketenagakerjaan.go.id/artikel/18126
            SCHOLARSHIP_TK_YEARLY                   | 1500000  | Permenaker 5/2021; cinews.id 2024-03-29
            SCHOLARSHIP_TK_MAX_YEARS                | 2        | Permenaker 5/2021; cinews.id 2024-03-29
            SCHOLARSHIP_SD_YEARLY                   | 1500000  | Permenaker 5/2021; cinews.id 2024-03-29
            SCHOLARSHIP_SD_MAX_YEARS                | 6        | Permenaker 5/2021; cinews.id 2024-03-29
            SCHOLARSHIP_SMP_YEARLY                  | 2000000  | Permenaker 5/2021; cinews.id 2024-03-29
            SCHOLARSHIP_SMP_MAX_YEARS               | 3        | Permenaker 5/2021; cinews.id 2024-03-29
            SCHOLARSHIP_SMA_YEARLY                  | 3000000  | Permenaker 5/2021; cinews.id 2024-03-29
            SCHOLARSHIP_SMA_MAX_YEARS               | 3        | Permenaker 5/2021; cinews.id 2024-03-29
            SCHOLARSHIP_PT_YEARLY                   | 12000000 | Permenaker 5/2021; cinews.id 2024-03-29
            SCHOLARSHIP_PT_MAX_YEARS                | 5        | Permenaker 5/2021; cinews.id 2024-03-29
            SCHOLARSHIP_MAX_PER_CHILD               | 87000000 | Permenaker 5/2021; arithmetic check
            SCHOLARSHIP_MAX_CHILDREN                | 2        | bpjsketenagakerjaan.go.id/artikel/18126
            SCHOLARSHIP_AGE_LIMIT                   | 23       | cinews.id; sabumiku.com
            SCHOLARSHIP_JKM_MIN_CONTRIBUTION_MONTHS | 36       | fame.grid.id 463504420: masa iur 3 tahun
            JKK_PAYMENT_DUE_WORKING_DAYS            | 7        | PP 44/2015 Pasal 37(2)
            JKK_LATE_PAYMENT_PCT_PER_DAY            | 1        | PP 44/2015 Pasal 37(3)
            """)
    void figuresOfTheDomainReference(RuleKey key, BigDecimal value, String source) {
        BenefitRule rule = RULES.rule(key, EVENT_2025);
        assertThat(rule.value()).isEqualByComparingTo(value);
        assertThat(rule.unconfirmed()).as("figure is in the domain reference").isFalse();
        assertThat(rule.legalBasis()).isNotBlank();
        assertThat(rule.source()).isNotBlank();
    }

    @Test
    void theLevelsAddUpToTheCapPerChild() {
        // Permenaker 5/2021 table (domain reference §3c): 3 + 9 + 6 + 9 + 60 = 87 million per child
        long sum = 0;
        for (EducationLevel level : EducationLevel.values()) {
            sum += RULES.rule(level.yearly(), EVENT_2025).longValue()
                    * RULES.rule(level.maxYears(), EVENT_2025).longValue();
        }
        assertThat(sum)
                .isEqualTo(87_000_000)
                .isEqualTo(RULES.rule(RuleKey.SCHOLARSHIP_MAX_PER_CHILD, EVENT_2025)
                        .longValue());
    }

    @Test
    @DisplayName("The row valid at the event date applies: STMB tier 2 is 75% before PP 82/2019 (kompasiana 2019), "
            + "100% from 2019-12-02")
    void theLatestRowOnOrBeforeTheDateApplies() {
        assertThat(RULES.rule(RuleKey.JKK_STMB_TIER2_PCT, LocalDate.of(2015, 7, 1))
                        .value())
                .isEqualByComparingTo("75");
        assertThat(RULES.rule(RuleKey.JKK_STMB_TIER2_PCT, PP_82_2019.minusDays(1))
                        .value())
                .isEqualByComparingTo("75");
        assertThat(RULES.rule(RuleKey.JKK_STMB_TIER2_PCT, PP_82_2019).value()).isEqualByComparingTo("100");
        assertThat(RULES.rule(RuleKey.JKK_STMB_TIER2_PCT, LocalDate.of(2030, 1, 1))
                        .value())
                .isEqualByComparingTo("100");
    }

    @Test
    void aDateBeforeEveryRowNamesTheMissingRule() {
        assertThatThrownBy(() -> RULES.rule(RuleKey.JKK_FUNERAL, PP_82_2019.minusDays(1)))
                .isInstanceOf(MissingRuleException.class)
                .hasMessageContaining("JKK_FUNERAL")
                .satisfies(e -> assertThat(((MissingRuleException) e).ruleKey()).isEqualTo("JKK_FUNERAL"));
        assertThatThrownBy(() -> RULES.rule(RuleKey.SCHOLARSHIP_SD_YEARLY, PERMENAKER_5_2021.minusDays(1)))
                .isInstanceOf(MissingRuleException.class)
                .hasMessageContaining("SCHOLARSHIP_SD_YEARLY");
        assertThatThrownBy(() -> RULES.disability("EYE_ONE", PP_82_2019.minusDays(1)))
                .isInstanceOf(MissingRuleException.class)
                .hasMessageContaining("disability:EYE_ONE");
    }

    @Test
    @DisplayName("Disability table: the four percentages of the domain reference (seputarpabrik.com) are confirmed, "
            + "every other row is unconfirmed")
    void onlyTheDomainReferencePercentagesAreConfirmed() {
        assertThat(RULES.disability("EYES_BOTH", EVENT_2025).percent()).isEqualByComparingTo("70");
        assertThat(RULES.disability("EYE_ONE", EVENT_2025).percent()).isEqualByComparingTo("35");
        assertThat(RULES.disability("ARM_R_SHOULDER", EVENT_2025).percent()).isEqualByComparingTo("40");
        assertThat(RULES.disability("ARM_L_SHOULDER", EVENT_2025).percent()).isEqualByComparingTo("35");
        Set<String> confirmed = RULES.disabilityTable().stream()
                .filter(d -> !d.unconfirmed())
                .map(DisabilityRow::code)
                .collect(Collectors.toSet());
        assertThat(confirmed).containsExactlyInAnyOrder("EYES_BOTH", "EYE_ONE", "ARM_R_SHOULDER", "ARM_L_SHOULDER");
        assertThat(RULES.disabilityTable()).hasSizeGreaterThan(20);
        assertThat(RULES.disabilityTable(EVENT_2025))
                .hasSize(RULES.disabilityTable().size());
    }

    @Test
    void theOnlyUnconfirmedRulesAreThePartialDisabilityCapAndTheEmployerArrearsLiability() {
        assertThat(RULES.rules().stream().filter(BenefitRule::unconfirmed).map(BenefitRule::key))
                .containsExactlyInAnyOrder(RuleKey.JKK_DISABILITY_PARTIAL_MAX_PCT, RuleKey.EMPLOYER_LIABLE_ARREARS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/claim/benefit-rules.csv", "/claim/disability-table.csv"})
    void theFilesAreSimpleEnoughForCopy(String resource) throws IOException {
        try (InputStream in = BenefitRulesTest.class.getResourceAsStream(resource)) {
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(bytes[0]).as("no byte-order mark").isNotEqualTo((byte) 0xEF);
            assertThat(text).doesNotContain("\"").doesNotContain("\r").doesNotContain("\t");
            String[] lines = text.split("\n");
            int columns = lines[0].split(";", -1).length;
            for (String line : lines) {
                assertThat(line.split(";", -1)).as(line).hasSize(columns);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- bad files

    private static final String DISABILITY_OK = BenefitRules.DISABILITY_HEADER + "\n";

    private static BenefitRules rules(String body) {
        return BenefitRules.fromCsv(
                new StringReader(BenefitRules.RULES_HEADER + "\n" + body), new StringReader(DISABILITY_OK));
    }

    @Test
    void aGoodRowIsRead() {
        BenefitRules r = rules("JKK_FUNERAL;2030-01-01;15000000;RUPIAH;PP 1/2030;example;true;\n");
        BenefitRule row = r.rule(RuleKey.JKK_FUNERAL, LocalDate.of(2031, 1, 1));
        assertThat(row.longValue()).isEqualTo(15_000_000);
        assertThat(row.unconfirmed()).isTrue();
        assertThat(row.note()).isNull();
        assertThat(row.ref()).isEqualTo("JKK_FUNERAL@2030-01-01");
    }

    @Test
    void aQuotedFieldWithACommaAsExcelSavesIt_isReadWithoutItsQuotes() {
        BenefitRules r = rules("JKK_FUNERAL;2030-01-01;15000000;RUPIAH;\"PP 1/2030, Pasal 5\";\"example; page 2\";"
                + "true;\"a \"\"quoted\"\" note\"\r\n");
        BenefitRule row = r.rule(RuleKey.JKK_FUNERAL, LocalDate.of(2031, 1, 1));
        assertThat(row.legalBasis()).isEqualTo("PP 1/2030, Pasal 5");
        assertThat(row.source()).isEqualTo("example; page 2");
        assertThat(row.note()).isEqualTo("a \"quoted\" note");
    }

    @Test
    void aQuoteNeverClosedIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> rules("JKK_FUNERAL;2030-01-01;15000000;RUPIAH;\"PP 1/2030;example;true;\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("never closed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            JKK_FUNERAL;2030-01-01;15000000;PERCENT;PP 1/2030;example;false;   | unit of JKK_FUNERAL is RUPIAH
            JKK_FUNERAL;2030-01-01;15000000;RUPIAH;PP 1/2030;example;false     | 7 fields, expected 8
            JKK_FUNERAL;2030-01-01;15000000;RUPIAH;PP 1/2030;example;yes;      | true or false
            JKK_FUNERAL;2030-01-01;-1;RUPIAH;PP 1/2030;example;false;          | negative
            JKK_FUNERAL;2030-01-01;1.5;RUPIAH;PP 1/2030;example;false;         | must be whole
            JKK_FUNERAL;2030-01-01;15000000;RUPIAH;;example;false;             | legal_basis is empty
            JKK_FUNERAL;2030-02-30;15000000;RUPIAH;PP 1/2030;example;false;    | 2030-02-30
            NO_SUCH_KEY;2030-01-01;15000000;RUPIAH;PP 1/2030;example;false;    | NO_SUCH_KEY
            """)
    void aBadRowIsRefusedNamingItsLine(String row, String message) {
        assertThatThrownBy(() -> rules("JKK_FUNERAL;2019-12-02;10000000;RUPIAH;PP 82/2019;x;false;\n" + row + "\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining(message);
    }

    @Test
    void twoRowsOfOneKeyAndDateAreRefused() {
        assertThatThrownBy(() -> rules("JKK_FUNERAL;2019-12-02;10000000;RUPIAH;PP 82/2019;x;false;\n"
                        + "JKK_FUNERAL;2019-12-02;11000000;RUPIAH;PP 82/2019;x;false;\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two rows of JKK_FUNERAL");
    }

    @Test
    void aWrongHeaderIsRefused() {
        assertThatThrownBy(() ->
                        BenefitRules.fromCsv(new StringReader("key,valid_from\n"), new StringReader(DISABILITY_OK)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void aDisabilityPercentAbove100IsRefused() {
        assertThatThrownBy(() -> BenefitRules.fromCsv(
                        new StringReader(BenefitRules.RULES_HEADER + "\n"),
                        new StringReader(DISABILITY_OK + "X;x;x;101;2019-12-02;PP;src;true\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }
}
