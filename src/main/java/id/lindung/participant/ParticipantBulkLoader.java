package id.lindung.participant;

import static id.lindung.participant.internal.ParticipantRules.cleanName;
import static id.lindung.participant.internal.ParticipantRules.normalizePhone;
import static id.lindung.participant.internal.ParticipantRules.trimToNull;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.participant.internal.ParticipantRepository;
import id.lindung.participant.internal.ParticipantRules;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.tabular.CopyText;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * {@code lindung.participant.bulk-batch-size} rows (one {@code COPY} each), the NIK sealed and indexed by the
 * {@link id.lindung.shared.crypto.Vault} on the way. Their family members (identities sealed) and businesses wait in
 * a buffer keyed by the owner's NIK index until the batch is in; then one query reads the indexes and ids of the
 * rows that came in (a range scan of the ids the batch took; any owner it misses by {@code nik_hash = ANY(...)}) and
 * the family members and businesses follow with a {@code COPY} each. Nothing is looked up row by row. Afterwards
 * every same-name-and-birth-date pair is flagged for review, and one audit record
 * ({@value #AUDIT_ACTION}) notes the load. All of it happens in one transaction: a rejected row (a NIK or NIB
 * already registered or repeated, a NIK that breaks its rules, an unknown desa) leaves nothing behind.
 *
 * <p>Every row is checked like a registration ({@link NikRules}, desa, name, phone), errors reject the load and
 * NIK warnings are kept on the row. No {@link ParticipantRegistered} event is published per row.
 */
@Service
public class ParticipantBulkLoader {

    public static final String AUDIT_ACTION = "PARTICIPANTS_BULK_LOADED";

    private static final Logger log = LoggerFactory.getLogger(ParticipantBulkLoader.class);

    private static final int COPY_BUFFER_BYTES = 1 << 16;
    /** Owners are keyed by their NIK's blind index in hex (2 + 32 bytes). */
    private static final int KEY_LENGTH = 68;

    private static final HexFormat HEX = HexFormat.of();

    private static final String COPY_PARTICIPANTS = "COPY participant (nik_enc, nik_hash, full_name, name_key,"
            + " birth_date, sex, region_code, phone, occupation, nik_warnings, nik_tail_hash) FROM STDIN";
    private static final String IDS_AFTER = "SELECT encode(nik_hash, 'hex'), id FROM participant WHERE id > ?";
    private static final String IDS_BY_NIK =
            "SELECT encode(nik_hash, 'hex'), id FROM participant" + " WHERE nik_hash = ANY (?::bytea[])";
    private static final String COPY_RELATIVES =
            "COPY participant_relative (participant_id, relation, identity_enc," + " heir) FROM STDIN";
    private static final String COPY_BUSINESSES =
            "COPY umkm_business (owner_id, nib, name, kbli, scale, region_code," + " worker_count) FROM STDIN";

    private final ParticipantPolicy policy;
    private final DataSource dataSource;
    private final ParticipantRepository repository;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final Clock clock;
    private final int batchSize;

    ParticipantBulkLoader(
            DataSource dataSource,
            ParticipantRepository repository,
            RegionDirectory regions,
            AuditTrail audit,
            Clock clock,
            ParticipantProperties properties,
            ParticipantPolicy policy) {
        this.policy = policy;
        this.dataSource = dataSource;
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        this.batchSize = properties.bulkBatchSize();
    }

    /** Whether no participant is registered yet. */
    public boolean isRegistryEmpty() {
        try (Connection connection = dataSource.getConnection();
                Statement st = connection.createStatement();
                var rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM participant)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw translate(e, key -> null);
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
        policy.checkWrite(by);
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        // Rows are checked against the region codes while a COPY holds the connection: they must be in memory
        // before (the directory reads them when it starts; should that change, this reads them now).
        regions.exists("");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Counts counts = new Counts();
        RowWriter writer = new RowWriter(by, today);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long lastId = lastParticipantId(connection);
            while (rows.hasNext()) {
                long batchStarted = System.nanoTime();
                copyBatch(copy, rows, writer, counts);
                long copied = System.nanoTime();
                counts.copyNanos += copied - batchStarted;
                if (!writer.owners.isEmpty()) {
                    Map<String, Long> ids = new HashMap<>(batchSize * 2);
                    lastId = idsAfter(connection, lastId, ids);
                    idsByNik(connection, writer.owners, ids);
                    counts.relatives += copyLinked(copy, COPY_RELATIVES, writer.relatives.buffer(), ids);
                    counts.businesses += copyLinked(copy, COPY_BUSINESSES, writer.businesses.buffer(), ids);
                    writer.owners.clear();
                }
                counts.familyNanos += System.nanoTime() - copied;
            }
            counts.scope = writer.commonScope;
        } catch (SQLException | IOException e) {
            throw translate(e, writer.batchNiks::get);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        long duplicates = 0;
        long flagStarted = System.nanoTime();
        if (counts.participants > 0) {
            // fresh planner statistics: the pair search (and every query after the load) plans for the new size
            analyze("participant");
            duplicates = repository.flagAllDuplicates();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("count", counts.participants);
            changes.put("source", source);
            audit.record(
                    AUDIT_ACTION,
                    "participant",
                    "bulk",
                    counts.scope == null ? by.scope().code() : counts.scope,
                    changes);
        }
        long now = System.nanoTime();
        long elapsed = (now - started) / 1_000_000;
        log.info(
                "Bulk-loaded {} participants, {} relatives, {} businesses from {} in {} ms ({} duplicate pairs"
                        + " flagged; participants {} ms, families and businesses {} ms, duplicates and audit {} ms)",
                counts.participants,
                counts.relatives,
                counts.businesses,
                source,
                elapsed,
                duplicates,
                counts.copyNanos / 1_000_000,
                counts.familyNanos / 1_000_000,
                (now - flagStarted) / 1_000_000);
        return new BulkLoadResult(counts.participants, counts.relatives, counts.businesses, duplicates, elapsed);
    }

    /** Streams up to one batch of participants into one COPY; their relatives and businesses into the buffers. */
    private void copyBatch(CopyManager copy, Iterator<BulkParticipant> rows, RowWriter writer, Counts counts)
            throws SQLException, IOException {
        writer.batchNiks.clear();
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

    private void analyze(String table) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement st = connection.createStatement()) {
            st.execute("ANALYZE " + table);
        } catch (SQLException e) {
            throw translate(e, key -> null);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static long lastParticipantId(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM participant")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The ids of the participants that came in after {@code lastId}, by NIK (one range scan: a batch's rows take
     * the next values of the identity sequence); returns the highest id seen.
     */
    private static long idsAfter(Connection connection, long lastId, Map<String, Long> ids) throws SQLException {
        long highest = lastId;
        try (PreparedStatement ps = connection.prepareStatement(IDS_AFTER)) {
            ps.setLong(1, lastId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(2);
                    ids.put(rs.getString(1), id);
                    highest = Math.max(highest, id);
                }
            }
        }
        return highest;
    }

    /**
     * Completes {@code ids} for owners the range scan did not find (should a sequence hand out values out of order,
     * e.g. with a per-session cache): one query for all of them.
     */
    private static void idsByNik(Connection connection, List<String> owners, Map<String, Long> ids)
            throws SQLException {
        List<String> missing =
                owners.stream().filter(key -> !ids.containsKey(key)).toList();
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(IDS_BY_NIK)) {
            ps.setObject(1, missing.stream().map(HEX::parseHex).toArray(byte[][]::new));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
    }

    /**
     * Copies buffered rows whose first field is the owner's NIK, putting the owner's id in its place; empties the
     * buffer and returns the number of rows.
     */
    private static long copyLinked(CopyManager copy, String sql, StringBuilder lines, Map<String, Long> ids)
            throws SQLException, IOException {
        if (lines.isEmpty()) {
            return 0;
        }
        long count = 0;
        CopyIn in = copy.copyIn(sql);
        try {
            Writer out = new OutputStreamWriter(new PGCopyOutputStream(in, COPY_BUFFER_BYTES), StandardCharsets.UTF_8);
            for (int pos = 0, length = lines.length(); pos < length; count++) {
                int end = lines.indexOf("\n", pos) + 1;
                String key = lines.substring(pos, pos + KEY_LENGTH);
                Long id = ids.get(key);
                if (id == null) {
                    throw new IllegalStateException("participant " + key + " missing right after its COPY");
                }
                out.write(id.toString());
                out.append(lines, pos + KEY_LENGTH, end);
                pos = end;
            }
            out.close();
        } catch (RuntimeException | IOException e) {
            cancel(in, e);
            throw e;
        }
        lines.setLength(0);
        return count;
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
    private static RuntimeException translate(Exception e, java.util.function.Function<String, String> nikOfIndex) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException pg
                    && "23505".equals(pg.getSQLState())
                    && pg.getServerErrorMessage() != null) {
                ServerErrorMessage m = pg.getServerErrorMessage();
                String value = keyValue(m.getDetail());
                if ("participant_nik_uk".equals(m.getConstraint())) {
                    // the key is the NIK's index (\\x + hex): the row's NIK, when it is of this batch
                    String nik = nikOfIndex.apply(value.startsWith("\\x") ? value.substring(2) : value);
                    return new InvalidInputException(FieldIssue.error("nik", "nik.taken", nik == null ? "?" : nik));
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

        @Nullable
        String scope;
    }

    /** Checks one row and writes it in COPY text format. */
    private final class RowWriter {

        /** Family members and businesses of the batch, in COPY text format, each line starting with the owner's NIK. */
        final CopyText relatives = new CopyText(new StringBuilder());

        final CopyText businesses = new CopyText(new StringBuilder());
        /** Index keys (hex) of the batch's participants with family members or a business. */
        final List<String> owners = new ArrayList<>();
        /** NIK by index key (hex) of the batch's participants: names the NIK of a rejected row. */
        final Map<String, String> batchNiks = new HashMap<>();

        private final CopyText line = new CopyText(new StringBuilder(256));
        private final LindungUser by;
        private final ParticipantRules rules;
        private final List<FieldIssue> issues = new ArrayList<>();

        @Nullable
        String commonScope;

        RowWriter(LindungUser by, LocalDate today) {
            this.by = by;
            this.rules = new ParticipantRules(regions::exists, today);
        }

        void write(BulkParticipant p, long row, Writer out) throws IOException {
            String at = "rows[" + row + "].";
            issues.clear();
            rules.checkWorker(
                    at,
                    p.nik(),
                    p.fullName(),
                    p.birthDate(),
                    p.sex(),
                    p.regionCode(),
                    p.phone(),
                    p.occupation(),
                    issues);
            for (int i = 0; i < p.relatives().size(); i++) {
                BulkRelative r = p.relatives().get(i);
                rules.checkRelative(
                        at + "relatives[" + i + "].",
                        r.relation(),
                        r.fullName(),
                        r.nik(),
                        r.birthDate(),
                        r.sex(),
                        issues);
            }
            BulkBusiness business = p.business();
            if (business != null) {
                rules.checkBusiness(
                        at + "business.",
                        business.nib(),
                        business.name(),
                        business.kbli(),
                        business.scale(),
                        business.regionCode(),
                        business.workerCount(),
                        issues);
            }
            InvalidInputException.throwIfErrors(issues);
            if (!by.scope().includes(p.regionCode())
                    || (business != null && !by.scope().includes(business.regionCode()))) {
                String outside = !by.scope().includes(p.regionCode())
                        ? p.regionCode()
                        : Objects.requireNonNull(business).regionCode();
                throw new ForbiddenException(
                        "access.region.outside-scope",
                        regions.nameOf(outside.substring(0, 5)),
                        regions.nameOf(by.scope().code()));
            }
            widenScope(p.regionCode());

            String warnings = null;
            for (FieldIssue issue : issues) {
                warnings = warnings == null ? issue.code() : warnings + "," + issue.code();
            }
            String fullName = cleanName(p.fullName());
            String phone = normalizePhone(p.phone());
            String occupation = trimToNull(p.occupation());
            byte[] index = repository.nikIndex(p.nik());
            String key = HEX.formatHex(index);
            batchNiks.put(key, p.nik());
            line.buffer().setLength(0);
            line.bytes(repository.sealNik(p.nik()))
                    .bytes(index)
                    .text(fullName)
                    .text(ParticipantRepository.nameKey(fullName))
                    .value(p.birthDate())
                    .value(p.sex())
                    .text(p.regionCode())
                    .text(phone)
                    .text(occupation)
                    .text(warnings)
                    .bytes(repository.nikTailIndex(p.nik()))
                    .end();
            out.append(line.buffer());

            if (!p.relatives().isEmpty() || business != null) {
                owners.add(key);
            }
            for (BulkRelative r : p.relatives()) {
                relatives
                        .text(key)
                        .value(r.relation())
                        .bytes(repository.sealRelative(
                                cleanName(r.fullName()), trimToNull(r.nik()), r.birthDate(), r.sex()))
                        .bool(r.heir())
                        .end();
            }
            if (business != null) {
                businesses
                        .text(key)
                        .text(business.nib())
                        .text(cleanName(business.name()))
                        .text(business.kbli())
                        .value(business.scale())
                        .text(business.regionCode())
                        .number(business.workerCount())
                        .end();
            }
        }

        /** The narrowest scope (kab/kota, province or national) holding every row so far. */
        private void widenScope(String regionCode) {
            String kabKota = regionCode.substring(0, 5);
            String scope = commonScope;
            if (scope == null) {
                commonScope = kabKota;
            } else if (!scope.isEmpty() && !kabKota.startsWith(scope)) {
                commonScope =
                        scope.length() == 5 && kabKota.startsWith(scope.substring(0, 2)) ? scope.substring(0, 2) : "";
            }
        }
    }
}
