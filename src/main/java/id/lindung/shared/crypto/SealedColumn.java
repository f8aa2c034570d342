package id.lindung.shared.crypto;

import java.util.List;

/**
 * A column holding values sealed by the {@link Vault}, declared as a bean by the module that owns the table so that
 * {@link KeyRotation} can re-seal it under a new key. {@code key} is the table's single-column bigint key, or
 * {@code ctid} for a table without one. {@code indexes} are the columns holding blind indexes of the sealed text
 * (or of its last characters), recomputed under the current index key.
 */
public record SealedColumn(String table, String key, String column, List<BlindIndex> indexes) {

    /**
     * A column holding the blind index (of {@code kind}) of the sealed text, or of its last {@code lastChars}
     * characters when that is above zero (e.g. a NIK's serial, what a search by the last digits looks up).
     */
    public record BlindIndex(String column, String kind, int lastChars) {

        public BlindIndex {
            sqlName(column);
            sqlName(kind);
            if (lastChars < 0) {
                throw new IllegalArgumentException("lastChars below zero: " + lastChars);
            }
        }

        /** The index of the whole text. */
        public static BlindIndex of(String column, String kind) {
            return new BlindIndex(column, kind, 0);
        }

        /** The text this index is computed from. */
        public String indexed(String plain) {
            return lastChars == 0 ? plain : plain.substring(Math.max(0, plain.length() - lastChars));
        }
    }

    public SealedColumn {
        sqlName(table);
        sqlName(key);
        sqlName(column);
        indexes = List.copyOf(indexes);
    }

    public static SealedColumn of(String table, String key, String column) {
        return new SealedColumn(table, key, column, List.of());
    }

    /** A sealed column with the blind index of its whole text in {@code indexColumn}. */
    public static SealedColumn indexed(String table, String key, String column, String indexColumn, String kind) {
        return new SealedColumn(table, key, column, List.of(BlindIndex.of(indexColumn, kind)));
    }

    /** The SQL type of the key. */
    public String keyType() {
        return key.equals("ctid") ? "tid" : "bigint";
    }

    /** The column name the sealed values are bound to: {@code table.column}. */
    public String context() {
        return table + "." + column;
    }

    private static void sqlName(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not an SQL name: " + name);
        }
    }
}
