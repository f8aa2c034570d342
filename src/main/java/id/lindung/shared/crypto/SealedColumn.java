package id.lindung.shared.crypto;

import org.jspecify.annotations.Nullable;

/**
 * A column holding values sealed by the {@link Vault}, declared as a bean by the module that owns the table so that
 * {@link KeyRotation} can re-seal it under a new key. {@code key} is the table's single-column bigint key, or
 * {@code ctid} for a table without one.
 * {@code indexColumn}, when set, holds the blind index (of {@code indexKind}) of the sealed text, recomputed under
 * the current index key.
 */
public record SealedColumn(
        String table,
        String key,
        String column,
        @Nullable String indexColumn,
        @Nullable String indexKind) {

    public SealedColumn {
        for (String name : new String[] {table, key, column, indexColumn, indexKind}) {
            if (name != null && !name.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not an SQL name: " + name);
            }
        }
        if ((indexColumn == null) != (indexKind == null)) {
            throw new IllegalArgumentException("an index column needs its kind");
        }
    }

    public static SealedColumn of(String table, String key, String column) {
        return new SealedColumn(table, key, column, null, null);
    }

    /** The SQL type of the key. */
    public String keyType() {
        return key.equals("ctid") ? "tid" : "bigint";
    }

    /** The column name the sealed values are bound to: {@code table.column}. */
    public String context() {
        return table + "." + column;
    }
}
