package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import id.lindung.participant.IdentityView;
import id.lindung.shared.crypto.Vault;
import id.lindung.support.InBrowser;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The field agent's registration without a network, on a phone (375×812; issue 18, point 2): the form opened online
 * (the service worker installed and the desa lists kept), the network cut, the form filled and sent: the draft is
 * kept on the device and shown as waiting; the network back: the draft is sent by itself and shown as sent, the
 * worker registered once. The same draft sent again (its key replayed) registers nobody more; a draft for a NIK
 * registered already comes back as a duplicate with a link to the worker. An enrolment drafted without a network on
 * the worker's memberships page is sent the same way. Signing out forgets drafts and caches.
 *
 * <p>Debian's Chromium, {@code LINDUNG_SKIP_BROWSER=1} skips. Screenshots in {@code <build dir>/screenshots/}:
 * {@code offline-draft-waiting.png} and {@code offline-drafts.png} (the last page).
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OfflineDraftsInBrowserTest extends InBrowser {

    private static final String KECAMATAN = "61.04.01";
    private static final LocatorAssertions.IsVisibleOptions PATIENT =
            new LocatorAssertions.IsVisibleOptions().setTimeout(45_000);
    private static final LocatorAssertions.ContainsTextOptions PATIENT_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(45_000);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vault vault;

    @Override
    protected String screenshot() {
        return "offline-drafts.png";
    }

    private long participantsWith(String nik) {
        return jdbc.sql("SELECT count(*) FROM participant WHERE nik_hash = ?")
                .param(vault.index(IdentityView.NIK_INDEX, nik))
                .query(Long.class)
                .single();
    }

    /** Fills the registration form (offline: the desa list comes from the service worker's cache). */
    private void fill(String nik, String name, LocalDate birth) {
        Locator form = page.locator("#participant-form");
        form.locator("[name=nik]").fill(nik);
        form.locator("[name=fullName]").fill(name);
        form.locator("input[name=birthDate]").fill(birth.toString());
        form.locator("select[name=sex]").selectOption("L");
        form.locator("#kecamatan").selectOption(KECAMATAN);
        Locator desa = form.locator("#desa option:not([value=''])");
        desa.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        form.locator("#desa").selectOption(desa.first().getAttribute("value"));
        form.locator("[name=occupation]").fill("Nelayan");
    }

    private Locator draft(String state) {
        return page.locator("#draft-list > li[data-state=" + state + "]");
    }

    @Test
    void aRegistrationWithoutNetworkIsKeptThenSentOnceAndADuplicateIsShown() {
        openBrowser(375, 812);
        session.signIn("agen.ketapang");
        page.navigate("/peserta/baru");
        Object script = page.evaluate("() => navigator.serviceWorker.ready.then(r => r.active.scriptURL)");
        assertThat(String.valueOf(script)).endsWith("/sw.js");
        page.navigate("/peserta/baru"); // now under the service worker, which keeps the form and the desa lists
        page.waitForFunction(
                "k => caches.open('lindung-1')"
                        + ".then(c => c.match('/ui/regions/options?kecamatan=' + k, {ignoreVary: true})).then(Boolean)",
                KECAMATAN,
                new Page.WaitForFunctionOptions().setTimeout(30_000));

        LocalDate birth = LocalDate.of(1987, 4, 21);
        String nik = Niks.nik("610401", birth, false);
        session.context().setOffline(true);
        fill(nik, "Hasan Draf Luring", birth);
        page.locator("#save").click();

        Locator waiting = draft("waiting");
        assertThat(waiting).isVisible();
        assertThat(waiting).containsText("Hasan Draf Luring");
        assertThat(waiting.locator(".draft-state")).hasText("Menunggu jaringan");
        assertThat(page.locator("#drafts h2")).hasText("Draf menunggu jaringan");
        assertThat(page.locator("#drafts-kept")).isVisible();
        assertThat(page.locator("#participant-form [name=nik]")).hasValue("");
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll")
                .isTrue();
        String kept = String.valueOf(page.evaluate("() => localStorage.getItem('lindung.drafts')"));
        assertThat(kept).contains(nik, "\"key\":", "\"state\":\"waiting\"").doesNotContain("_csrf");
        session.screenshot(getClass(), "offline-draft-waiting.png");
        assertThat(participantsWith(nik)).isZero();

        session.context().setOffline(false);
        Locator sent = draft("sent");
        assertThat(sent).isVisible(PATIENT);
        assertThat(sent.locator(".draft-state")).hasText("Terkirim");
        assertThat(sent.locator("a")).hasAttribute("href", Pattern.compile("/peserta/\\d+"));
        assertThat(participantsWith(nik)).isEqualTo(1);
        assertThat(page.evaluate("() => localStorage.getItem('lindung.drafts')"))
                .isEqualTo("[]");
        String worker = sent.locator("a").getAttribute("href");

        // the same draft again, as a device that did not hear the answer would send it: its key replayed
        page.evaluate("d => localStorage.setItem('lindung.drafts', d)", kept);
        page.reload();
        assertThat(draft("sent").locator(".draft-message")).containsText("sudah terkirim sebelumnya", PATIENT_TEXT);
        assertThat(draft("sent")).hasCount(1);
        assertThat(participantsWith(nik)).isEqualTo(1);

        // another draft for the NIK registered meanwhile
        session.context().setOffline(true);
        fill(nik, "Hasan Draf Kedua", birth);
        page.locator("#save").click();
        assertThat(draft("waiting")).containsText("Hasan Draf Kedua");
        session.context().setOffline(false);
        Locator duplicate = draft("duplicate");
        assertThat(duplicate).isVisible(PATIENT);
        assertThat(duplicate.locator(".draft-state")).hasText("Sudah terdaftar");
        assertThat(duplicate.locator("a")).hasAttribute("href", Pattern.compile("/peserta/\\d+"));
        assertThat(participantsWith(nik)).isEqualTo(1);

        // an enrolment without network, on the worker's memberships page opened before
        page.navigate(worker + "/kepesertaan");
        session.context().setOffline(true);
        page.locator("#enrolment-form [name=baseAmount]").fill("2500000");
        page.locator("#enrol-submit").click();
        assertThat(draft("waiting")).containsText("Kepesertaan peserta");
        session.context().setOffline(false);
        Locator enrolled = page.locator(
                "#draft-list > li[data-state=sent]", new Page.LocatorOptions().setHasText("Kepesertaan peserta"));
        assertThat(enrolled).isVisible(PATIENT);
        assertThat(enrolled.locator("a")).hasAttribute("href", Pattern.compile(".*/kepesertaan#membership-\\d+"));
        assertThat(jdbc.sql("SELECT count(*) FROM membership WHERE participant_id = ?")
                        .param(Long.parseLong(worker.replace("/peserta/", "")))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(session.pageErrors()).isEmpty();

        // signing out forgets the drafts (a refused one is still kept) and the service worker's caches
        page.evaluate("() => localStorage.setItem('lindung.drafts', JSON.stringify([{key: 'x', user: 'agen.ketapang',"
                + " label: 'Uji', state: 'refused', fields: [['nik', '1']]}]))");
        page.reload();
        assertThat(draft("refused")).isVisible();
        page.onDialog(dialog -> dialog.accept());
        page.locator("#menu-button").click();
        page.locator("form[action$='/logout'] button").click();
        page.waitForURL(Pattern.compile(".*/login.*"));
        assertThat(page.evaluate("() => localStorage.getItem('lindung.drafts')"))
                .isNull();
        assertThat((List<?>) page.evaluate("() => caches.keys()")).isEmpty();
    }
}
