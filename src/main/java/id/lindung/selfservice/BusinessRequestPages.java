package id.lindung.selfservice;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.shared.ConflictException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.web.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The officer's page of UMKM owners' pending requests (issue 19 point 5): employees proposed for PU and people whose
 * NIK was registered already, in the officer's scope; confirm (with the employer's NPP and JKK risk class when the
 * business has no employer record yet) or refuse. Staff officers and administrators only.
 */
@Controller
class BusinessRequestPages {

    private final BusinessOwners owners;
    private final CurrentUser currentUser;
    private final PageMessages messages;

    BusinessRequestPages(BusinessOwners owners, CurrentUser currentUser, PageMessages messages) {
        this.owners = owners;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/umkm/permintaan")
    String requests(Model model) {
        return show(currentUser.require(), model);
    }

    @PostMapping("/umkm/permintaan/{id}/setujui")
    String confirm(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String npp,
            @RequestParam(required = false) @Nullable Integer riskClass,
            HttpServletResponse response,
            Model model) {
        LindungUser officer = currentUser.require();
        try {
            owners.confirm(id, npp, riskClass, officer);
            return "redirect:/umkm/permintaan?disetujui";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", messages.refusal(e, "selfservice.field."));
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errors", messages.refusal(e, "selfservice.field."));
        }
        return show(officer, model);
    }

    @PostMapping("/umkm/permintaan/{id}/tolak")
    String refuse(@PathVariable long id) {
        owners.refuse(id, currentUser.require());
        return "redirect:/umkm/permintaan?ditolak";
    }

    private String show(LindungUser officer, Model model) {
        model.addAttribute("requests", owners.pending(officer));
        return "selfservice/requests";
    }
}
