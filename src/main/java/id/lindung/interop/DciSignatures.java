package id.lindung.interop;

import id.lindung.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The signatures of DCI messages (docs/decisions.md, "DCI registry API"). A message's {@code signature} is the
 * standard's {@code MsgSignature} string, {@code Signature: namespace="spdci", kidId="{sender_id}|{key_id}|ed25519",
 * algorithm="ed25519", created="{epoch s}", expires="{epoch s}", headers="(created) (expires) digest",
 * signature="{base64}"}: an Ed25519 signature over {@code (created): C\n(expires): E\ndigest: SHA-256=D}, D being the
 * base64 SHA-256 of the canonical JSON of {@code {"header": ..., "message": ...}} (members sorted by name, no
 * whitespace: RFC 8785 for the strings, integers and booleans DCI messages hold). The bearer token is a compact JWS
 * (EdDSA) signed with the same key.
 */
final class DciSignatures {

    static final String ALGORITHM = "ed25519";
    private static final Pattern PARAM = Pattern.compile("([a-zA-Z]+)=\"([^\"]*)\"");
    private static final Base64.Decoder B64 = Base64.getDecoder();
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    private DciSignatures() {}

    /** The parameters of a {@code MsgSignature} string. */
    record Parsed(String senderId, String keyId, long created, long expires, byte[] signature) {}

    /** Parses a {@code MsgSignature}; null when it is not one. */
    static @Nullable Parsed parse(String value) {
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(value);
        while (m.find()) {
            p.put(m.group(1), m.group(2));
        }
        String kid = p.get("kidId");
        String algorithm = p.get("algorithm");
        String created = p.get("created");
        String expires = p.get("expires");
        String signature = p.get("signature");
        if (kid == null
                || created == null
                || expires == null
                || signature == null
                || !ALGORITHM.equals(algorithm == null ? null : algorithm.toLowerCase(Locale.ROOT))
                || !"(created) (expires) digest".equals(p.get("headers"))) {
            return null;
        }
        String[] parts = kid.split("\\|", -1);
        if (parts.length != 3 || !ALGORITHM.equalsIgnoreCase(parts[2])) {
            return null;
        }
        try {
            return new Parsed(
                    parts[0], parts[1], Long.parseLong(created), Long.parseLong(expires), B64.decode(signature));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether {@code parsed} signs this header and message under {@code key}. */
    static boolean verifies(Parsed parsed, JsonNode header, JsonNode message, PublicKey key) {
        byte[] content = signingContent(parsed.created(), parsed.expires(), header, message);
        return verify(key, content, parsed.signature());
    }

    /** The {@code MsgSignature} of a header and message, signed now by {@code key}. */
    static String sign(
            String senderId,
            String keyId,
            PrivateKey key,
            long created,
            long expires,
            JsonNode header,
            JsonNode message) {
        byte[] signature = signBytes(key, signingContent(created, expires, header, message));
        return "Signature: namespace=\"spdci\", kidId=\"" + senderId + "|" + keyId + "|" + ALGORITHM
                + "\", algorithm=\"" + ALGORITHM + "\", created=\"" + created + "\", expires=\"" + expires
                + "\", headers=\"(created) (expires) digest\", signature=\""
                + Base64.getEncoder().encodeToString(signature) + "\"";
    }

    private static byte[] signingContent(long created, long expires, JsonNode header, JsonNode message) {
        StringBuilder canonical = new StringBuilder(4096).append("{\"header\":");
        canonical(header, canonical);
        canonical.append(",\"message\":");
        canonical(message, canonical);
        canonical.append('}');
        String digest = Base64.getEncoder()
                .encodeToString(Sha256.of(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        return ("(created): " + created + "\n(expires): " + expires + "\ndigest: SHA-256=" + digest)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical JSON of a node: members sorted by name, no whitespace. */
    static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                canonical(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.asString(), out);
        } else {
            out.append(node.toString());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The bearer token's parts: issuer and the signed content, unverified until {@link #verifiesToken}. */
    record Token(String headerJson, String claimsJson, byte[] signedPart, byte[] signature) {}

    /** Splits a compact JWS; null when it is not one. */
    static @Nullable Token token(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3 || compact.length() > 4096) {
            return null;
        }
        try {
            return new Token(
                    new String(B64URL.decode(parts[0]), StandardCharsets.UTF_8),
                    new String(B64URL.decode(parts[1]), StandardCharsets.UTF_8),
                    (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                    B64URL.decode(parts[2]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean verifiesToken(Token token, PublicKey key) {
        return verify(key, token.signedPart(), token.signature());
    }

    /** An Ed25519 public key from its X.509 SubjectPublicKeyInfo (DER, or PEM, or the PEM's base64). */
    static PublicKey publicKey(String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return publicKey(B64.decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static PublicKey publicKey(byte[] spki) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** PEM of a public key. */
    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static byte[] signBytes(PrivateKey key, byte[] content) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(content);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private static boolean verify(PublicKey key, byte[] content, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(content);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
