package id.lindung.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.LindungUser;
import id.lindung.enrolment.MembershipId;
import id.lindung.shared.ForbiddenException;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.CardTokens;
import id.lindung.support.Niks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The digital membership card (issue 19, point 4) over real HTTP: the card's QR code, read back from the page and
 * from the PDF, is a link to the verification page whose fragment verifies with the published JWK set and says only
 * number, initials, programmes, until and when issued; a changed payload, another kid and another key do not verify;
 * an unpaid member's card claims no protection date; a membership outside the officer's scope has no card (404, as
 * its other pages); every card issued is audited; a rotated key stays published. The test clock starts on
 * 2026-12-07.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MembershipCardTest {

    private static final String DESA = "61.04.01.2011";
    private static final String PONTIANAK_DESA = "61.71.01.1002";
    private static final Pattern QR = Pattern.compile("id=\"card-qr\"[^>]*src=\"data:image/png;base64,([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MembershipCards cards;

    private long member(ApiClient officer, String name, LocalDate birth, boolean female, String desa, long paid) {
        String nik = Niks.nik(ApiFixtures.kecamatan(desa), birth, female);
        long participant =
                ApiFixtures.participantId(ApiFixtures.register(officer, nik, name, birth, female ? "P" : "L", desa));
        long membership = ApiFixtures.enrolBpu(officer, participant, 1_000_000, "2026-12");
        if (paid > 0) {
            Response payment = officer.post(
                    "/api/payments", ApiFixtures.payment("KARTU-" + membership, membership, paid, "2026-12-07"));
            assertThat(payment.status()).as(payment.text()).isEqualTo(201);
        }
        return membership;
    }

    private JsonNode publishedKeys() {
        Response keys = ApiClient.anonymous(port).get("/api/public/kartu/kunci");
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.raw().headers().map()).doesNotContainKey("set-cookie");
        return keys.json();
    }

    private static String fragmentOf(String url) {
        assertThat(url).contains("/verifikasi-kartu#");
        return url.substring(url.indexOf('#') + 1);
    }

    @Test
    void aPaidMembersCardVerifiesWithThePublishedKeyAndSaysLittle() throws Exception {
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        LocalDate birth = LocalDate.of(1986, 3, 9);
        long membership = member(officer, "Siti Rahma Aminah", birth, true, DESA, 33_600);
        long issuedBefore = issued(membership);

        Response page = officer.getPage("/kepesertaan/" + membership + "/kartu");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.text()).contains("S. R. A.", "Terlindungi sampai 31 Januari 2027", "JKK, JKM");
        assertThat(page.text()).doesNotContain("Siti", "Aminah", "1986");
        Matcher qr = QR.matcher(page.text());
        assertThat(qr.find()).isTrue();
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(qr.group(1))));
        String url = CardTokens.readQr(image);
        assertThat(url).startsWith("http://localhost:" + port + "/verifikasi-kartu#");
        String token = fragmentOf(url);

        JsonNode keys = publishedKeys();
        JsonNode first = keys.path("keys").get(0);
        assertThat(first.path("kty").asString()).isEqualTo("OKP");
        assertThat(first.path("crv").asString()).isEqualTo("Ed25519");
        assertThat(first.has("d")).as("no private part").isFalse();
        assertThat(CardTokens.header(token).path("alg").asString()).isEqualTo("EdDSA");
        JsonNode claims = CardTokens.verify(token, keys).orElseThrow();
        assertThat(claims.propertyNames()).containsExactly("no", "ini", "prg", "until", "iat");
        assertThat(claims.path("ini").asString()).isEqualTo("S. R. A.");
        assertThat(claims.path("until").asString()).isEqualTo("2027-01-31");
        assertThat(claims.path("prg").toString()).isEqualTo("[\"JKK\",\"JKM\"]");
        assertThat(claims.path("no").asString()).matches("[0-9]{11}");
        assertThat(claims.toString()).doesNotContain("Siti", "1986", "61.04");

        // what does not verify: a payload changed, another kid, another key
        Map<String, Object> longer = new LinkedHashMap<>();
        claims.propertyNames().forEach(name -> longer.put(name, claims.get(name)));
        longer.put("until", "2099-12-31");
        assertThat(CardTokens.verify(CardTokens.withPayload(token, longer), keys))
                .isEmpty();
        assertThat(CardTokens.verify(CardTokens.withKid(token, "AAAAAAAAAAA"), keys))
                .isEmpty();
        var stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(CardTokens.verify(CardTokens.resigned(token, stranger.getPrivate()), keys))
                .isEmpty();

        // the PDF carries the same kind of QR code, which verifies too
        HttpResponse<byte[]> pdf = officer.getBytes("/kepesertaan/" + membership + "/kartu.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("S. R. A.", "Terlindungi sampai 31 Januari 2027")
                    .doesNotContain("Siti");
            BufferedImage embedded = null;
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject picture) {
                    embedded = picture.getImage();
                }
            }
            assertThat(embedded).as("the QR code's image in the PDF").isNotNull();
            String pdfToken = fragmentOf(CardTokens.readQr(embedded));
            assertThat(CardTokens.verify(pdfToken, keys)
                            .orElseThrow()
                            .path("until")
                            .asString())
                    .isEqualTo("2027-01-31");
        }

        // both cards audited, with their medium
        assertThat(issued(membership) - issuedBefore).isEqualTo(2);
        assertThat(jdbc.sql("SELECT string_agg(changes->>'medium', ',' ORDER BY id) FROM audit_log"
                                + " WHERE action = ? AND entity_id = ?")
                        .params(MembershipCards.CARD_ISSUED, Long.toString(membership))
                        .query(String.class)
                        .single())
                .isEqualTo("page,pdf");
    }

    @Test
    void anUnpaidMembersCardClaimsNoProtectionDate() {
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        long membership = member(officer, "Budi Hartono", LocalDate.of(1991, 6, 1), false, DESA, 0);
        Response page = officer.getPage("/kepesertaan/" + membership + "/kartu");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Tidak terlindungi hari ini").doesNotContain("Terlindungi sampai");
        MembershipCard card = cards.card(MembershipId.of(membership), LindungUser.SYSTEM);
        assertThat(card.protectedUntil()).isNull();
        JsonNode claims = CardTokens.verify(card.token(), publishedKeys()).orElseThrow();
        assertThat(claims.path("until").isNull()).isTrue();
    }

    @Test
    void aMembershipOutsideTheOfficersScopeHasNoCard() {
        long pontianak = member(
                ApiClient.as(port, "petugas.kalbar"),
                "Rina Pontianak",
                LocalDate.of(1988, 1, 2),
                true,
                PONTIANAK_DESA,
                0);
        ApiClient ketapang = ApiClient.as(port, "petugas.ketapang");
        for (String path :
                List.of("/kepesertaan/" + pontianak + "/kartu", "/kepesertaan/" + pontianak + "/kartu.pdf")) {
            int status = ketapang.getPage(path).status();
            assertThat(status).as(path).isIn(403, 404);
            assertThat(status)
                    .as(path)
                    .isEqualTo(ketapang.getPage("/kepesertaan/" + pontianak).status());
        }
        assertThat(issued(pontianak)).isZero();
        // the province officer who registered it may see it
        assertThat(ApiClient.as(port, "petugas.kalbar")
                        .getPage("/kepesertaan/" + pontianak + "/kartu")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRotatedKeyStaysPublishedAndOldCardsStillVerify() {
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        long membership = member(officer, "Dewi Lestari", LocalDate.of(1990, 7, 7), true, DESA, 16_800);
        MembershipCard before = cards.card(MembershipId.of(membership), LindungUser.SYSTEM);
        assertThatThrownBy(() -> cards.rotateKey(new LindungUser(
                        "petugas.ketapang", "Petugas", id.lindung.access.Role.OFFICER, LindungUser.SYSTEM.scope())))
                .isInstanceOf(ForbiddenException.class);

        String kid = cards.rotateKey(LindungUser.SYSTEM);
        assertThat(kid).isNotEqualTo(before.kid());
        MembershipCard after = cards.card(MembershipId.of(membership), LindungUser.SYSTEM);
        assertThat(after.kid()).isEqualTo(kid);
        JsonNode keys = publishedKeys();
        assertThat(keys.path("keys").get(0).path("kid").asString()).isEqualTo(kid);
        assertThat(CardTokens.verify(before.token(), keys)).isPresent();
        assertThat(CardTokens.verify(after.token(), keys)).isPresent();
        // the retired key's private half is gone; only one key signs
        assertThat(jdbc.sql("SELECT count(*) FROM card_signing_key WHERE private_key_enc IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT private_key_enc IS NULL FROM card_signing_key WHERE kid = ?")
                        .param(before.kid())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void initialsOnly() {
        assertThat(MembershipCards.initials("Siti Rahma binti Nur")).isEqualTo("S. R. B. N.");
        assertThat(MembershipCards.initials("  budi  ")).isEqualTo("B.");
        assertThat(MembershipCards.initials("M. Yusuf O'Neil-Kamil")).isEqualTo("M. Y. O. N. K.");
    }

    private long issued(long membership) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND entity_id = ?")
                .params(MembershipCards.CARD_ISSUED, Long.toString(membership))
                .query(Long.class)
                .single();
    }
}
