package id.lindung.participant;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.participant.internal.ParticipantRepository;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionLevel;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many participants at once (a registry import, the demo registry) with PostgreSQL {@code COPY}, streaming
 * the rows as they come so that memory stays flat however many there are.
 *
 * <p>Participants are copied straight into {@code participant} in batches of
 * {@code lindung.participant.bulk-batch-size} rows (one {@code COPY} each). Their family members and businesses
 * are copied into temporary staging tables keyed by the owner's NIK and moved into place after each batch with one
 * {@code INSERT ... SELECT} joining on the NIK, so nothing is looked up row by row. Afterwards every
 * same-name-and-birth-date pair is flagged for review, and one audit record ({@value #AUDIT_ACTION}) notes the
 * load. All of it happens in one transaction: a rejected row (a NIK or NIB already registered or repeated, a NIK
 * that breaks its rules, an unknown desa) leaves nothing behind.
 *
 * <p>Every row is checked like a registration ({@link NikRules}, desa, name, phone), errors reject the load and
 * NIK warnings are kept on the row. No {@link ParticipantRegistered} event is published per row.
 */
@Service
public class ParticipantBulkLoader {

    public static final String AUDIT_ACTION = "PARTICIPANTS_BULK_LOADED";

    private static final Logger log = LoggerFactory.getLogger(ParticipantBulkLoader.class);

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} .,'\\-]*");
    private static final Pattern NIB = Pattern.compile("\\d{13}");
    private static final Pattern KBLI = Pattern.compile("\\d{5}");
    private static final int COPY_BUFFER_BYTES = 1 << 16;

    private static final String COPY_PARTICIPANTS = "COPY participant (nik, full_name, name_key, birth_date, sex,"
            + " region_code, phone, occupation, nik_warnings) FROM STDIN";
    private static final String CREATE_STAGES = """
            CREATE TEMP TABLE bulk_relative_stage (
              owner_nik CHAR(16), relation VARCHAR(12), full_name VARCHAR(150), nik CHAR(16), birth_date DATE,
              sex CHAR(1), heir BOOLEAN) ON COMMIT DROP;
            CREATE TEMP TABLE bulk_business_stage (
              owner_nik CHAR(16), nib CHAR(13), name VARCHAR(150), kbli VARCHAR(5), scale VARCHAR(9),
              region_code VARCHAR(13), worker_count INTEGER) ON COMMIT DROP""";
    private static final String COPY_RELATIVES = "COPY bulk_relative_stage FROM STDIN";
    private static final String MOVE_RELATIVES = """
            INSERT INTO participant_relative (participant_id, relation, full_name, nik, birth_date, sex, heir)
            SELECT p.id, s.relation, s.full_name, s.nik, s.birth_date, s.sex, s.heir
              FROM bulk_relative_stage s JOIN participant p ON p.nik = s.owner_nik""";
    private static final String COPY_BUSINESSES = "COPY bulk_business_stage FROM STDIN";
    private static final String MOVE_BUSINESSES = """
            INSERT INTO umkm_business (nib, name, owner_id, kbli, scale, region_code, worker_count)
            SELECT s.nib, s.name, p.id, s.kbli, s.scale, s.region_code, s.worker_count
              FROM bulk_business_stage s JOIN participant p ON p.nik = s.owner_nik""";

    private final DataSource dataSource;
    private final ParticipantRepository repository;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final Clock clock;
    private final int batchSize;

    ParticipantBulkLoader(DataSource dataSource, ParticipantRepository repository, RegionDirectory regions,
            AuditTrail audit, Clock clock, @Value("${lindung.participant.bulk-batch-size:50000}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("lindung.participant.bulk-batch-size must be positive: " + batchSize);
        }
        this.dataSource = dataSource;
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Whether no participant is registered yet. */
    public boolean isRegistryEmpty() {
        try (Connection connection = dataSource.getConnection();
                Statement st = connection.createStatement();
                var rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM participant)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Same as {@link #load(Iterator, String, LindungUser)}; the caller closes the stream. */
    @Transactional
    public BulkLoadResult load(Stream<BulkParticipant> rows, String source, LindungUser by) {
        return load(rows.iterator(), source, by);
    }

    /**
     * Loads the rows in one transaction. The iterator is read once, lazily, while the data streams to the server;
     * it must not use the database itself.
     *
     * @param source where the rows come from, for the audit trail (e.g. a file name, {@code demo seed 61})
     * @param by who loads: needs a role that may write the registry, and every row must lie in the user's scope
     * @throws InvalidInputException when a row breaks a rule or its NIK or NIB is already taken; nothing is written
     */
    @Transactional
    public BulkLoadResult load(Iterator<BulkParticipant> rows, String source, LindungUser by) {
        if (!by.role().canWriteRegistry()) {
            throw new ForbiddenException("access.role.read-only", by.role().name());
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        // The rows are checked against the region codes while a COPY holds the connection; the directory loads
        // them on first use, through this transaction's connection, so that has to happen before.
        regions.exists("");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Counts counts = new Counts();
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Statement st = connection.createStatement()) {
                st.execute(CREATE_STAGES);
                RowWriter writer = new RowWriter(by, today);
                while (rows.hasNext()) {
                    long batchStarted = System.nanoTime();
                    copyBatch(copy, rows, writer, counts);
                    long copied = System.nanoTime();
                    counts.copyNanos += copied - batchStarted;
                    counts.relatives += moveStaged(copy, st, COPY_RELATIVES, writer.relatives, MOVE_RELATIVES,
                            "bulk_relative_stage");
                    counts.businesses += moveStaged(copy, st, COPY_BUSINESSES, writer.businesses, MOVE_BUSINESSES,
                            "bulk_business_stage");
                    counts.familyNanos += System.nanoTime() - copied;
                }
                st.execute("DROP TABLE bulk_relative_stage, bulk_business_stage");
                counts.scope = writer.commonScope;
            }
        } catch (SQLException | IOException e) {
            throw translate(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        long duplicates = 0;
        long flagStarted = System.nanoTime();
        if (counts.participants > 0) {
            duplicates = repository.flagAllDuplicates();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("count", counts.participants);
            changes.put("source", source);
            audit.record(AUDIT_ACTION, "participant", "bulk",
                    counts.scope == null ? by.scope().code() : counts.scope, changes);
        }
        long now = System.nanoTime();
        long elapsed = (now - started) / 1_000_000;
        log.info("Bulk-loaded {} participants, {} relatives, {} businesses from {} in {} ms ({} duplicate pairs"
                + " flagged; participants {} ms, families and businesses {} ms, duplicates and audit {} ms)",
                counts.participants, counts.relatives, counts.businesses, source, elapsed, duplicates,
                counts.copyNanos / 1_000_000, counts.familyNanos / 1_000_000, (now - flagStarted) / 1_000_000);
        return new BulkLoadResult(counts.participants, counts.relatives, counts.businesses, duplicates, elapsed);
    }

    /** Streams up to one batch of participants into one COPY; their relatives and businesses into the buffers. */
    private void copyBatch(CopyManager copy, Iterator<BulkParticipant> rows, RowWriter writer, Counts counts)
            throws SQLException, IOException {
        CopyIn in = copy.copyIn(COPY_PARTICIPANTS);
        try {
            PGCopyOutputStream bytes = new PGCopyOutputStream(in, COPY_BUFFER_BYTES);
            Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
            int n = 0;
            while (n < batchSize && rows.hasNext()) {
                writer.write(rows.next(), counts.participants, out);
                counts.participants++;
                n++;
            }
            out.close(); // ends the COPY: the server reports a rejected row here at the latest
        } catch (RuntimeException | IOException e) {
            cancel(in, e);
            throw e;
        }
    }

    private static long moveStaged(CopyManager copy, Statement st, String copySql, StringBuilder staged,
            String moveSql, String stage) throws SQLException, IOException {
        if (staged.isEmpty()) {
            return 0;
        }
        long t0 = System.nanoTime();
        copy.copyIn(copySql, new StringReader(staged.toString()), COPY_BUFFER_BYTES);
        staged.setLength(0);
        long t1 = System.nanoTime();
        st.execute("ANALYZE " + stage);
        long t2 = System.nanoTime();
        if (System.getProperty("bulk.explain") != null) {
            try (var rs = st.executeQuery("EXPLAIN " + moveSql)) {
                while (rs.next()) {
                    System.out.println("PLAN " + rs.getString(1));
                }
            }
        }
        int moved = st.executeUpdate(moveSql);
        long t3 = System.nanoTime();
        st.execute("TRUNCATE " + stage);
        long t4 = System.nanoTime();
        System.out.printf("TIMING %s copy %d analyze %d move %d truncate %d%n", stage, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
        return moved;
    }

    private static void cancel(CopyIn in, Exception cause) {
        try {
            if (in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A NIK or NIB that is already registered (or repeated in the input) becomes the same issue a form shows. */
    private static RuntimeException translate(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException pg && "23505".equals(pg.getSQLState())
                    && pg.getServerErrorMessage() != null) {
                ServerErrorMessage m = pg.getServerErrorMessage();
                String value = keyValue(m.getDetail());
                if ("participant_nik_uk".equals(m.getConstraint())) {
                    return new InvalidInputException(FieldIssue.error("nik", "nik.taken", value));
                }
                if ("umkm_business_nib_uk".equals(m.getConstraint())) {
                    return new InvalidInputException(FieldIssue.error("business.nib", "nib.taken", value));
                }
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                DataAccessException translated = new SQLStateSQLExceptionTranslator().translate("bulk load", null, sql);
                return translated != null ? translated : new UncategorizedSQLException("bulk load", null, sql);
            }
        }
        return new IllegalStateException("bulk load failed", e);
    }

    /** {@code 6104...} out of {@code Key (nik)=(6104...) already exists.} */
    private static String keyValue(@Nullable String detail) {
        if (detail == null) {
            return "?";
        }
        int start = detail.indexOf(")=(");
        int end = detail.lastIndexOf(')');
        return start < 0 || end <= start + 3 ? detail : detail.substring(start + 3, end);
    }

    private static final class Counts {
        long participants;
        long relatives;
        long businesses;
        long copyNanos;
        long familyNanos;
        @Nullable String scope;
    }

    /** Checks one row and writes it in COPY text format. */
    private final class RowWriter {

        final StringBuilder relatives = new StringBuilder();
        final StringBuilder businesses = new StringBuilder();
        private final StringBuilder line = new StringBuilder(256);
        private final LindungUser by;
        private final LocalDate today;
        private final List<FieldIssue> issues = new ArrayList<>();
        @Nullable String commonScope;

        RowWriter(LindungUser by, LocalDate today) {
            this.by = by;
            this.today = today;
        }

        void write(BulkParticipant p, long row, Writer out) throws IOException {
            String at = "rows[" + row + "].";
            issues.clear();
            if (p.birthDate().isAfter(today)) {
                issues.add(FieldIssue.error(at + "birthDate", "birthDate.future"));
            } else if (p.birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
                issues.add(FieldIssue.error(at + "birthDate", "birthDate.too-old"));
            }
            List<FieldIssue> nikIssues = NikRules.check(at + "nik", p.nik(), p.birthDate(), p.sex(), regions::exists,
                    today);
            issues.addAll(nikIssues);
            String fullName = clean(p.fullName());
            checkName(at + "fullName", fullName);
            checkDesa(at + "regionCode", p.regionCode());
            String phone = normalizePhone(p.phone());
            if (phone != null && !validPhone(phone)) {
                issues.add(FieldIssue.error(at + "phone", "phone.format"));
            }
            String occupation = trimToNull(p.occupation());
            if (occupation != null && occupation.length() > 100) {
                issues.add(FieldIssue.error(at + "occupation", "field.too-long", 100));
            }
            for (int i = 0; i < p.relatives().size(); i++) {
                checkRelative(at + "relatives[" + i + "].", p.relatives().get(i));
            }
            BulkBusiness business = p.business();
            if (business != null) {
                checkBusiness(at + "business.", business);
            }
            if (issues.stream().anyMatch(FieldIssue::isError)) {
                throw new InvalidInputException(issues);
            }
            if (!by.scope().includes(p.regionCode())
                    || (business != null && !by.scope().includes(business.regionCode()))) {
                String outside = !by.scope().includes(p.regionCode()) ? p.regionCode() : business.regionCode();
                throw new ForbiddenException("access.region.outside-scope", regions.nameOf(outside.substring(0, 5)),
                        regions.nameOf(by.scope().code()));
            }
            widenScope(p.regionCode());

            String warnings = null;
            for (FieldIssue issue : nikIssues) {
                warnings = warnings == null ? issue.code() : warnings + "," + issue.code();
            }
            StringBuilder l = line;
            l.setLength(0);
            field(l, p.nik()).append('\t');
            field(l, fullName).append('\t');
            field(l, ParticipantRepository.nameKey(fullName)).append('\t');
            l.append(p.birthDate()).append('\t');
            l.append(p.sex().name()).append('\t');
            field(l, p.regionCode()).append('\t');
            nullable(l, phone).append('\t');
            nullable(l, occupation).append('\t');
            nullable(l, warnings).append('\n');
            out.append(l);

            for (BulkRelative r : p.relatives()) {
                StringBuilder s = relatives;
                field(s, p.nik()).append('\t');
                s.append(r.relation().name()).append('\t');
                field(s, clean(r.fullName())).append('\t');
                nullable(s, trimToNull(r.nik())).append('\t');
                if (r.birthDate() == null) {
                    s.append("\\N");
                } else {
                    s.append(r.birthDate());
                }
                s.append('\t');
                s.append(r.sex() == null ? "\\N" : r.sex().name()).append('\t');
                s.append(r.heir() ? 't' : 'f').append('\n');
            }
            if (business != null) {
                StringBuilder s = businesses;
                field(s, p.nik()).append('\t');
                field(s, business.nib()).append('\t');
                field(s, clean(business.name())).append('\t');
                field(s, business.kbli()).append('\t');
                s.append(business.scale().name()).append('\t');
                field(s, business.regionCode()).append('\t');
                s.append(business.workerCount()).append('\n');
            }
        }

        private void checkRelative(String at, BulkRelative r) {
            checkName(at + "fullName", clean(r.fullName()));
            String nik = trimToNull(r.nik());
            if (nik != null) {
                for (FieldIssue issue : NikRules.check(at + "nik", nik, r.birthDate(), r.sex(), regions::exists,
                        today)) {
                    if (issue.isError()) {
                        issues.add(issue);
                    }
                }
            }
            if (r.birthDate() != null && r.birthDate().isAfter(today)) {
                issues.add(FieldIssue.error(at + "birthDate", "birthDate.future"));
            }
        }

        private void checkBusiness(String at, BulkBusiness b) {
            if (!NIB.matcher(b.nib()).matches()) {
                issues.add(FieldIssue.error(at + "nib", "nib.format"));
            }
            String name = b.name().trim();
            if (name.isEmpty()) {
                issues.add(FieldIssue.error(at + "name", "field.required"));
            } else if (name.length() > 150) {
                issues.add(FieldIssue.error(at + "name", "field.too-long", 150));
            }
            if (!KBLI.matcher(b.kbli()).matches()) {
                issues.add(FieldIssue.error(at + "kbli", "kbli.format"));
            }
            checkDesa(at + "regionCode", b.regionCode());
            if (b.workerCount() < 0) {
                issues.add(FieldIssue.error(at + "workerCount", "business.workers.invalid"));
            }
        }

        private void checkName(String field, String name) {
            if (name.isEmpty()) {
                issues.add(FieldIssue.error(field, "field.required"));
            } else if (name.length() > 150) {
                issues.add(FieldIssue.error(field, "field.too-long", 150));
            } else if (!NAME.matcher(name).matches()) {
                issues.add(FieldIssue.error(field, "name.format"));
            }
        }

        private void checkDesa(String field, String code) {
            if (code.length() != RegionLevel.DESA.codeLength() || !regions.exists(code)) {
                issues.add(FieldIssue.error(field, "region.desa.unknown", code));
            }
        }

        /** The narrowest scope (kab/kota, province or national) holding every row so far. */
        private void widenScope(String regionCode) {
            String kabKota = regionCode.substring(0, 5);
            String scope = commonScope;
            if (scope == null) {
                commonScope = kabKota;
            } else if (!scope.isEmpty() && !kabKota.startsWith(scope)) {
                commonScope = scope.length() == 5 && kabKota.startsWith(scope.substring(0, 2))
                        ? scope.substring(0, 2) : "";
            }
        }
    }

    /** Appends a value escaped for COPY text format. */
    private static StringBuilder field(StringBuilder sb, String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb;
    }

    private static StringBuilder nullable(StringBuilder sb, @Nullable String value) {
        return value == null ? sb.append("\\N") : field(sb, value);
    }

    /** Trimmed, runs of white space made one space (as a registration stores names). */
    private static String clean(String name) {
        String trimmed = name.strip();
        for (int i = 0, n = trimmed.length(); i < n; i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || (i + 1 < n && Character.isWhitespace(trimmed.charAt(i + 1))))) {
                return trimmed.replaceAll("\\s+", " ");
            }
        }
        return trimmed;
    }

    private static @Nullable String trimToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Without spaces, dashes and brackets, as a registration stores phone numbers. */
    private static @Nullable String normalizePhone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0, n = phone.length(); i < n; i++) {
            char c = phone.charAt(i);
            boolean drop = Character.isWhitespace(c) || c == '-' || c == '(' || c == ')';
            if (drop && sb == null) {
                sb = new StringBuilder(phone.length()).append(phone, 0, i);
            } else if (!drop && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? phone : sb.toString();
    }

    /** {@code +?[0-9]{9,15}}, as for a registration. */
    private static boolean validPhone(String phone) {
        int start = phone.startsWith("+") ? 1 : 0;
        int digits = phone.length() - start;
        if (digits < 9 || digits > 15) {
            return false;
        }
        for (int i = start; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
