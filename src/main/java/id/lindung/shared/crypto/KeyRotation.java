package id.lindung.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals every {@link SealedColumn} whose values are under an older data key (and recomputes blind indexes under
 * an older index key), in batches of {@value #BATCH} rows in their own transactions, walking each table by its
 * key (or, for a table without a single-column key, its {@code ctid}): it can be interrupted and run again, and the application keeps working meanwhile (old keys still open).
 */
public class KeyRotation {

    static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final Vault vault;
    private final List<SealedColumn> columns;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public KeyRotation(Vault vault, List<SealedColumn> columns, JdbcClient jdbc, TransactionTemplate tx) {
        this.vault = vault;
        this.columns = List.copyOf(columns);
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Per column: number of values per key ("data key n" / "index key n"). */
    public Map<String, Map<String, Long>> census() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (SealedColumn c : columns) {
            Map<String, Long> counts = new LinkedHashMap<>();
            jdbc.sql("SELECT " + dataKeyOf(c.column()) + ", count(*) FROM " + c.table() + " WHERE " + c.column()
                            + " IS NOT NULL GROUP BY 1 ORDER BY 1")
                    .query((rs, n) -> counts.put("data key " + rs.getInt(1), rs.getLong(2)))
                    .list();
            for (SealedColumn.BlindIndex index : c.indexes()) {
                String label = c.indexes().size() == 1 ? "index key " : index.column() + " index key ";
                jdbc.sql("SELECT " + indexKeyOf(index.column()) + ", count(*) FROM " + c.table() + " WHERE "
                                + index.column() + " IS NOT NULL GROUP BY 1"
                                + " ORDER BY 1")
                        .query((rs, n) -> counts.put(label + rs.getInt(1), rs.getLong(2)))
                        .list();
            }
            out.put(c.context(), counts);
        }
        return out;
    }

    /** Re-seals what is not under the current keys; returns the rows rewritten per column. */
    public Map<String, Long> run() {
        Map<String, Long> rewritten = new LinkedHashMap<>();
        for (SealedColumn c : columns) {
            long n = rotate(c);
            rewritten.put(c.context(), n);
            if (n > 0) {
                log.info(
                        "Key rotation: {} values of {} re-sealed under data key {} / index key {}",
                        n,
                        c.context(),
                        vault.keyring().currentDataKey(),
                        vault.keyring().currentIndexKey());
            }
        }
        return rewritten;
    }

    /**
     * Whether any value is still under a key other than the current ones, that is whether {@link #run} has work.
     * With a single data key and a single index key in the keyring there is none, and nothing is read; otherwise each
     * column is asked until one has such a value.
     */
    public boolean pending() {
        Keyring keyring = vault.keyring();
        if (keyring.dataKeyVersions().size() <= 1 && keyring.indexKeyVersions().size() <= 1) {
            return false;
        }
        for (SealedColumn c : columns) {
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + c.table() + " WHERE " + stale(c) + ")")
                    .query(Boolean.class)
                    .single()) {
                return true;
            }
        }
        return false;
    }

    /** SQL: a value of the column that is not under the current data key (or its index not under the index key). */
    private String stale(SealedColumn c) {
        String stale = dataKeyOf(c.column()) + " <> " + vault.keyring().currentDataKey();
        for (SealedColumn.BlindIndex index : c.indexes()) {
            stale = stale + " OR " + indexKeyOf(index.column()) + " <> "
                    + vault.keyring().currentIndexKey();
        }
        if (!c.indexes().isEmpty()) {
            stale = "(" + stale + ")";
        }
        return c.column() + " IS NOT NULL AND " + stale;
    }

    private long rotate(SealedColumn c) {
        String type = c.keyType();
        String select = "SELECT " + c.key() + "::text, " + c.column() + " FROM " + c.table() + " WHERE " + c.key()
                + " > ?::" + type + " AND " + stale(c) + " ORDER BY " + c.key() + " LIMIT " + BATCH;
        long total = 0;
        String after = c.key().equals("ctid") ? "(0,0)" : Long.toString(Long.MIN_VALUE);
        while (true) {
            String from = after;
            // null when nothing is left; Spring allows a null T, NullAway without JSpecify mode (JDK 17) does not
            @SuppressWarnings("NullAway")
            Object[] batch = tx.execute(status -> {
                List<String> keys = new ArrayList<>();
                List<byte[]> values = new ArrayList<>();
                List<List<byte[]>> indexes = new ArrayList<>();
                c.indexes().forEach(index -> indexes.add(new ArrayList<>()));
                jdbc.sql(select + " FOR UPDATE").param(from).query(rs -> {
                    keys.add(rs.getString(1));
                    byte[] plain = vault.open(rs.getBytes(2), c.context());
                    values.add(vault.seal(plain, c.context()));
                    String text = new String(plain, StandardCharsets.UTF_8);
                    for (int i = 0; i < c.indexes().size(); i++) {
                        SealedColumn.BlindIndex index = c.indexes().get(i);
                        indexes.get(i).add(vault.index(index.kind(), index.indexed(text)));
                    }
                });
                if (keys.isEmpty()) {
                    return null;
                }
                StringBuilder set = new StringBuilder(c.column() + " = v.sealed");
                StringBuilder source = new StringBuilder("unnest(?::text[], ?::bytea[]");
                StringBuilder names = new StringBuilder("k, sealed");
                List<Object> params =
                        new ArrayList<>(List.of(keys.toArray(String[]::new), values.toArray(byte[][]::new)));
                for (int i = 0; i < c.indexes().size(); i++) {
                    set.append(", ")
                            .append(c.indexes().get(i).column())
                            .append(" = v.idx")
                            .append(i);
                    source.append(", ?::bytea[]");
                    names.append(", idx").append(i);
                    params.add(indexes.get(i).toArray(byte[][]::new));
                }
                jdbc.sql("UPDATE " + c.table() + " t SET " + set + " FROM " + source + ") AS v(" + names + ") WHERE t."
                                + c.key() + " = v.k::" + type)
                        .params(params.toArray())
                        .update();
                return new Object[] {keys.get(keys.size() - 1), keys.size()};
            });
            if (batch == null) {
                return total;
            }
            after = (String) batch[0];
            total += (Integer) batch[1];
        }
    }

    /** SQL: the number of the data key that sealed a value of {@code column} (bytes 1–2, see {@link Vault#keyOf}). */
    private static String dataKeyOf(String column) {
        return "get_byte(" + column + ", 1) * 256 + get_byte(" + column + ", 2)";
    }

    /** SQL: the number of the index key of an index value in {@code column} (bytes 0–1, {@link Vault#indexKeyOf}). */
    private static String indexKeyOf(String column) {
        return "get_byte(" + column + ", 0) * 256 + get_byte(" + column + ", 1)";
    }
}
