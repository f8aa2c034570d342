package id.lindung.contribution.web;

import id.lindung.access.CurrentUser;
import id.lindung.contribution.MembershipCard;
import id.lindung.contribution.MembershipCards;
import id.lindung.enrolment.MembershipId;
import id.lindung.shared.web.Formats;
import id.lindung.shared.web.QrCodes;
import id.lindung.shared.web.XhtmlPdf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The digital membership card (issue 19, point 4): its page and PDF for staff who may read the membership
 * ({@code /kepesertaan/{id}/kartu}), the public verification page a clinic opens from the QR code
 * ({@code /verifikasi-kartu}, the signed statement in the URL's fragment, checked in the browser against the keys
 * the page carries) and the published keys as a JWK set ({@code /api/public/kartu/kunci}, stateless chain).
 */
@Controller
class MembershipCardPages {

    private final MembershipCards cards;
    private final CurrentUser currentUser;
    private final ITemplateEngine templates;
    private final Formats formats;
    private final JsonMapper json = JsonMapper.builder().build();

    MembershipCardPages(MembershipCards cards, CurrentUser currentUser, ITemplateEngine templates, Formats formats) {
        this.cards = cards;
        this.currentUser = currentUser;
        this.templates = templates;
        this.formats = formats;
    }

    @GetMapping("/kepesertaan/{id}/kartu")
    String card(@PathVariable long id, Model model) {
        MembershipCard card = cards.card(MembershipId.ofRequest(id), currentUser.require(), "page");
        model.addAttribute("card", card);
        model.addAttribute("qr", QrCodes.dataUri(verifyUrl(card)));
        return "contribution/card";
    }

    @GetMapping("/kepesertaan/{id}/kartu.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        MembershipCard card = cards.card(MembershipId.ofRequest(id), currentUser.require(), "pdf");
        Locale locale = LocaleContextHolder.getLocale();
        String xhtml = XhtmlPdf.xhtml(
                templates,
                "contribution/card-pdf",
                locale,
                Map.of("card", card, "qr", QrCodes.dataUri(verifyUrl(card)), "fmt", formats));
        return XhtmlPdf.inline(XhtmlPdf.toPdf(xhtml, "membership card"), "kartu-" + card.number() + ".pdf");
    }

    /** The public verification page: the same for everyone, so the service worker may keep it for use offline. */
    @GetMapping(MembershipCard.VERIFY_PATH)
    String verify(Model model) {
        model.addAttribute("keys", json.writeValueAsString(cards.publishedKeys()));
        return "contribution/verify-card";
    }

    @GetMapping(path = "/api/public/kartu/kunci", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The public keys that verify membership cards' QR tokens (a JWK set)",
            tags = "Cek perlindungan")
    @SecurityRequirements
    @ResponseBody
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(cards.publishedKeys());
    }

    /** What the QR code carries: the verification page with the token in the fragment, never sent to a server. */
    static String verifyUrl(MembershipCard card) {
        return card.verifyUrl(
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    }
}
