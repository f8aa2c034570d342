package id.lindung.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The membership card's signed statement as a verifier outside Lindung sees it (issue 19, point 4): a compact JWS
 * checked with the JDK's Ed25519 against a published JWK set, QR codes read back with ZXing, and statements forged
 * by a test (a payload changed, another kid, another key).
 */
public final class CardTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private CardTokens() {}

    /** The statement's claims when its signature checks with the key of its kid in {@code jwks}; else empty. */
    public static Optional<JsonNode> verify(String token, JsonNode jwks) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(decode(parts[0]));
            if (!header.path("alg").asString().equals("EdDSA")) {
                return Optional.empty();
            }
            for (JsonNode jwk : jwks.path("keys")) {
                if (jwk.path("kid").asString().equals(header.path("kid").asString())
                        && jwk.path("kty").asString().equals("OKP")
                        && jwk.path("crv").asString().equals("Ed25519")) {
                    byte[] x = decode(jwk.path("x").asString());
                    byte[] spki = new byte[SPKI_PREFIX.length + x.length];
                    System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
                    System.arraycopy(x, 0, spki, SPKI_PREFIX.length, x.length);
                    Signature ed = Signature.getInstance("Ed25519");
                    ed.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
                    ed.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                    return ed.verify(decode(parts[2]))
                            ? Optional.of(JSON.readTree(decode(parts[1])))
                            : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The token with its payload replaced by {@code claims} (the signature left as it was). */
    public static String withPayload(String token, Map<String, ?> claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(JSON.writeValueAsBytes(claims)) + "." + parts[2];
    }

    /** The token with another kid in its header (payload and signature left as they were). */
    public static String withKid(String token, String kid) {
        String[] parts = token.split("\\.");
        return encode(("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8)) + "." + parts[1]
                + "." + parts[2];
    }

    /** The token's header and payload signed again with {@code key} (a key that is not Lindung's). */
    public static String resigned(String token, PrivateKey key) throws Exception {
        String[] parts = token.split("\\.");
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(key);
        ed.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return parts[0] + "." + parts[1] + "." + encode(ed.sign());
    }

    /** The claims of a token, unchecked. */
    public static JsonNode claims(String token) {
        return JSON.readTree(decode(token.split("\\.")[1]));
    }

    /** The header of a token, unchecked. */
    public static JsonNode header(String token) {
        return JSON.readTree(decode(token.split("\\.")[0]));
    }

    /**
     * The text of the QR code that fills an image (quiet zone included), as the card's page and PDF carry it. Read as
     * a pure barcode: ZXing's finder-pattern search alone misses about one code in twenty of this size even when
     * perfectly sharp (tried with fixed seeds), which would make the tests flaky; phone scanners search differently.
     */
    public static String readQr(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }

    private static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
