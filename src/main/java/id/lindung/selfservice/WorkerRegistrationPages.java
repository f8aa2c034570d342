package id.lindung.selfservice;

import id.lindung.access.WorkerSessions;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Sector;
import id.lindung.participant.Phones;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionProperties;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.web.ClientAddress;
import id.lindung.shared.web.PageMessages;
import id.lindung.shared.web.RegionChoice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Daftar sendiri sebagai BPU" (issue 19), for a phone: the phone first, proved by a code sent to it; then NIK (birth
 * date and sex read from it), name, desa, occupation, sector and declared income. A NIK already registered is told
 * to sign in with a code to the registered phone, and nothing is written. A registered worker is signed in and sees
 * the bill and its virtual account at once.
 */
@Controller
class WorkerRegistrationPages {

    static final String PENDING_PHONE = "selfservice.pendingPhone";
    static final String VERIFIED_PHONE = "selfservice.verifiedPhone";

    /** The registration form as the browser posts it. */
    static class RegistrationForm extends RegionChoice {
        private @Nullable String nik;
        private @Nullable String fullName;
        private @Nullable String occupation;
        private @Nullable Sector sector;
        private @Nullable String declaredIncome;

        public @Nullable String getNik() {
            return nik;
        }

        public void setNik(@Nullable String nik) {
            this.nik = nik;
        }

        public @Nullable String getFullName() {
            return fullName;
        }

        public void setFullName(@Nullable String fullName) {
            this.fullName = fullName;
        }

        public @Nullable String getOccupation() {
            return occupation;
        }

        public void setOccupation(@Nullable String occupation) {
            this.occupation = occupation;
        }

        public @Nullable Sector getSector() {
            return sector;
        }

        public void setSector(@Nullable Sector sector) {
            this.sector = sector;
        }

        public @Nullable String getDeclaredIncome() {
            return declaredIncome;
        }

        public void setDeclaredIncome(@Nullable String declaredIncome) {
            this.declaredIncome = declaredIncome;
        }

        WorkerAccounts.Application application() {
            String digits = declaredIncome == null ? "" : declaredIncome.replaceAll("[^0-9]", "");
            Long income = digits.isEmpty() || digits.length() > 12 ? null : Long.parseLong(digits);
            return new WorkerAccounts.Application(nik, fullName, getRegionCode(), occupation, sector, income);
        }
    }

    private final WorkerAccounts accounts;
    private final WorkerSessions sessions;
    private final RegionDirectory regions;
    private final EnrolmentManagement enrolment;
    private final PageMessages messages;
    private final String homeProvince;

    WorkerRegistrationPages(
            WorkerAccounts accounts,
            WorkerSessions sessions,
            RegionDirectory regions,
            EnrolmentManagement enrolment,
            PageMessages messages,
            RegionProperties region) {
        this.homeProvince = region.homeProvince();
        this.accounts = accounts;
        this.sessions = sessions;
        this.regions = regions;
        this.enrolment = enrolment;
        this.messages = messages;
    }

    @GetMapping("/saya/daftar")
    String phoneForm() {
        return "selfservice/register-phone";
    }

    @PostMapping("/saya/daftar")
    String requestCode(
            @RequestParam(defaultValue = "") String phone,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String stored = Phones.asStored(phone);
        if (stored == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", messages.message("phone.format"));
            return "selfservice/register-phone";
        }
        if (!accounts.requestRegistrationCode(stored, ClientAddress.of(request))) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("refusal", messages.message("selfservice.limited"));
            return "selfservice/register-phone";
        }
        request.getSession().setAttribute(PENDING_PHONE, stored);
        return "redirect:/saya/daftar/kode";
    }

    @GetMapping("/saya/daftar/kode")
    String codeForm(HttpSession session, Model model) {
        if (session.getAttribute(PENDING_PHONE) == null) {
            return "redirect:/saya/daftar";
        }
        model.addAttribute("sent", messages.message("selfservice.register.sent"));
        model.addAttribute("action", "/saya/daftar/kode");
        return "selfservice/code";
    }

    @PostMapping("/saya/daftar/kode")
    String verify(
            @RequestParam(defaultValue = "") String code,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        if (!(session.getAttribute(PENDING_PHONE) instanceof String phone)) {
            return "redirect:/saya/daftar";
        }
        if (!accounts.verifyPhone(phone, code)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", messages.message("selfservice.code.wrong"));
            model.addAttribute("action", "/saya/daftar/kode");
            return "selfservice/code";
        }
        session.removeAttribute(PENDING_PHONE);
        session.setAttribute(VERIFIED_PHONE, phone);
        return "redirect:/saya/daftar/data";
    }

    @GetMapping("/saya/daftar/data")
    String form(HttpSession session, @ModelAttribute("form") RegistrationForm form, Model model) {
        if (session.getAttribute(VERIFIED_PHONE) == null) {
            return "redirect:/saya/daftar";
        }
        return show(form, model);
    }

    @PostMapping("/saya/daftar/data")
    String register(
            @ModelAttribute("form") RegistrationForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        HttpSession session = request.getSession();
        if (!(session.getAttribute(VERIFIED_PHONE) instanceof String phone)) {
            return "redirect:/saya/daftar";
        }
        WorkerAccounts.Registration result;
        try {
            result = accounts.register(phone, form.application(), ClientAddress.of(request));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", messages.refusal(e, "selfservice.field."));
            return show(form, model);
        }
        if (result instanceof WorkerAccounts.Registered done) {
            session.removeAttribute(VERIFIED_PHONE);
            sessions.signIn(done.participantId(), request, response);
            return "redirect:/saya?terdaftar";
        }
        if (result instanceof WorkerAccounts.AlreadyRegistered) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errors", List.of(messages.message("selfservice.register.already")));
            model.addAttribute("alreadyRegistered", true);
        } else {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("errors", List.of(messages.message("selfservice.limited")));
        }
        return show(form, model);
    }

    /** The kecamatan of a kab/kota or the desa of a kecamatan, for the form's pickers. */
    @GetMapping("/saya/wilayah")
    String regionOptions(
            @RequestParam(required = false) String kabKota,
            @RequestParam(required = false) String kecamatan,
            Model model) {
        String parent = kecamatan != null && !kecamatan.isBlank() ? kecamatan : kabKota;
        model.addAttribute("options", parent == null || parent.isBlank() ? List.of() : regions.children(parent));
        return "fragments/region-options :: options";
    }

    private String show(RegistrationForm form, Model model) {
        model.addAttribute("kabKotaOptions", regions.kabKotaWithin(homeProvince));
        model.addAttribute("kecamatanOptions", children(form.getKabKota()));
        model.addAttribute("desaOptions", children(form.getKecamatan()));
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("minIncome", enrolment.bpuMinIncome());
        return "selfservice/register";
    }

    private List<Region> children(@Nullable String parent) {
        return parent == null || parent.isBlank() ? List.of() : regions.children(parent);
    }
}
