package id.lindung.claim.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The claim bundles: Bahasa Indonesia and English have the same keys, and every key the engine uses is there. */
class ClaimMessagesTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (var in =
                new InputStreamReader(ClaimMessagesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void indonesianAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> id = new TreeSet<>(load("/i18n/claim.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("/i18n/claim_en.properties").stringPropertyNames());
        assertThat(id).isNotEmpty();
        assertThat(en).containsExactlyInAnyOrderElementsOf(id);
    }

    @Test
    void everyMessageIsAValidMessageFormat() throws IOException {
        for (String bundle : new String[] {"/i18n/claim.properties", "/i18n/claim_en.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                assertThat(text).as(key).isNotBlank().doesNotContain("'");
                new MessageFormat(text, Locale.ROOT).format(new Object[] {"a", "b", "c", "d"});
            }
        }
    }

    @Test
    void everyKeyTheEngineUsesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        for (ClaimKind k : ClaimKind.values()) {
            used.add(k.messageKey());
        }
        for (RuleKey k : RuleKey.values()) {
            used.add(k.messageKey());
        }
        for (RefusalCode c : RefusalCode.values()) {
            used.add(c.messageKey());
        }
        for (EventCause c : EventCause.values()) {
            used.add("claim.cause." + c.name());
        }
        for (TransportMode m : TransportMode.values()) {
            used.add(m.messageKey());
            used.add("claim.line.JKK_TRANSPORT_" + m.name());
        }
        for (EducationLevel l : EducationLevel.values()) {
            used.add(l.messageKey());
        }
        // literal keys and line codes in the engine's source
        Pattern literal = Pattern.compile("\"(claim\\.[a-z]+\\.[A-Za-z_]+)\"");
        Pattern lineCode = Pattern.compile("Line\\.of\\(\"([A-Z_]+)\"\\s*[,)]");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/id/lindung/claim/benefit"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                Matcher m = literal.matcher(text);
                while (m.find()) {
                    used.add(m.group(1));
                }
                Matcher l = lineCode.matcher(text);
                while (l.find()) {
                    used.add("claim.line." + l.group(1));
                }
            }
        }
        assertThat(used)
                .contains(
                        "claim.input.wageRequired",
                        "claim.line.JKK_DEATH_LUMP_SUM",
                        "claim.line.SCHOLARSHIP",
                        "claim.line.JKK_LATE_PAYMENT");
        Set<String> id = load("/i18n/claim.properties").stringPropertyNames();
        assertThat(id).containsAll(used);
    }
}
