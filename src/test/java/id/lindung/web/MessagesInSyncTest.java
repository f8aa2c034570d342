package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text shown in Bahasa Indonesia has its English twin and vice versa. */
class MessagesInSyncTest {

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (var in =
                new InputStreamReader(MessagesInSyncTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "messages",
                "contribution",
                "contribution-history",
                "claim",
                "kur",
                "coverage",
                "coverage-report",
                "sponsorship",
                "paritrana",
                "privacy",
                "policy"
            })
    void indonesianAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Set<String> indonesian = keys("/i18n/" + bundle + ".properties");
        Set<String> english = keys("/i18n/" + bundle + "_en.properties");
        assertThat(indonesian).isNotEmpty();
        assertThat(english).containsExactlyInAnyOrderElementsOf(indonesian);
    }
}
