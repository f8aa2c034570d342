package id.lindung.participant;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.shared.FieldIssue;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The NIK rules of domain reference §8, one message per broken rule. */
class NikRulesTest {

    private static final Set<String> KNOWN = Set.of("61", "61.04", "61.04.01", "61.71", "61.71.01");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static List<FieldIssue> check(String nik, LocalDate birth, Sex sex) {
        return NikRules.check("nik", nik, birth, sex, KNOWN::contains, TODAY);
    }

    private static List<String> codes(List<FieldIssue> issues) {
        return issues.stream().map(FieldIssue::code).toList();
    }

    @Test
    void acceptsAManBornOnTheEncodedDate() {
        assertThat(check("6104011705900007", LocalDate.of(1990, 5, 17), Sex.L)).isEmpty();
    }

    @Test
    void acceptsAWomanWhoseDayHasFortyAdded() {
        assertThat(check("6104015705900007", LocalDate.of(1990, 5, 17), Sex.P)).isEmpty();
    }

    @Test
    void placesTwoDigitYearsInTheCenturyOfTheDeclaredBirthDate() {
        assertThat(check("6104010101050001", LocalDate.of(2005, 1, 1), Sex.L)).isEmpty();
        assertThat(check("6104010101050001", LocalDate.of(1905, 1, 1), Sex.L)).isEmpty();
    }

    @Test
    void rejectsAnythingButSixteenDigits() {
        assertThat(codes(check("610401170590007", LocalDate.of(1990, 5, 17), Sex.L))).containsExactly("nik.format");
        assertThat(codes(check("61040117059000A7", LocalDate.of(1990, 5, 17), Sex.L))).containsExactly("nik.format");
        assertThat(codes(NikRules.check("nik", " ", null, null, KNOWN::contains, TODAY)))
                .containsExactly("nik.required");
    }

    @Test
    void rejectsAnUnknownProvince() {
        assertThat(codes(check("9904011705900007", LocalDate.of(1990, 5, 17), Sex.L)))
                .containsExactly("nik.province.unknown");
    }

    @Test
    void rejectsAnUnknownKabKota() {
        assertThat(codes(check("6199011705900007", LocalDate.of(1990, 5, 17), Sex.L)))
                .containsExactly("nik.kabkota.unknown");
    }

    @Test
    void onlyWarnsAboutAnUnknownKecamatan() {
        List<FieldIssue> issues = check("6104991705900007", LocalDate.of(1990, 5, 17), Sex.L);
        assertThat(codes(issues)).containsExactly("nik.kecamatan.unknown");
        assertThat(issues.get(0).isError()).isFalse();
    }

    @Test
    void rejectsDigitsThatAreNoDate() {
        assertThat(codes(check("6104013202900007", LocalDate.of(1990, 2, 1), Sex.L)))
                .containsExactly("nik.birthdate.invalid");
        assertThat(codes(check("6104017213900007", LocalDate.of(1990, 2, 1), Sex.P)))
                .containsExactly("nik.birthdate.invalid");
        assertThat(codes(check("6104010000900007", LocalDate.of(1990, 2, 1), Sex.L)))
                .containsExactly("nik.birthdate.invalid");
    }

    @Test
    void rejectsABirthDateThatDiffersFromTheDeclaredOne() {
        assertThat(codes(check("6104011705900007", LocalDate.of(1990, 5, 18), Sex.L)))
                .containsExactly("nik.birthdate.mismatch");
    }

    @Test
    void rejectsASexThatDiffersFromTheDeclaredOne() {
        assertThat(codes(check("6104011705900007", LocalDate.of(1990, 5, 17), Sex.P)))
                .containsExactly("nik.sex.mismatch.female");
        assertThat(codes(check("6104015705900007", LocalDate.of(1990, 5, 17), Sex.L)))
                .containsExactly("nik.sex.mismatch.male");
    }

    @Test
    void rejectsSerialZero() {
        assertThat(codes(check("6104011705900000", LocalDate.of(1990, 5, 17), Sex.L)))
                .containsExactly("nik.serial.zero");
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        assertThat(codes(check("6104015705900000", LocalDate.of(1991, 5, 17), Sex.L)))
                .containsExactlyInAnyOrder("nik.birthdate.mismatch", "nik.sex.mismatch.male", "nik.serial.zero");
    }

    @Test
    void readsTheSexFromTheDayDigits() {
        assertThat(NikRules.sexOf("6104015705900007")).contains(Sex.P);
        assertThat(NikRules.sexOf("6104011705900007")).contains(Sex.L);
        assertThat(NikRules.sexOf("61040117")).isEmpty();
    }
}
