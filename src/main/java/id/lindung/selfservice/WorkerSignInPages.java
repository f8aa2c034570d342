package id.lindung.selfservice;

import id.lindung.access.WorkerSessions;
import id.lindung.participant.NikRules;
import id.lindung.participant.Phones;
import id.lindung.shared.web.ClientAddress;
import id.lindung.shared.web.PageMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Masuk dengan kode" (issue 19): NIK and phone, then the code sent to the phone on the record. The first step answers
 * the same whatever was typed ("Jika data cocok, kode dikirim ke nomor terdaftar"); the NIK waits in the session for
 * the second step, and a right code signs the worker in ({@link WorkerSessions}).
 */
@Controller
class WorkerSignInPages {

    static final String PENDING_NIK = "selfservice.pendingNik";

    private final WorkerAccounts accounts;
    private final WorkerSessions sessions;
    private final PageMessages messages;

    WorkerSignInPages(WorkerAccounts accounts, WorkerSessions sessions, PageMessages messages) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.messages = messages;
    }

    @GetMapping("/saya/login")
    String form() {
        return "selfservice/login";
    }

    @PostMapping("/saya/login")
    String requestCode(
            @RequestParam(defaultValue = "") String nik,
            @RequestParam(defaultValue = "") String phone,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String canonical = NikRules.sixteenDigits(nik);
        if (canonical == null || Phones.asStored(phone) == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", messages.message("selfservice.sign-in.shape"));
            return "selfservice/login";
        }
        if (!accounts.requestSignInCode(canonical, phone, ClientAddress.of(request))) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("refusal", messages.message("selfservice.limited"));
            return "selfservice/login";
        }
        request.getSession().setAttribute(PENDING_NIK, canonical);
        return "redirect:/saya/login/kode";
    }

    @GetMapping("/saya/login/kode")
    String codeForm(HttpSession session, Model model) {
        if (session.getAttribute(PENDING_NIK) == null) {
            return "redirect:/saya/login";
        }
        model.addAttribute("sent", messages.message("selfservice.sign-in.sent"));
        model.addAttribute("action", "/saya/login/kode");
        return "selfservice/code";
    }

    @PostMapping("/saya/login/kode")
    String signIn(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        HttpSession session = request.getSession();
        if (!(session.getAttribute(PENDING_NIK) instanceof String nik)) {
            return "redirect:/saya/login";
        }
        Optional<Long> participant = accounts.signIn(nik, code);
        if (participant.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", messages.message("selfservice.code.wrong"));
            model.addAttribute("action", "/saya/login/kode");
            return "selfservice/code";
        }
        session.removeAttribute(PENDING_NIK);
        sessions.signIn(participant.get(), request, response);
        return "redirect:/saya";
    }
}
