package id.lindung.claim.web;

import id.lindung.claim.ClaimId;
import id.lindung.claim.ClaimManagement;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A document added to a claim from its page ({@code /klaim/{id}/dokumen}); documents are opened through the API. */
@Controller
class ClaimDocumentPages {

    private final ClaimManagement claims;
    private final ClaimStepForms forms;

    ClaimDocumentPages(ClaimManagement claims, ClaimStepForms forms) {
        this.claims = claims;
        this.forms = forms;
    }

    @PostMapping("/klaim/{id:\\d+}/dokumen")
    String addDocument(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String documentType,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        return forms.act(id, redirect, "#dokumen", me -> {
            byte[] content = file == null ? null : file.getBytes();
            String name = file == null ? null : file.getOriginalFilename();
            claims.addDocument(ClaimId.ofRequest(id), documentType, name, content, me);
            return forms.message("claim.page.done.document", name == null || name.isBlank() ? "dokumen" : name);
        });
    }
}
