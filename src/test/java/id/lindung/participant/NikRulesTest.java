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
        assertThat(codes(check("610401170590007", LocalDate.of(1990, 5, 17), Sex.L)))
                .containsExactly("nik.format");
        assertThat(check("61040117059000A7", LocalDate.of(1990, 5, 17), Sex.L))
                .singleElement()
                .satisfies(i -> assertThat(i.code()).isEqualTo("nik.not-digit"))
                .satisfies(i -> assertThat(i.args()).containsExactly(15));
        assertThat(codes(check("610401-170590007", LocalDate.of(1990, 5, 17), Sex.L)))
                .containsExactly("nik.not-digit");
        // Arabic-Indic and full-width digits are digits to Java, not to a NIK
        assertThat(codes(check("610401170590000\u0667", LocalDate.of(1990, 5, 17), Sex.L)))
                .containsExactly("nik.not-digit");
        assertThat(codes(check("610401170590000\uFF17", LocalDate.of(1990, 5, 17), Sex.L)))
                .containsExactly("nik.not-digit");
        assertThat(codes(NikRules.check("nik", " ", null, null, KNOWN::contains, TODAY)))
                .containsExactly("nik.required");
        assertThat(codes(NikRules.check("nik", "\u00A0\t", null, null, KNOWN::contains, TODAY)))
                .containsExactly("nik.required");
    }

    @Test
    void canonicalFormDropsAnyWhiteSpaceAroundTheNik_andKeepsWhatIsInside() {
        String nik = "6104011705900007";
        for (String around : List.of(
                " ",
                "  ",
                "\t",
                "\n",
                "\r\n",
                "\u00A0",
                "\u2007",
                "\u202F",
                "\u3000",
                "\u2003",
                "\u0085",
                "\u200B",
                "\uFEFF",
                " \u00A0\t ")) {
            assertThat(NikRules.canonical(around + nik))
                    .as("before: %s", around.codePoints().boxed().toList())
                    .isEqualTo(nik);
            assertThat(NikRules.canonical(nik + around)).isEqualTo(nik);
            assertThat(NikRules.canonical(around + nik + around)).isEqualTo(nik);
            assertThat(check(NikRules.canonical(around + nik + around), LocalDate.of(1990, 5, 17), Sex.L))
                    .isEmpty();
        }
        assertThat(NikRules.canonical(nik)).isSameAs(nik);
        assertThat(NikRules.canonical(null)).isNull();
        assertThat(NikRules.canonical(" 6104 011705900007\t")).isEqualTo("6104 011705900007");
    }

    @Test
    void refusesWhiteSpaceInsideTheNik_andAroundItWhenNotCanonicalised() {
        LocalDate birth = LocalDate.of(1990, 5, 17);
        assertThat(check("6104 011705900007", birth, Sex.L))
                .singleElement()
                .satisfies(i -> assertThat(i.code()).isEqualTo("nik.space"))
                .satisfies(i -> assertThat(i.args()).containsExactly(5));
        assertThat(codes(check("610401\t1705900007", birth, Sex.L))).containsExactly("nik.space");
        assertThat(codes(check("61040117059\u00A000007", birth, Sex.L))).containsExactly("nik.space");
        // a caller that forgot NikRules.canonical is refused, never silently stores a NIK with spaces
        assertThat(codes(check(" 6104011705900007", birth, Sex.L))).containsExactly("nik.space");
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
