package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration has one description: the {@code lindung.*} keys the {@code @ConfigurationProperties} records
 * declare (META-INF/spring-configuration-metadata.json, written by the configuration processor at compile time).
 * The README's configuration table documents exactly those keys with their defaults, and each key has its default in
 * one place: its record, or application.properties (keys an environment variable sets or a placeholder reads).
 * docs/decisions.md, "Typed configuration".
 */
class ConfigurationReadmeTest {

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** A key named in prose: not preceded by a letter or dot (so not {@code id.lindung.shared}). */
    private static final Pattern KEY_IN_TEXT = Pattern.compile("(?<![\\w.])lindung\\.[a-z][a-z0-9.-]*[a-z0-9*]");

    private final Map<String, String> declared = declaredKeys();
    private final Map<String, String> applicationProperties = properties("application.properties");

    @Test
    void theReadmeTableDocumentsEveryDeclaredKeyAndNothingElse() throws IOException {
        Set<String> documented = new TreeSet<>();
        readmeRows().forEach(row -> documented.addAll(row.keys()));
        assertThat(declared).as("keys declared by the records").hasSizeGreaterThan(50);
        assertThat(new TreeSet<>(declared.keySet()))
                .as("declared keys missing from the README's configuration table")
                .isSubsetOf(documented);
        assertThat(documented)
                .as("keys in the README's configuration table that no record declares")
                .isSubsetOf(declared.keySet());
    }

    @Test
    void theReadmeTableShowsEachKeysOneDefault() throws IOException {
        int compared = 0;
        for (Row row : readmeRows()) {
            List<String> keys = new ArrayList<>(row.keys());
            if (row.defaults().equals("empty")) {
                for (String key : keys) {
                    assertThat(defaultOf(key))
                            .as("README says %s is empty by default", key)
                            .isIn(null, "");
                    compared++;
                }
                continue;
            }
            List<String> shown = ticked(row.defaults());
            if (keys.isEmpty() || shown.size() < keys.size()) {
                continue; // prose ("any free port", "as LINDUNG_DEMO"): read by people
            }
            for (int i = 0; i < keys.size(); i++) {
                String expected = defaultOf(keys.get(i));
                if (expected != null && expected.contains("${")) {
                    continue; // follows another key
                }
                assertThat(shown.get(i)).as("README default of %s", keys.get(i)).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).as("defaults compared").isGreaterThan(50);
    }

    @Test
    void eachKeyHasItsDefaultInOnePlaceOnly() {
        for (String key : declared.keySet()) {
            boolean inRecord = declared.get(key) != null;
            boolean inProperties = applicationProperties.containsKey(key);
            assertThat(inRecord && inProperties)
                    .as(
                            "%s has a default in its record and in application.properties" + " (%s, %s)",
                            key, declared.get(key), applicationProperties.get(key))
                    .isFalse();
        }
    }

    @Test
    void thePropertiesFilesSetOnlyDeclaredKeys() {
        for (String file :
                List.of("application.properties", "application-demo.properties", "application-test.properties")) {
            Set<String> set = properties(file).keySet().stream()
                    .filter(k -> k.startsWith("lindung.") && !k.startsWith("lindung.test."))
                    .collect(Collectors.toSet());
            assertThat(set).as("lindung.* keys of %s", file).isNotEmpty().isSubsetOf(declared.keySet());
        }
    }

    @Test
    void everyKeyTheReadmeNamesExists() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        for (String key : declared.keySet()) {
            for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
                prefixes.add(key.substring(0, dot));
            }
        }
        Matcher m = KEY_IN_TEXT.matcher(readme());
        int named = 0;
        while (m.find()) {
            String name = m.group();
            if (name.endsWith(".jar")) {
                continue; // java -jar lindung.jar
            }
            String key = name.endsWith(".*") ? name.substring(0, name.length() - 2) : name;
            assertThat(declared.containsKey(key) || prefixes.contains(key))
                    .as("the README names %s", name)
                    .isTrue();
            named++;
        }
        assertThat(named).isGreaterThan(20);
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /** A row of the README's configuration table: its keys (variables resolved through application.properties). */
    record Row(Set<String> keys, String defaults) {}

    private List<Row> readmeRows() throws IOException {
        String readme = readme();
        int start = readme.indexOf("### Configuration\n");
        assertThat(start).as("README section Configuration").isNotNegative();
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : readme.substring(start).split("\n")) {
            if (line.startsWith("| variable or key |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|---")) {
                continue;
            } else if (inTable && line.startsWith("|")) {
                String[] cells = line.substring(1).split("\\|");
                rows.add(new Row(keysOf(cells[0]), cells[1].trim()));
            } else if (inTable) {
                break;
            }
        }
        assertThat(rows).as("rows of the README's configuration table").hasSizeGreaterThan(20);
        return rows;
    }

    /**
     * The keys a first cell names: {@code lindung.a.b}, then {@code …c} for {@code lindung.a.c}; an environment
     * variable names the lindung keys application.properties sets from it.
     */
    private Set<String> keysOf(String cell) {
        Set<String> keys = new LinkedHashSet<>();
        String base = null;
        for (String name : ticked(cell)) {
            if (name.startsWith("lindung.")) {
                base = name.substring(0, name.lastIndexOf('.') + 1);
                keys.add(name);
            } else if (name.startsWith("…")) {
                assertThat(base).as("%s after a full key", name).isNotNull();
                String rest = name.substring(1);
                keys.add(base + (rest.startsWith(".") ? rest.substring(1) : rest));
            } else if (VARIABLE.matcher(name).matches()) {
                applicationProperties.forEach((key, value) -> {
                    if (key.startsWith("lindung.")
                            && (value.startsWith("${" + name + ":") || value.startsWith("${" + name + "}"))) {
                        keys.add(key);
                    }
                });
            }
        }
        return keys;
    }

    /** The one default: the record's, else application.properties' (the part after the variable). */
    private String defaultOf(String key) {
        String value = applicationProperties.get(key);
        if (value == null) {
            return declared.get(key);
        }
        Matcher placeholder = Pattern.compile("\\$\\{[A-Z0-9_]+:(.*)}").matcher(value);
        return placeholder.matches() ? placeholder.group(1) : value;
    }

    private static List<String> ticked(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = TICKED.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    /** Every lindung.* property of the generated metadata, with its default as text (null: none). */
    private static Map<String, String> declaredKeys() {
        Map<String, String> keys = new TreeMap<>();
        try {
            for (URL url : Collections.list(ConfigurationReadmeTest.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                JsonNode metadata;
                try (InputStream in = url.openStream()) {
                    metadata = JsonMapper.builder().build().readTree(in);
                }
                for (JsonNode property : metadata.path("properties")) {
                    String name = property.path("name").asString();
                    if (name.startsWith("lindung.")) {
                        keys.put(name, text(property.get("defaultValue")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString();
        // a list's default is written as "[50000, 100000]"; the README shows it as it is set: 50000,100000
        return text.startsWith("[") && text.endsWith("]")
                ? text.substring(1, text.length() - 1).replace(", ", ",")
                : text;
    }

    private static Map<String, String> properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = ConfigurationReadmeTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }
}
