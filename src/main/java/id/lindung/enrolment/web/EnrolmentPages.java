package id.lindung.enrolment.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.Employer;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentPolicy;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.NewEmployer;
import id.lindung.enrolment.Programme;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.region.RegionProperties;
import id.lindung.shared.Indonesian;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.PageResult;
import id.lindung.shared.web.FormPosts;
import id.lindung.shared.web.PageMessages;
import id.lindung.shared.web.RegionChoice;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Enrolment pages: a participant's memberships with an enrolment form ({@code /peserta/{id}/kepesertaan}), and the
 * employers of the user's area with a registration form ({@code /pemberi-kerja}). Each membership's status (protected,
 * paid up to, arrears) belongs to the contribution module, which depends on this one: the page loads it with htmx
 * from {@code /kepesertaan/{id}/status} instead of calling that module. Region pickers use the shell's
 * {@code /ui/regions/options}.
 */
@Controller
class EnrolmentPages {

    /** Segments a person is enrolled in one by one (construction is enrolled per project). */
    static final List<Segment> PERSONAL_SEGMENTS = List.of(Segment.BPU, Segment.PU, Segment.PMI);

    private static final int EMPLOYER_OPTIONS = 200;

    private final EnrolmentManagement enrolment;
    private final ParticipantManagement participants;
    private final CurrentUser currentUser;
    private final PageMessages messages;
    private final Clock clock;
    private final EnrolmentPolicy policy;
    private final String homeProvince;

