package id.lindung.claim.web;

import static id.lindung.claim.web.ClaimForm.blank;
import static id.lindung.claim.web.ClaimStepForms.date;
import static id.lindung.claim.web.ClaimStepForms.version;

import id.lindung.claim.Claim;
import id.lindung.claim.ClaimId;
import id.lindung.claim.ClaimManagement;
import id.lindung.claim.ScholarshipYearRequest;
import id.lindung.claim.benefit.ScholarshipPlanner;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.web.Formats;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payment from the claim page: the payment of an approved claim (with the late compensation the service level adds)
 * and, on an approved or paid claim that grants scholarships, a yearly scholarship on proof of enrolment.
 */
@Controller
class ClaimPaymentPages {

    private final ClaimManagement claims;
    private final ClaimStepForms forms;
    private final ClaimTexts texts;
    private final Formats formats;

    ClaimPaymentPages(ClaimManagement claims, ClaimStepForms forms, ClaimTexts texts, Formats formats) {
        this.claims = claims;
        this.forms = forms;
        this.texts = texts;
        this.formats = formats;
    }

    @PostMapping("/klaim/{id:\\d+}/bayar")
    String pay(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String paidOn,
            @RequestParam(required = false) @Nullable String reference,
            RedirectAttributes redirect)
            throws IOException {
        return forms.act(id, redirect, "", me -> {
            Claim c = claims.recordPayment(
                    ClaimId.ofRequest(id), version(version), date("paidOn", paidOn), reference, me);
            return forms.message("claim.page.done.paid", c.claimNumber(), formats.rupiah(c.total()));
        });
    }

    /**
     * A yearly scholarship on proof of enrolment: paid (the amount and its formula as the flash) or refused (the
     * rule's message and legal basis shown in the scholarship section — a normal outcome, not an error).
     */
    @PostMapping("/klaim/{id:\\d+}/beasiswa")
    String scholarshipYear(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String childId,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String schoolYear,
            @RequestParam(defaultValue = "false") boolean married,
            @RequestParam(defaultValue = "false") boolean working,
            RedirectAttributes redirect)
            throws IOException {
        return forms.act(id, redirect, "#scholarship", me -> {
            Integer year = schoolYear(schoolYear);
            ClaimId claim = ClaimId.ofRequest(id);
            ClaimManagement.ScholarshipYearDecision d = claims.scholarshipYear(
                    claim, new ScholarshipYearRequest(blank(childId), blank(level), year, married, working), me);
            String child = childName(claims.get(claim, me), d.childId());
            String yearLabel = ScholarshipPlanner.label(d.schoolYear());
            Claim.Refusal refusal = d.refusal();
            if (refusal != null) {
                Locale locale = LocaleContextHolder.getLocale();
                redirect.addFlashAttribute(
                        "scholarshipRefusal",
                        forms.message("claim.page.scholarship.refused", child, yearLabel) + ": "
                                + texts.message(refusal.messageKey(), refusal.args(), locale));
                redirect.addFlashAttribute("scholarshipRefusalBasis", refusal.legalBasis());
                return null;
            }
            return forms.message(
                    "claim.page.scholarship.done",
                    child,
                    yearLabel,
                    formats.rupiah(d.amount()),
                    d.formula() == null ? "" : d.formula());
        });
    }

    private static @Nullable Integer schoolYear(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    FieldIssue.error("schoolYear", "claim.page.scholarship.yearInvalid", value));
        }
    }

    private static String childName(Claim c, String childId) {
        return ClaimDetailPages.intakeChildren(c).stream()
                .filter(o -> o.value().equals(childId))
                .map(Option::label)
                .findFirst()
                .orElse(childId);
    }
}
