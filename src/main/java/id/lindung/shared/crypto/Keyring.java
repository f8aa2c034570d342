package id.lindung.shared.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that protect personal data, read from a file outside the database (a secrets mount in production):
 * numbered data keys ({@code data.<n>}, AES-256, base64) with {@code data.current}, and numbered index keys
 * ({@code index.<n>}, HMAC-SHA256) with {@code index.current}. Rotating a key = adding {@code data.<n+1>}, pointing
 * {@code data.current} at it, restarting and running the re-encryption ({@link KeyRotation}); old keys stay in the
 * file until no row uses them.
 */
public final class Keyring {

    static final int KEY_BYTES = 32;

    private final Map<Integer, SecretKey> dataKeys;
    private final int currentData;
    private final Map<Integer, SecretKey> indexKeys;
    private final int currentIndex;
    private final Path source;

    Keyring(
            Map<Integer, SecretKey> dataKeys,
            int currentData,
            Map<Integer, SecretKey> indexKeys,
            int currentIndex,
            Path source) {
        this.dataKeys = Collections.unmodifiableMap(new TreeMap<>(dataKeys));
        this.indexKeys = Collections.unmodifiableMap(new TreeMap<>(indexKeys));
        this.currentData = currentData;
        this.currentIndex = currentIndex;
        this.source = source;
        check(this.dataKeys, currentData, "data");
        check(this.indexKeys, currentIndex, "index");
    }

    private void check(Map<Integer, SecretKey> keys, int current, String kind) {
        if (!keys.containsKey(current)) {
            throw new IllegalStateException("Keyring " + source + ": " + kind + ".current = " + current
                    + " but there is no " + kind + "." + current);
        }
        for (int version : keys.keySet()) {
            if (version < 1 || version > 0xFFFF) {
                throw new IllegalStateException(
                        "Keyring " + source + ": key numbers run from 1 to 65535, not " + kind + "." + version);
            }
        }
    }

    /**
     * Reads the keyring at {@code file}; when there is none and {@code create} is set, writes a new one with one
     * random data key and one random index key (readable by the owner only) and reads that.
     */
    public static Keyring load(Path file, boolean create) {
        if (!Files.exists(file)) {
            if (!create) {
                throw new IllegalStateException("No keyring at " + file.toAbsolutePath() + ": personal data cannot be"
                        + " encrypted. Mount the keyring there (lindung.crypto.keyring / LINDUNG_KEYRING) or, for a"
                        + " first installation, set lindung.crypto.create-keyring=true once and keep the file safe.");
            }
            createNew(file);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read keyring " + file, e);
        }
        Map<Integer, SecretKey> data = new TreeMap<>();
        Map<Integer, SecretKey> index = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            String value = p.getProperty(name).trim();
            if (name.matches("data\\.\\d+")) {
                data.put(Integer.parseInt(name.substring(5)), key(value, "AES", file, name));
            } else if (name.matches("index\\.\\d+")) {
                index.put(Integer.parseInt(name.substring(6)), key(value, "HmacSHA256", file, name));
            }
        }
        return new Keyring(data, number(p, "data.current", file), index, number(p, "index.current", file), file);
    }

    private static int number(Properties p, String name, Path file) {
        String value = p.getProperty(name);
        if (value == null || !value.trim().matches("\\d{1,5}")) {
            throw new IllegalStateException("Keyring " + file + ": " + name + " must name a key number");
        }
        return Integer.parseInt(value.trim());
    }

    private static SecretKey key(String base64, String algorithm, Path file, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Keyring " + file + ": " + name + " is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(
                    "Keyring " + file + ": " + name + " must be 32 bytes (256 bits), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, algorithm);
    }

    /** Writes a new keyring atomically; if another process or thread got there first, keeps theirs. */
    private static synchronized void createNew(Path file) {
        SecureRandom random = new SecureRandom();
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".keyring", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: keep its defaults
                }
                try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    out.write("# Lindung keyring: keys that encrypt personal data (AES-256-GCM) and index NIKs"
                            + " (HMAC-SHA256).\n# Keep it outside the database and its backups; without it the"
                            + " encrypted data cannot be read.\n# Rotation: add data.2 (32 random bytes, base64),"
                            + " set data.current=2, restart, POST /api/admin/keys/rotation.\n");
                    out.write("data.1=" + Base64.getEncoder().encodeToString(bytes(random)) + "\n");
                    out.write("data.current=1\n");
                    out.write("index.1=" + Base64.getEncoder().encodeToString(bytes(random)) + "\n");
                    out.write("index.current=1\n");
                }
                // a hard link appears atomically and never replaces: of racing creators exactly one wins
                try {
                    Files.createLink(file, tmp);
                } catch (UnsupportedOperationException e) {
                    Files.move(tmp, file);
                }
            } catch (FileAlreadyExistsException e) {
                // someone else created it meanwhile
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create keyring " + file, e);
        }
    }

    private static byte[] bytes(SecureRandom random) {
        byte[] b = new byte[KEY_BYTES];
        random.nextBytes(b);
        return b;
    }

    SecretKey dataKey(int version) {
        SecretKey key = dataKeys.get(version);
        if (key == null) {
            throw new IllegalStateException(
                    "Data encrypted with key " + version + ", which the keyring " + source + " no longer holds");
        }
        return key;
    }

    SecretKey indexKey(int version) {
        return Objects.requireNonNull(indexKeys.get(version), "callers pass a version of indexKeyVersions()");
    }

    public int currentDataKey() {
        return currentData;
    }

    public int currentIndexKey() {
        return currentIndex;
    }

    public java.util.Set<Integer> dataKeyVersions() {
        return dataKeys.keySet();
    }

    public java.util.Set<Integer> indexKeyVersions() {
        return indexKeys.keySet();
    }

    public Path source() {
        return source;
    }
}
