package id.lindung.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as 64 lowercase hex characters (file fingerprints, stored token hashes). */
public final class Sha256 {

    private Sha256() {}

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(of(bytes));
    }

    /** The 32 bytes of the digest. */
    public static byte[] of(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A stream that digests what is read through it: an upload read once, its fingerprint on the way. */
    public static Reading reading(InputStream in) {
        return new Reading(in);
    }

    /** See {@link #reading(InputStream)}. */
    public static final class Reading extends DigestInputStream {

        private Reading(InputStream in) {
            super(in, digest());
        }

        /** Reads what is left (the whole file counts) and gives the hash of everything read. */
        public String hexOfAll() throws IOException {
            byte[] rest = new byte[8192];
            while (read(rest, 0, rest.length) >= 0) {
                // read through this stream's own read, which digests (a delegated transferTo might not)
            }
            return HexFormat.of().formatHex(getMessageDigest().digest());
        }
    }

    /** Of a text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
