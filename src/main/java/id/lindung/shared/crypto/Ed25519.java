package id.lindung.shared.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;

/** Ed25519 key pairs of Lindung's own signing keys (membership cards, DCI answers), their private halves sealed. */
public final class Ed25519 {

    private Ed25519() {}

    /** A new key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 missing from this Java runtime", e);
        }
    }

    /** A private key from its PKCS #8 encoding (what {@code getEncoded()} gave before it was sealed). */
    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an Ed25519 private key", e);
        }
    }
}
