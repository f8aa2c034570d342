package id.lindung.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.participant.NikRules;
import id.lindung.participant.Sex;
import id.lindung.shared.FieldIssue;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.time.api.constraints.DateRange;

/** The tests' NIK generator: every NIK it gives is valid and new, and when it runs out it says so. */
class NiksTest {

    private static final Set<String> REGIONS = Set.of("61", "61.04", "61.04.01", "61.71", "61.71.01");
    private static final LocalDate TODAY = TestClock.DATE;
    private static final Set<String> GIVEN = new HashSet<>();

    @Property(tries = 2_000)
    void everyNikIsSixteenDigits_valid_andNew(
            @ForAll("kecamatan") String kecamatan,
            @ForAll @DateRange(min = "1940-01-01", max = "2010-12-31") LocalDate birth,
            @ForAll boolean female) {
        String nik = Niks.nik(kecamatan, birth, female);
        assertThat(nik).matches("\\d{16}").startsWith(kecamatan);
        assertThat(NikRules.check("nik", nik, birth, female ? Sex.P : Sex.L, REGIONS::contains, TODAY))
                .noneMatch(FieldIssue::isError);
        assertThat(GIVEN.add(nik)).as("%s given twice", nik).isTrue();
    }

    @Provide
    Arbitrary<String> kecamatan() {
        return Arbitraries.of("610401", "617101");
    }

    @Example
    void aKecamatanBirthDateAndSexRunOutLoudly_neverWithASeventeenDigitNik() {
        LocalDate birth = LocalDate.of(1931, 1, 1); // no other test is born on that day
        Set<String> niks = new HashSet<>();
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String nik = Niks.nik("610401", birth, true);
                        assertThat(nik).hasSize(16);
                        niks.add(nik);
                    }
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no fresh NIK serial left");
        assertThat(niks).hasSize(Niks.LAST - Niks.FIRST_FRESH + 1);
    }

    @Property(tries = 200)
    void aSerialOutsideFourDigitsIsRefused(@ForAll @IntRange(min = -100_000, max = 100_000) int serial) {
        LocalDate birth = LocalDate.of(1990, 5, 17);
        if (serial >= 1 && serial <= 9_999) {
            assertThat(Niks.of("610401", birth, false, serial))
                    .hasSize(16)
                    .endsWith(String.format(java.util.Locale.ROOT, "%04d", serial));
        } else {
            assertThatThrownBy(() -> Niks.of("610401", birth, false, serial))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 200)
    void aKecamatanOfOtherThanSixDigitsIsRefused(@ForAll @NumericChars @StringLength(max = 12) String digits) {
        if (digits.length() == 6) {
            assertThat(Niks.of(digits, LocalDate.of(1990, 5, 17), false, 1)).hasSize(16);
        } else {
            assertThatThrownBy(() -> Niks.of(digits, LocalDate.of(1990, 5, 17), false, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
