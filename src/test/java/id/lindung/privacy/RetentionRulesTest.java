package id.lindung.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The retention rules file as operators edit it (often in Excel, which quotes fields). Plain JUnit, no Spring. */
class RetentionRulesTest {

    private static RetentionRules read(String body) {
        return RetentionRules.fromCsv(new StringReader(RetentionRules.HEADER + "\r\n" + body));
    }

    @Test
    void aQuotedFieldWithACommaAsExcelSavesIt_isReadWithoutItsQuotes() {
        RetentionRules rules = read("claims;2024-10-17;P10Y;DELETE;\"UU 27/2022 Pasal 16, ayat (2)\";true;"
                + "\"Kept; then \"\"deleted\"\"\"\r\n");
        RetentionRule rule = rules.valid("claims", LocalDate.of(2026, 1, 1)).orElseThrow();
        assertThat(rule.legalBasis()).isEqualTo("UU 27/2022 Pasal 16, ayat (2)");
        assertThat(rule.note()).isEqualTo("Kept; then \"deleted\"");
        assertThat(rule.period()).isEqualTo(Period.ofYears(10));
        assertThat(rule.action()).isEqualTo(RetentionRule.Action.DELETE);
    }

    @Test
    void anUnquotedSemicolonInTheNoteStaysPartOfIt() {
        RetentionRule rule = read("login-throttle;2024-10-17;P1D;delete;Lindung design;false;a; b ;c\n\n")
                .valid("login-throttle", LocalDate.of(2026, 1, 1))
                .orElseThrow();
        assertThat(rule.note()).isEqualTo("a; b ;c");
        assertThat(rule.unconfirmed()).isFalse();
    }

    @Test
    void theShippedFileReads() {
        RetentionRules shipped = RetentionRules.fromCsv(new InputStreamReader(
                RetentionRulesTest.class.getResourceAsStream("/privacy/retention-rules.csv"), StandardCharsets.UTF_8));
        assertThat(shipped.categories()).containsAll(RetentionRules.ORDER);
        assertThat(shipped.valid("registry", LocalDate.of(2026, 1, 1))
                        .orElseThrow()
                        .note())
                .contains("; 10 tahun setelah data berakhir");
    }

    @Test
    void aBadRowOrAQuoteNeverClosedIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> read("claims;2024-10-17;P10Y;DELETE;basis\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> read(
                        "claims;2024-10-17;P10Y;DELETE;basis;true;note\n" + "claims;2025-13-01;P1Y;DELETE;b;true;n\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> read("claims;2024-10-17;P10Y;DELETE;\"basis;true;note\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> RetentionRules.fromCsv(new StringReader("category,valid_from\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header");
    }
}
