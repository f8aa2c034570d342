package id.lindung.claim.web;

import static id.lindung.claim.web.ClaimStepForms.date;
import static id.lindung.claim.web.ClaimStepForms.version;

import id.lindung.claim.Claim;
import id.lindung.claim.ClaimId;
import id.lindung.claim.ClaimManagement;
import id.lindung.claim.ClaimStatus;
import id.lindung.shared.web.Formats;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Review and decision from the claim page: take the claim into one's queue, verify it, choose the scholarship
 * children, approve (four eyes above the threshold), reject with a reason, and correct a death recorded in error.
 */
@Controller
class ClaimDecisionPages {

    private final ClaimManagement claims;
    private final ClaimStepForms forms;
    private final Formats formats;

    ClaimDecisionPages(ClaimManagement claims, ClaimStepForms forms, Formats formats) {
        this.claims = claims;
        this.forms = forms;
        this.formats = formats;
    }

    @PostMapping("/klaim/{id:\\d+}/ambil")
    String assign(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            RedirectAttributes redirect)
            throws IOException {
        return forms.act(id, redirect, "", me -> {
            Claim c = claims.assign(ClaimId.ofRequest(id), version(version), me);
            return forms.message("claim.page.done.assigned", c.claimNumber());
        });
    }

    @PostMapping("/klaim/{id:\\d+}/verifikasi")
    String verify(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String documentsCompleteOn,
            RedirectAttributes redirect)
            throws IOException {
        return forms.act(id, redirect, "", me -> {
            Claim c = claims.verify(
                    ClaimId.ofRequest(id), version(version), date("documentsCompleteOn", documentsCompleteOn), me);
            return forms.message("claim.page.done.verified", formats.date(c.dueDate()));
        });
    }

    @PostMapping("/klaim/{id:\\d+}/setujui")
    String approve(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            RedirectAttributes redirect)
            throws IOException {
        return forms.act(id, redirect, "", me -> {
            Claim c = claims.approve(ClaimId.ofRequest(id), version(version), me);
            return c.status() == ClaimStatus.AWAITING_SECOND
                    ? forms.message("claim.page.done.firstApproval", c.claimNumber())
                    : forms.message("claim.page.done.approved", c.claimNumber());
        });
    }

    @PostMapping("/klaim/{id:\\d+}/tolak")
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect)
            throws IOException {
        return forms.act(id, redirect, "", me -> {
            Claim c = claims.reject(ClaimId.ofRequest(id), version(version), reason, me);
            return forms.message("claim.page.done.rejected", c.claimNumber());
        });
    }

    @PostMapping("/klaim/{id:\\d+}/anak-beasiswa")
    String chooseChildren(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(name = "chosen", required = false) @Nullable List<String> chosen,
            RedirectAttributes redirect)
            throws IOException {
        return forms.act(id, redirect, "#scholarship", me -> {
            Claim c = claims.chooseChildren(ClaimId.ofRequest(id), version, chosen, me);
            return forms.message("claim.page.done.childrenChosen", c.claimNumber());
        });
    }

    @PostMapping("/klaim/{id:\\d+}/koreksi-kematian")
    String correctDeath(
            @PathVariable long id, @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect)
            throws IOException {
        return forms.act(id, redirect, "#death", me -> {
            Claim c = claims.correctDeath(ClaimId.ofRequest(id), reason, me);
            return forms.message("claim.page.done.deathCorrected", c.claimNumber());
        });
    }
}
