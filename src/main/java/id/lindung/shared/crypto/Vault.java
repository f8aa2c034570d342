package id.lindung.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts specific personal data (UU 27/2022: health details, children's data, bank accounts, documents, NIKs)
 * before it reaches the database, and makes NIKs findable without storing them in clear.
 *
 * <p>Sealed value: {@code 0x01}, the data key's number (2 bytes), a random 12-byte nonce, then AES-256-GCM
 * ciphertext with its 16-byte tag. The column's name is the associated data, so a value copied into another column
 * does not open. Index value (a "blind index"): the index key's number (2 bytes) and HMAC-SHA256 of the kind and the
 * value, so equal NIKs have equal indexes under one key; lookups ask for the index under every key the keyring
 * holds, so a rotation in progress finds rows of both keys.
 */
public final class Vault {

    static final byte FORMAT = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int HEADER = 3 + NONCE_BYTES;

    private final Keyring keys;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance("AES/GCM/NoPadding"));

    public Vault(Keyring keys) {
        this.keys = keys;
    }

    public Keyring keyring() {
        return keys;
    }

    /** The bytes sealed under the current data key, bound to {@code column} (e.g. {@code claim.intake}). */
    public byte[] seal(byte[] plain, String column) {
        int version = keys.currentDataKey();
        byte[] out = new byte[HEADER + plain.length + TAG_BITS / 8];
        out[0] = FORMAT;
        out[1] = (byte) (version >>> 8);
        out[2] = (byte) version;
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, 3, NONCE_BYTES);
        try {
            Cipher c = ciphers.get();
            c.init(Cipher.ENCRYPT_MODE, keys.dataKey(version), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            c.doFinal(plain, 0, plain.length, out, HEADER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
        return out;
    }

    /** The plain bytes of a value sealed for {@code column}; fails when it was changed or belongs elsewhere. */
    public byte[] open(byte[] sealed, String column) {
        if (sealed.length < HEADER + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new IllegalStateException("Not a sealed value of " + column);
        }
        try {
            Cipher c = ciphers.get();
            c.init(
                    Cipher.DECRYPT_MODE,
                    keys.dataKey(keyOf(sealed)),
                    new GCMParameterSpec(TAG_BITS, sealed, 3, NONCE_BYTES));
            c.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, HEADER, sealed.length - HEADER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "A sealed value of " + column + " does not open: changed, or sealed for" + " another column", e);
        }
    }

    public byte @Nullable [] sealText(@Nullable String plain, String column) {
        return plain == null ? null : seal(plain.getBytes(StandardCharsets.UTF_8), column);
    }

    public @Nullable String openText(byte @Nullable [] sealed, String column) {
        return sealed == null ? null : new String(open(sealed, column), StandardCharsets.UTF_8);
    }

    /** The number of the data key that sealed a value. */
    public static int keyOf(byte[] sealed) {
        return ((sealed[1] & 0xFF) << 8) | (sealed[2] & 0xFF);
    }

    /** The index of {@code value} (of a kind, e.g. {@code nik}) under the current index key: what a row stores. */
    public byte[] index(String kind, String value) {
        return index(keys.currentIndexKey(), kind, value);
    }

    /** The index of {@code value} under every index key held: what a lookup asks for. */
    public List<byte[]> indexes(String kind, String value) {
        List<byte[]> all = new ArrayList<>();
        for (int version : keys.indexKeyVersions()) {
            all.add(index(version, kind, value));
        }
        return all;
    }

    byte[] index(int version, String kind, String value) {
        Mac mac = macInstance();
        try {
            mac.init(keys.indexKey(version));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
        mac.update(kind.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[2 + h.length];
        out[0] = (byte) (version >>> 8);
        out[1] = (byte) version;
        System.arraycopy(h, 0, out, 2, h.length);
        return out;
    }

    /** The number of the index key of an index value. */
    public static int indexKeyOf(byte[] index) {
        return ((index[0] & 0xFF) << 8) | (index[1] & 0xFF);
    }

    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private Mac macInstance() {
        return macs.get();
    }

    private static Cipher instance(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " missing from this Java runtime", e);
        }
    }
}