    EnrolmentPages(
            EnrolmentManagement enrolment,
            ParticipantManagement participants,
            CurrentUser currentUser,
            PageMessages messages,
            Clock clock,
            EnrolmentPolicy policy,
            RegionProperties region) {
        this.homeProvince = region.homeProvince();
        this.policy = policy;
        this.enrolment = enrolment;
        this.participants = participants;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------- memberships

    @GetMapping("/peserta/{id}/kepesertaan")
    String memberships(@PathVariable long id, Model model) {
        LindungUser me = currentUser.require();
        Participant p = participants.get(ParticipantId.ofRequest(id), me);
        EnrolmentForm form = new EnrolmentForm();
        form.setSegment(Segment.BPU);
        form.setSector(Sector.OTHER);
        form.setStartMonth(YearMonth.now(clock));
        return membershipsPage(model, p, form, me);
    }

    @PostMapping("/peserta/{id}/kepesertaan")
    String enrol(
            @PathVariable long id,
            @ModelAttribute("enrolmentForm") EnrolmentForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LindungUser me = currentUser.require();
        Participant p = participants.get(ParticipantId.ofRequest(id), me);
        return FormPosts.post(
                binding,
                response,
                EnrolmentForm.FIELDS,
                () -> {
                    Membership m = enrolment.enrol(form.toRequest(id), me);
                    redirect.addFlashAttribute(
                            "flashMessage",
                            message(
                                    "enrolment.page.enrolled",
                                    message("segment." + m.segment()),
                                    monthName(m.startMonth())));
                    return "redirect:/peserta/" + id + "/kepesertaan#membership-" + m.id();
                },
                () -> membershipsPage(model, p, form, me));
    }

    private String membershipsPage(Model model, Participant p, EnrolmentForm form, LindungUser me) {
        List<Membership> memberships = enrolment.membershipsOf(ParticipantId.of(p.id()), me);
        Map<Long, String> employerNames = new HashMap<>();
        for (Membership m : memberships) {
            if (m.employerId() != null && !employerNames.containsKey(m.employerId())) {
                employerNames.put(m.employerId(), employerName(m.employerId(), me));
            }
        }
        YearMonth thisMonth = YearMonth.now(clock);
        model.addAttribute("p", p);
        model.addAttribute("memberships", memberships);
        model.addAttribute("employerNames", employerNames);
        model.addAttribute("thisMonth", thisMonth);
        model.addAttribute("enrolmentForm", form);
        model.addAttribute("canEnrol", policy.mayEnrolDirectly(me));
        model.addAttribute("segments", policy.isOfficer(me) ? PERSONAL_SEGMENTS : List.of(Segment.BPU));
        model.addAttribute("channels", channelsFor(me));
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("optionalProgrammes", optionalProgrammes());
        model.addAttribute(
                "employers",
                enrolment.searchEmployers(null, 0, EMPLOYER_OPTIONS, me).items());
        model.addAttribute("bpuMinIncome", enrolment.bpuMinIncome());
        model.addAttribute("ui", new Ui());
        return "enrolment/memberships";
    }

    private String employerName(long employerId, LindungUser me) {
        try {
            Employer e = enrolment.employer(employerId, me);
            return e.name() + " (" + e.npp() + ")";
        } catch (NotFoundException outsideScope) {
            return "#" + employerId;
        }
    }

    /** Channels a user may enrol through on this page (the policy refuses the others; banks use the KUR list). */
    private static List<Channel> channelsFor(LindungUser me) {
        return switch (me.role()) {
            case ADMIN, OFFICER -> List.of(Channel.values());
            case AGENT -> List.of(Channel.AGENT);
            case BANK_OFFICER, GOV_ANALYST -> List.of();
        };
    }

    private static Set<Programme> optionalProgrammes() {
        Set<Programme> optional = EnumSet.noneOf(Programme.class);
        PERSONAL_SEGMENTS.forEach(s -> optional.addAll(s.optional()));
        return optional;
    }

    // ------------------------------------------------------------------------------------------------ employers

    @GetMapping("/pemberi-kerja")
    String employers(
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        return employersPage(model, q, page, new EmployerForm(), currentUser.require());
    }

    @PostMapping("/pemberi-kerja")
    String registerEmployer(
            @ModelAttribute("employerForm") EmployerForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LindungUser me = currentUser.require();
        return FormPosts.post(
                binding,
                response,
                EmployerForm.FIELDS,
                () -> {
                    Employer saved = enrolment.registerEmployer(form.toNewEmployer(), me);
                    redirect.addFlashAttribute(
                            "flashMessage", message("employer.page.registered", saved.name(), saved.npp()));
                    return "redirect:/pemberi-kerja?q=" + saved.npp();
                },
                () -> employersPage(model, null, 0, form, me));
    }

    /** {@code <option>}s of the employers matching a text, for the enrolment form's employer list (htmx). */
    @GetMapping("/pemberi-kerja/pilihan")
    String employerOptions(@RequestParam(required = false) String q, Model model) {
        model.addAttribute(
                "employers",
                enrolment
                        .searchEmployers(q, 0, EMPLOYER_OPTIONS, currentUser.require())
                        .items());
        return "enrolment/memberships :: employerOptions";
    }

    private String employersPage(Model model, @Nullable String q, int page, EmployerForm form, LindungUser me) {
        PageResult<Employer> result = enrolment.searchEmployers(q, page, 20, me);
        String scope = me.scope().code();
        if ((form.getKabKota() == null || form.getKabKota().isBlank()) && scope.length() == 5) {
            form.setKabKota(scope);
        }
        model.addAttribute("q", q);
        model.addAttribute("result", result);
        model.addAttribute("employerForm", form);
        model.addAttribute("canRegister", policy.isOfficer(me));
        model.addAttribute("province", scope.isEmpty() ? homeProvince : scope.substring(0, 2));
        return "enrolment/employers";
    }

    private String message(String code, Object... args) {
        return messages.message(code, args);
    }

    static String monthName(@Nullable YearMonth month) {
        return month == null ? "" : month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Ui.locale()));
    }

    /** Small formats for the templates ({@code ${ui.month(m)}}). */
    public static final class Ui {

        static Locale locale() {
            return Indonesian.formatLocale(LocaleContextHolder.getLocale());
        }

        /** "Mei 2026". */
        public String month(@Nullable YearMonth month) {
            return monthName(month);
        }

        /** "JKK, JKM, JHT" in the programmes' order. */
        public String programmes(Set<Programme> programmes) {
            return programmes.isEmpty()
                    ? ""
                    : String.join(
                            ", ",
                            EnumSet.copyOf(programmes).stream().map(Enum::name).toList());
        }
    }

    // ---------------------------------------------------------------------------------------------------- forms

    /** The enrolment form as the browser posts it. */
    public static class EnrolmentForm {

        static final Set<String> FIELDS = Set.of(
                "segment",
                "channel",
                "programmes",
                "employerId",
                "baseAmount",
                "sector",
                "governmentPaid",
                "startMonth",
                "contractMonths");

        private @Nullable Segment segment;
        private @Nullable Channel channel;
        private Set<Programme> programmes = new LinkedHashSet<>();
        private @Nullable Long employerId;
        private @Nullable Long baseAmount;
        private @Nullable Sector sector;
        private boolean governmentPaid;

        @DateTimeFormat(pattern = "yyyy-MM")
        private @Nullable YearMonth startMonth;

        private @Nullable Integer contractMonths;

        EnrolmentRequest toRequest(long participantId) {
            // fields of other segments may still hold what was typed before the segment changed: send only ours
            boolean pu = segment == Segment.PU;
            boolean pmi = segment == Segment.PMI;
            Set<Programme> optional = new LinkedHashSet<>();
            if (programmes != null && segment != null) {
                programmes.stream().filter(p -> segment.optional().contains(p)).forEach(optional::add);
            }
            Long base = pmi && !optional.contains(Programme.JHT) ? null : baseAmount;
            return new EnrolmentRequest(
                    participantId,
                    segment,
                    channel,
                    optional,
                    pu ? employerId : null,
                    base,
                    sector,
                    segment == Segment.BPU && governmentPaid,
                    startMonth,
                    pmi ? contractMonths : null);
        }

        public @Nullable Segment getSegment() {
            return segment;
        }

        public void setSegment(@Nullable Segment segment) {
            this.segment = segment;
        }

        public @Nullable Channel getChannel() {
            return channel;
        }

        public void setChannel(@Nullable Channel channel) {
            this.channel = channel;
        }

        public Set<Programme> getProgrammes() {
            return programmes;
        }

        public void setProgrammes(Set<Programme> programmes) {
            this.programmes = programmes;
        }

        public @Nullable Long getEmployerId() {
            return employerId;
        }

        public void setEmployerId(@Nullable Long employerId) {
            this.employerId = employerId;
        }

        public @Nullable Long getBaseAmount() {
            return baseAmount;
        }

        public void setBaseAmount(@Nullable Long baseAmount) {
            this.baseAmount = baseAmount;
        }

        public @Nullable Sector getSector() {
            return sector;
        }

        public void setSector(@Nullable Sector sector) {
            this.sector = sector;
        }

        public boolean isGovernmentPaid() {
            return governmentPaid;
        }

        public void setGovernmentPaid(boolean governmentPaid) {
            this.governmentPaid = governmentPaid;
        }

        public @Nullable YearMonth getStartMonth() {
            return startMonth;
        }

        public void setStartMonth(@Nullable YearMonth startMonth) {
            this.startMonth = startMonth;
        }

        public @Nullable Integer getContractMonths() {
            return contractMonths;
        }

        public void setContractMonths(@Nullable Integer contractMonths) {
            this.contractMonths = contractMonths;
        }
    }

    /** The employer registration form. The region is the finest level chosen: desa, else kecamatan, else kab/kota. */
    public static class EmployerForm extends RegionChoice {

        static final Set<String> FIELDS = Set.of("npp", "name", "riskClass", "kbli", "regionCode");

        private @Nullable String npp;
        private @Nullable String name;
        private @Nullable Integer riskClass;
        private @Nullable String kbli;

        NewEmployer toNewEmployer() {
            return new NewEmployer(
                    npp == null ? null : npp.trim().toUpperCase(Locale.ROOT), name, riskClass, kbli, finestRegion());
        }

        public @Nullable String getNpp() {
            return npp;
        }

        public void setNpp(@Nullable String npp) {
            this.npp = npp;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public @Nullable Integer getRiskClass() {
            return riskClass;
        }

        public void setRiskClass(@Nullable Integer riskClass) {
            this.riskClass = riskClass;
        }

        public @Nullable String getKbli() {
            return kbli;
        }

        public void setKbli(@Nullable String kbli) {
            this.kbli = kbli;
        }
    }
}
