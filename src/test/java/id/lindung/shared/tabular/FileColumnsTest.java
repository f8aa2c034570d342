package id.lindung.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.shared.FieldIssue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileColumnsTest {

    @Test
    void aRowsRefusalNamesTheColumnAsTheHeaderDoes() {
        FileColumns columns = new FileColumns(Map.of("fullName", "name", "birthDate", "birth_date"));

        FieldIssue named = columns.atLine(3, FieldIssue.error("fullName", "participant.name.required"));
        FieldIssue kept = columns.atLine(4, FieldIssue.warning("phone", "participant.phone.format", "08x"));

        assertThat(named.field()).isEqualTo("rows[3].name");
        assertThat(named.code()).isEqualTo("participant.name.required");
        assertThat(kept.field()).isEqualTo("rows[4].phone");
        assertThat(kept.isError()).isFalse();
        assertThat(kept.args()).containsExactly("08x");
    }
}
