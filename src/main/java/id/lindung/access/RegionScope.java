package id.lindung.access;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The part of the country a user works in, as a region-code prefix: {@code 61} (Kalimantan Barat) or
 * {@code 61.04} (Kabupaten Ketapang). {@link #NATIONAL} sees everything.
 */
public record RegionScope(String code) {

    public static final RegionScope NATIONAL = new RegionScope("");

    public RegionScope {
        if (!code.isEmpty() && code.length() != 2 && code.length() != 5) {
            throw new IllegalArgumentException("a scope is a province or a kab/kota code: " + code);
        }
    }

    public static RegionScope of(String code) {
        return code == null || code.isBlank() ? NATIONAL : new RegionScope(code.trim());
    }

    /**
     * Whether this scope spans a whole province or more (the country): what province-wide work asks for (the
     * billing run, KUR files with rows anywhere, Paritrana jurors, the key rotation). A kab/kota scope is not.
     */
    public boolean provinceWide() {
        return code.length() <= 2;
    }

    /** Whether this scope is one kabupaten/kota. */
    public boolean kabKota() {
        return code.length() == 5;
    }

    /** Whether a region code (any level) lies inside this scope. */
    public boolean includes(String regionCode) {
        return regionCode != null && (code.isEmpty() || regionCode.equals(code) || regionCode.startsWith(code + "."));
    }

    /**
     * The narrower of this scope and a region filter the user asked for, as a code prefix; empty when the two do
     * not overlap (the filter lies outside the scope).
     */
    public Optional<String> narrow(@Nullable String requested) {
        if (requested == null || requested.isBlank()) {
            return Optional.of(code);
        }
        if (includes(requested)) {
            return Optional.of(requested);
        }
        if (requested.isEmpty() || code.startsWith(requested + ".")) {
            return Optional.of(code);
        }
        return Optional.empty();
    }
}
