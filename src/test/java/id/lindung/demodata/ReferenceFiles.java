package id.lindung.demodata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's own region reference files ({@code classpath:reference/}), read without Spring or a database: the
 * set of all region codes and the Kalimantan Barat geography the generator needs.
 */
final class ReferenceFiles {

    private static Set<String> codes;
    private static DemoGeography kalbar;
    private static Map<String, long[]> population;

    private ReferenceFiles() {}

    /** Every region code of Indonesia (91,599). */
    static synchronized Set<String> regionCodes() {
        if (codes == null) {
            Set<String> all = new HashSet<>(131_072);
            for (String[] row : csv("reference/wilayah.csv")) {
                all.add(row[0]);
            }
            codes = Set.copyOf(all);
        }
        return codes;
    }

    /** Male and female population per code. */
    static synchronized Map<String, long[]> population() {
        if (population == null) {
            Map<String, long[]> all = new LinkedHashMap<>();
            for (String[] row : csv("reference/population.csv")) {
                int n = row.length;
                all.put(row[0], new long[] {Long.parseLong(row[n - 3]), Long.parseLong(row[n - 2])});
            }
            population = all;
        }
        return population;
    }

    /** Kalimantan Barat as {@link DemoGeography#of} would read it from the database. */
    static synchronized DemoGeography kalimantanBarat() {
        if (kalbar == null) {
            kalbar = province("61");
        }
        return kalbar;
    }

    /** A province (Kemendagri code) as {@link DemoGeography#of} would read it from the database. */
    static synchronized DemoGeography province(String province) {
        Map<String, Map<String, List<String>>> tree = new LinkedHashMap<>();
        for (String[] row : csv("reference/wilayah.csv")) {
            String code = row[0];
            if (!code.startsWith(province + ".")) {
                continue;
            }
            if (code.length() == 5) {
                tree.computeIfAbsent(code, k -> new LinkedHashMap<>());
            } else if (code.length() == 8) {
                tree.get(code.substring(0, 5)).computeIfAbsent(code, k -> new ArrayList<>());
            } else if (code.length() == 13) {
                tree.get(code.substring(0, 5)).get(code.substring(0, 8)).add(code);
            }
        }
        List<DemoGeography.KabKota> kabs = new ArrayList<>();
        tree.forEach((kab, kecs) -> {
            long[] people = population().get(kab);
            List<DemoGeography.Kecamatan> kecamatan = new ArrayList<>();
            kecs.forEach((kec, desa) -> {
                if (!desa.isEmpty()) {
                    kecamatan.add(new DemoGeography.Kecamatan(kec, desa));
                }
            });
            kabs.add(new DemoGeography.KabKota(kab, people[0], people[1], kecamatan));
        });
        return new DemoGeography(kabs);
    }

    private static List<String[]> csv(String resource) {
        InputStream in = ReferenceFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(splitCsv(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Splits one CSV line, honouring double quotes (names may contain commas). */
    private static String[] splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
