package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import id.lindung.access.LindungUser;
import id.lindung.contribution.MembershipCard;
import id.lindung.contribution.MembershipCards;
import id.lindung.enrolment.MembershipId;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiFixtures;
import id.lindung.support.CardTokens;
import id.lindung.support.InBrowser;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The public card verification page on a phone (375×812; issue 19, point 4), as a clinic opens it from a card's QR
 * code: a card signed by Lindung shows initials, programmes and "terlindungi sampai"; a changed payload, another kid
 * and another key show "tidak valid"; an unpaid member's card states no protection; after the first visit the page
 * works without a network (the service worker keeps it with its keys, script and style), and a card whose date has
 * passed on the device's calendar shows "kedaluwarsa". The device's clock is fixed on the test clock's day. An
 * officer opens the card from the memberships page ("Kartu") on a phone.
 *
 * <p>Debian's Chromium, {@code LINDUNG_SKIP_BROWSER=1} skips. Screenshots: {@code card-verification.png} (the last
 * page) and {@code membership-card.png} (the officer's card page).
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CardVerificationInBrowserTest extends InBrowser {

    private static final String DESA = "61.04.01.2011";

    @Autowired
    MembershipCards cards;

    @Override
    protected String screenshot() {
        return "card-verification.png";
    }

    private long participant;

    private MembershipCard card(String name, LocalDate birth, long paid) {
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        String nik = Niks.nik(ApiFixtures.kecamatan(DESA), birth, true);
        participant = ApiFixtures.participantId(ApiFixtures.register(officer, nik, name, birth, "P", DESA));
        long membership = ApiFixtures.enrolBpu(officer, participant, 1_000_000, "2026-12");
        if (paid > 0) {
            assertThat(officer.post(
                                    "/api/payments",
                                    ApiFixtures.payment("VERIF-" + membership, membership, paid, "2026-12-07"))
                            .status())
                    .isEqualTo(201);
        }
        return cards.card(MembershipId.of(membership), LindungUser.SYSTEM);
    }

    private Locator verdict(String token) {
        page.navigate("/verifikasi-kartu#" + token);
        return page.locator("#verdict");
    }

    @Test
    void aSignedCardIsShown_forgeriesAreNot_andThePageWorksOffline() throws Exception {
        MembershipCard paid = card("Sari Wulandari", LocalDate.of(1989, 11, 2), 33_600);
        MembershipCard unpaid = card("Nur Aisyah", LocalDate.of(1993, 4, 5), 0);
        openBrowser(375, 812);
        page.clock().setFixedTime("2026-12-07T10:00:00+07:00");

        Locator verdict = verdict(paid.token());
        assertThat(verdict).hasAttribute("data-state", "valid");
        assertThat(verdict).hasText("Kartu sah: terlindungi sampai 31 Januari 2027.");
        assertThat(page.locator("#statement-initials")).hasText("S. W.");
        assertThat(page.locator("#statement-programmes")).hasText("JKK, JKM");
        assertThat(page.locator("#statement-number")).hasText(paid.number());
        assertThat(page.locator("body")).not().containsText("Sari");
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll")
                .isTrue();

        JsonNode claims = CardTokens.claims(paid.token());
        Map<String, Object> longer = new LinkedHashMap<>();
        claims.propertyNames().forEach(name -> longer.put(name, claims.get(name)));
        longer.put("until", "2099-12-31");
        String stranger = CardTokens.resigned(
                paid.token(),
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        for (String forged : new String[] {
            CardTokens.withPayload(paid.token(), longer),
            CardTokens.withKid(paid.token(), "AAAAAAAAAAA"),
            stranger,
            "bukan-token"
        }) {
            assertThat(verdict(forged)).hasAttribute("data-state", "invalid");
            assertThat(verdict).hasText("Tidak valid: tanda tangan kartu tidak cocok. Jangan terima kartu ini.");
            assertThat(page.locator("#statement")).isHidden();
        }

        assertThat(verdict(unpaid.token())).hasAttribute("data-state", "unprotected");
        assertThat(page.locator("#statement-initials")).hasText("N. A.");

        // the service worker keeps the page with its keys, its script and its style
        verdict(paid.token());
        page.waitForFunction(
                "() => caches.open('lindung-1').then(c => Promise.all(['/verifikasi-kartu',"
                        + " ...[...document.querySelectorAll('script[src], link[rel=stylesheet]')]"
                        + ".map(e => e.src || e.href)].map(u => c.match(u, {ignoreVary: true}))))"
                        + ".then(all => all.every(Boolean))",
                null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        session.context().setOffline(true);
        page.navigate("about:blank");
        assertThat(verdict(paid.token())).hasAttribute("data-state", "valid");
        assertThat(verdict).hasText("Kartu sah: terlindungi sampai 31 Januari 2027.");
        assertThat(verdict(CardTokens.withPayload(paid.token(), longer))).hasAttribute("data-state", "invalid");

        // on the first of February the same card has run out
        page.clock().setFixedTime("2027-02-01T08:00:00+07:00");
        page.navigate("about:blank");
        assertThat(verdict(paid.token())).hasAttribute("data-state", "expired");
        assertThat(verdict).hasText("Kedaluwarsa: perlindungan yang dinyatakan kartu ini berakhir 31 Januari 2027.");
        assertThat(session.pageErrors()).isEmpty();
    }

    @Test
    void theOfficerOpensTheCardFromTheMembershipsPage() {
        MembershipCard paid = card("Rahmawati Putri", LocalDate.of(1992, 8, 17), 16_800);
        openBrowser(375, 812);
        session.signIn("petugas.ketapang");
        page.navigate("/peserta/" + participant + "/kepesertaan");
        page.locator("#membership-" + paid.membershipId() + " .card-link").click();
        assertThat(page.locator("#card-status")).hasText("Terlindungi sampai 31 Desember 2026");
        assertThat(page.locator("#card-initials")).hasText("R. P.");
        assertThat(page.locator("#card-qr")).isVisible();
        assertThat(page.locator("#card-pdf")).isVisible();
        assertThat(page.locator("main")).not().containsText("Rahmawati");
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll")
                .isTrue();
        assertThat((Boolean) page.evaluate("() => document.getElementById('card-qr').naturalWidth > 0"))
                .isTrue();
        session.screenshot(getClass(), "membership-card.png");
    }
}
