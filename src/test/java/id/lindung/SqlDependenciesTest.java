package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.SqlSources.Name;
import id.lindung.SqlSources.Sql;
import id.lindung.shared.SqlViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.modulith.ApplicationModule;

/**
 * The modules' SQL keeps to their boundaries, as {@code ModularityTests} does for their Java types, which cannot see
 * SQL. Every SQL string of a module (the literals and text blocks of its Java classes, its Flyway migrations under
 * {@code db/migration/<module>/}) names only its own tables and views, or views of other modules that their owner
 * publishes and the module declares it reads ({@link SqlViews} on each {@code package-info.java}). Who owns a table
 * or view: the module whose migrations create it. A module reading another's views also allows the dependency on
 * it ({@code allowedDependencies}). A value of another module's enum (a segment, a channel) is written into SQL from
 * the enum, never typed: renaming the constant must break the compilation, not silently match no row.
 *
 * <p>Each failure names the module, the file and line, and the object.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the sources are read once
class SqlDependenciesTest {

    private static final Path JAVA = Path.of("src/main/java/id/lindung");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /**
     * Applied migrations that read or write another module's table. Flyway verifies the checksums of applied
     * migrations, so they stay as they ran; a new migration would go through a view. The key is file and object.
     */
    private static final Map<String, String> HISTORY = Map.of(
            "db/migration/contribution/V49__payment_key_namespace.sql membership",
            "filled payment.key_namespace once from the memberships' kab/kota (2026, applied)",
            "db/migration/paritrana/V22__paritrana.sql region",
            "created the 2026 cycle's entrants from the region reference (applied)",
            "participant/internal/V32__CanonicalNiks.java audit_log",
            "a Java migration runs before the application exists, so it cannot call AuditTrail; it wrote the "
                    + "audit lines of the NIKs it made canonical (applied)");

    /** One object named by a module's SQL. */
    record Use(String module, String file, int line, String object) {

        String where() {
            return module + ": " + file + ":" + line;
        }
    }

    private final List<String> modules = modules();
    private final Map<String, String> owner = new HashMap<>();
    private final Map<String, String> kind = new HashMap<>();
    private final List<Use> uses = new ArrayList<>();
    private final Map<String, List<Sql>> javaSql = new TreeMap<>();
    private final Map<String, String> javaFileModule = new HashMap<>();

    SqlDependenciesTest() throws IOException {
        for (String module : modules) {
            for (Path file : files(MIGRATIONS.resolve(module), ".sql")) {
                SqlSources.created(read(file)).forEach(c -> {
                    owner.put(c.name(), module);
                    kind.put(c.name(), c.kind());
                });
            }
        }
        for (String module : modules) {
            for (Path file : files(MIGRATIONS.resolve(module), ".sql")) {
                collect(module, "db/migration/" + module + "/" + file.getFileName(), SqlSources.sqlFile(read(file)));
            }
            for (Path file : files(JAVA.resolve(module), ".java")) {
                String name = JAVA.relativize(file).toString().replace('\\', '/');
                List<Sql> strings = SqlSources.javaStrings(read(file));
                javaSql.put(name, strings);
                javaFileModule.put(name, module);
                strings.forEach(sql -> collect(module, name, sql));
            }
        }
    }

    private void collect(String module, String file, Sql sql) {
        for (Name n : SqlSources.names(sql.text())) {
            if (owner.containsKey(n.name())) {
                uses.add(new Use(module, file, sql.lineAt(n.offset()), n.name()));
            }
        }
    }

    @Test
    void noModuleNamesAnotherModulesTable() {
        List<String> problems = new ArrayList<>();
        for (Use u : foreign()) {
            if (kind.get(u.object()).equals("table") && !HISTORY.containsKey(u.file() + " " + u.object())) {
                problems.add(u.where() + " names table " + u.object() + " of module " + owner.get(u.object())
                        + ": read it through a view that " + owner.get(u.object()) + " publishes, or its Java API");
            }
        }
        assertThat(problems).as("SQL naming other modules' tables").isEmpty();
    }

    @Test
    void viewsOfOtherModulesArePublishedByTheirOwnerAndDeclaredByTheReader() {
        List<String> problems = new ArrayList<>();
        for (Use u : foreign()) {
            String of = owner.get(u.object());
            if (!kind.get(u.object()).equals("view")) {
                continue;
            }
            if (!declared(of).publishes().contains(u.object())) {
                problems.add(u.where() + " reads view " + u.object() + " of module " + of + ", which " + of
                        + " does not publish (@SqlViews(publishes) in its package-info)");
            }
            if (!declared(u.module()).reads().contains(u.object())) {
                problems.add(u.where() + " reads view " + u.object() + " of module " + of
                        + " without declaring it (@SqlViews(reads) in " + u.module() + "'s package-info)");
            }
        }
        assertThat(problems).as("views read across modules").isEmpty();
    }

    @Test
    void declarationsAreTrueAndTheModuleGraphIncludesThem() {
        List<String> problems = new ArrayList<>();
        for (String module : modules) {
            Declared d = declared(module);
            for (String view : d.publishes()) {
                if (!module.equals(owner.get(view)) || !"view".equals(kind.get(view))) {
                    problems.add(module + " publishes " + view + ", which is not a view its migrations create");
                }
            }
            for (String view : d.reads()) {
                String of = owner.get(view);
                if (of == null || !declared(of).publishes().contains(view)) {
                    problems.add(module + " declares it reads " + view + ", which no module publishes");
                    continue;
                }
                if (uses.stream()
                        .noneMatch(u -> u.module().equals(module) && u.object().equals(view))) {
                    problems.add(module + " declares it reads " + view + " but none of its SQL does");
                }
                List<String> allowed = allowedDependencies(module);
                if (!allowed.isEmpty() && !allowed.contains(of)) {
                    problems.add(module + " reads " + view + " of module " + of + " but does not list " + of
                            + " in allowedDependencies");
                }
            }
        }
        Set<String> unused = new TreeSet<>(HISTORY.keySet());
        uses.forEach(u -> unused.remove(u.file() + " " + u.object()));
        unused.forEach(k -> problems.add("the exception for " + k + " is no longer needed: remove it"));
        assertThat(problems).as("@SqlViews declarations").isEmpty();
    }

    @Test
    void valuesOfOtherModulesEnumsAreNotTypedIntoSql() {
        Map<String, Map<String, String>> ownEnums = new HashMap<>();
        Map<String, Map<String, String>> publishedEnums = new HashMap<>();
        for (String module : modules) {
            ownEnums.put(module, enumConstants(module, false));
            publishedEnums.put(module, enumConstants(module, true));
        }
        List<String> problems = new ArrayList<>();
        javaSql.forEach((file, strings) -> {
            String module = javaFileModule.get(file);
            Set<String> readFrom =
                    declared(module).reads().stream().map(owner::get).collect(Collectors.toCollection(TreeSet::new));
            for (Sql sql : strings) {
                for (Name value : SqlSources.comparedValues(sql.text())) {
                    if (ownEnums.get(module).containsKey(value.name())) {
                        continue;
                    }
                    for (String of : readFrom) {
                        String type = publishedEnums.get(of).get(value.name());
                        if (type != null) {
                            String constant = type.substring(type.lastIndexOf('.') + 1) + "." + value.name();
                            problems.add(module + ": " + file + ":" + sql.lineAt(value.offset()) + " types '"
                                    + value.name() + "', a value of " + type + ": bind it from the enum (a parameter "
                                    + "set to " + constant + ".name(), or '%s' formatted with " + constant
                                    + ") so that renaming the constant breaks the compilation");
                        }
                    }
                }
            }
        });
        assertThat(problems).as("enum values typed into SQL").isEmpty();
    }

    /** The reader itself: what it must find and what it must not take for a name. */
    @Test
    void theReaderFindsWhatSqlNames() {
        String sql = """
                -- FROM commented_out
                WITH x AS (SELECT * FROM enrolment_membership_v v WHERE v.segment = 'BPU')
                SELECT extract(year FROM p.month), :membership, 'FROM quoted' FROM bill b, late_fine f
                  JOIN LATERAL unnest(b.ids) u ON true
                  LEFT JOIN (SELECT 1 FROM payment) q ON q.x = b.id
                 WHERE EXISTS (SELECT 1 FROM public.membership m)""";
        assertThat(SqlSources.names(sql))
                .extracting(Name::name)
                .containsExactly("enrolment_membership_v", "bill", "late_fine", "payment", "membership");
        assertThat(SqlSources.names("""
                INSERT INTO claim (a) SELECT 1; UPDATE coverage_state SET x = 1 FROM contribution_bill_v;
                DELETE FROM kur_loan USING participant_identity_v i;
                CREATE INDEX IF NOT EXISTS i ON audit_log USING hash (x); COPY participant (nik) FROM STDIN;
                ALTER TABLE ONLY region ADD CONSTRAINT c FOREIGN KEY (y) REFERENCES employer (id)"""))
                .extracting(Name::name)
                .contains(
                        "claim",
                        "coverage_state",
                        "contribution_bill_v",
                        "kur_loan",
                        "participant_identity_v",
                        "audit_log",
                        "participant",
                        "region",
                        "employer")
                .doesNotContain("hash", "x", "i");
        List<Sql> java = SqlSources.javaStrings("""
                class A {
                    // "SELECT * FROM in_a_comment"
                    String a = "SELECT 1 FROM " + "bill b" + " JOIN " + table + " t";
                    char c = '"';
                    String b = \"""
                            SELECT x
                              FROM payment\""";
                }""");
        assertThat(java)
                .extracting(s -> s.text().strip().replaceAll("\\s+", " "))
                .containsExactly("SELECT 1 FROM bill b JOIN ? t", "SELECT x FROM payment");
        assertThat(java.get(1).lineAt(java.get(1).text().indexOf("payment"))).isEqualTo(7);
        assertThat(SqlSources.comparedValues("SELECT CASE WHEN v.segment = 'PU' THEN 'X' END, 'Y' FROM t"
                        + " WHERE channel IN ('A', 'B') AND status <> 'C' AND f(x, 'Z')"))
                .extracting(Name::name)
                .containsExactly("PU", "A", "B", "C");
        assertThat(SqlSources.created("CREATE OR REPLACE VIEW a_v AS SELECT 1; CREATE TEMP TABLE t (x int);"
                        + " CREATE TABLE IF NOT EXISTS b (x int)"))
                .extracting(SqlSources.Created::name)
                .containsExactly("a_v", "b");
        // and on the real tree: the reads across modules are there to be checked
        assertThat(foreign())
                .extracting(Use::object)
                .contains(
                        "enrolment_membership_v",
                        "kur_borrower_coverage_v",
                        "participant_identity_v",
                        "contribution_bill_v");
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private List<Use> foreign() {
        return uses.stream()
                .filter(u -> !u.module().equals(owner.get(u.object())))
                .toList();
    }

    private record Declared(Set<String> publishes, Set<String> reads) {}

    private static Declared declared(String module) {
        SqlViews views = packageInfo(module).getAnnotation(SqlViews.class);
        return views == null
                ? new Declared(Set.of(), Set.of())
                : new Declared(
                        new LinkedHashSet<>(List.of(views.publishes())), new LinkedHashSet<>(List.of(views.reads())));
    }

    private static List<String> allowedDependencies(String module) {
        ApplicationModule m = packageInfo(module).getAnnotation(ApplicationModule.class);
        return m == null ? List.of() : List.of(m.allowedDependencies());
    }

    private static Class<?> packageInfo(String module) {
        try {
            return Class.forName("id.lindung." + module + ".package-info");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("module " + module + " has no package-info.java", e);
        }
    }

    /**
     * The constants of the module's enums, each with its type's name: all of them, or ({@code published}) those
     * of the public enums of its API package (top level or nested in a public type).
     */
    private static Map<String, String> enumConstants(String module, boolean published) {
        Map<String, String> constants = new HashMap<>();
        for (Path file : files(JAVA.resolve(module), ".java")) {
            String relative = JAVA.relativize(file).toString().replace('\\', '/');
            if (relative.endsWith("package-info.java")
                    || (published && relative.indexOf('/') != relative.lastIndexOf('/'))) {
                continue;
            }
            String className =
                    "id.lindung." + relative.substring(0, relative.length() - 5).replace('/', '.');
            try {
                enumsIn(Class.forName(className), published, constants);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(className, e);
            }
        }
        return constants;
    }

    private static void enumsIn(Class<?> type, boolean published, Map<String, String> constants) {
        if (published && !Modifier.isPublic(type.getModifiers())) {
            return;
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                constants.putIfAbsent(((Enum<?>) constant).name(), type.getName());
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            enumsIn(nested, published, constants);
        }
    }

    private static List<String> modules() {
        try (Stream<Path> dirs = Files.list(JAVA)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> Files.exists(d.resolve("package-info.java")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
