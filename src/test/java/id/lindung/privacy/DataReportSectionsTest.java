package id.lindung.privacy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report refuses to start when its sections and the modules writing them do not match. */
class DataReportSectionsTest {

    private static PersonalDataHolder writing(String... codes) {
        return new PersonalDataHolder() {
            @Override
            public List<String> sections() {
                return List.of(codes);
            }

            @Override
            public void contribute(DataReportDraft report) {}
        };
    }

    private static List<PersonalDataHolder> everySection() {
        List<PersonalDataHolder> holders = new ArrayList<>();
        DataReports.SECTIONS.forEach(code -> holders.add(writing(code)));
        return holders;
    }

    private static DataReports reports(List<PersonalDataHolder> holders) {
        return new DataReports((id, by) -> null, holders, null, null, null, null, null);
    }

    @Test
    void aSectionNobodyWritesAWrittenTwiceOrAnUnknownOneStopsTheStart() {
        reports(everySection()); // the complete set starts

        List<PersonalDataHolder> missing = everySection();
        missing.removeIf(h -> h.sections().contains("kur"));
        assertThatThrownBy(() -> reports(missing)).hasMessageContaining("kur: no module writes it");

        List<PersonalDataHolder> twice = everySection();
        twice.add(writing("claims"));
        assertThatThrownBy(() -> reports(twice)).hasMessageContaining("claims: written by");

        List<PersonalDataHolder> unknown = everySection();
        unknown.add(writing("pets"));
        assertThatThrownBy(() -> reports(unknown))
                .hasMessageContaining("pets: written by")
                .hasMessageContaining("not a section of the report");

        List<PersonalDataHolder> none = everySection();
        none.add(writing());
        assertThatThrownBy(() -> reports(none)).hasMessageContaining("declares no section");
    }
}
