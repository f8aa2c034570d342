package id.lindung.participant.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.BulkReads;
import id.lindung.access.CurrentUser;
import id.lindung.access.Disclosure;
import id.lindung.access.LindungUser;
import id.lindung.access.NikDisplay;
import id.lindung.participant.BusinessScale;
import id.lindung.participant.NewBusiness;
import id.lindung.participant.NewRelative;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.ParticipantPolicy;
import id.lindung.participant.ParticipantStatus;
import id.lindung.participant.ParticipantSummary;
import id.lindung.participant.RegistrationResult;
import id.lindung.participant.RelationType;
import id.lindung.participant.SearchCriteria;
import id.lindung.participant.Sex;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionLevel;
import id.lindung.region.RegionProperties;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.PageResult;
import id.lindung.shared.crypto.NikMask;
import id.lindung.shared.tabular.CsvWriter;
import id.lindung.shared.web.Codes;
import id.lindung.shared.web.CsvDownload;
import id.lindung.shared.web.FormPosts;
import id.lindung.shared.web.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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

/** Participant pages: search, detail, registration and edit forms, family, businesses, duplicate review. */
@Controller
class ParticipantPages {

    /** The registration and edit form's own fields: the service's issues on them stand next to them. */
    private static final Set<String> FORM_FIELDS =
            Set.of("nik", "fullName", "birthDate", "sex", "regionCode", "phone", "occupation", "status");

    private final ParticipantPolicy policy;
    private final ParticipantManagement participants;
    private final RegionDirectory regions;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final PageMessages messages;
    private final BulkReads bulkReads;

    private final tools.jackson.databind.json.JsonMapper json;
    private final ChangeSentences changeSentences;
    private final Codes codes;
    private final String homeProvince;
    private final Clock clock;

    ParticipantPages(
            ParticipantManagement participants,
            RegionDirectory regions,
            CurrentUser currentUser,
            AuditTrail audit,
            PageMessages messages,
            tools.jackson.databind.json.JsonMapper json,
            ParticipantPolicy policy,
            BulkReads bulkReads,
            RegionProperties region,
            Clock clock,
            ChangeSentences changeSentences,
            Codes codes) {
        this.clock = clock;
        this.homeProvince = region.homeProvince();
        this.codes = codes;
        this.changeSentences = changeSentences;
        this.json = json;
        this.policy = policy;
        this.bulkReads = bulkReads;
        this.participants = participants;
        this.regions = regions;
        this.currentUser = currentUser;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/peserta")
    String search(
            @RequestParam(required = false) String nik,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Model model) {
        LindungUser me = currentUser.require();
        SearchCriteria criteria = new SearchCriteria(nik, name, region);
        model.addAttribute("criteria", criteria);
        PageResult<ParticipantSummary> result;
        try {
            result = participants.search(criteria, page, size, me);
        } catch (InvalidInputException e) {
            // a NIK filter refused (too few digits, or more of a masked NIK than its last four): said, nothing read
            model.addAttribute(
                    "searchErrors", e.issues().stream().map(this::message).toList());
            result = new PageResult<>(List.of(), 0, size, 0, false);
        }
        bulkReads.listed(
                "participants",
                me.scope().narrow(region).orElse(me.scope().code()),
                searchFilter("page", nik, name, region, page, size),
                result.items().size());
        model.addAttribute("result", result);
        model.addAttribute("seesFullNik", Disclosure.seesIdentity(me));
        model.addAttribute("kabKotaOptions", kabKotaOptions(me));
        model.addAttribute("regions", regions);
        return "participant/search";
    }

    /** The audit line's filter of a registry search page: NIK masked, like the registry's own lines. */
    static Map<String, Object> searchFilter(String view, String nik, String name, String region, int page, int size) {
        return BulkReads.filter(
                "view",
                view,
                "nik",
                nik == null || nik.isBlank() ? null : NikMask.mask(nik),
                "name",
                name,
                "region",
                region,
                "page",
                page,
                "size",
                size);
    }

    @GetMapping("/peserta/ekspor.csv")
    void export(
            @RequestParam(required = false) String nik,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String region,
            HttpServletResponse response)
            throws IOException {
        LindungUser me = currentUser.require();
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("nik", NikMask.mask(nik)); // the trail keeps NIKs masked, like the registry's own lines
        filters.put("name", name);
        filters.put("region", region);
        filters.put("maxRows", ParticipantManagement.MAX_EXPORT_ROWS);
        // streamed: the rows are counted first (the search's count, capped like the export), and that count is what
        // the audit line and the hourly budget hold
        var count = participants.search(new SearchCriteria(nik, name, region), 0, 1, me);
        long rows = count.totalCapped()
                ? ParticipantManagement.MAX_EXPORT_ROWS
                : Math.min(count.total(), ParticipantManagement.MAX_EXPORT_ROWS);
        bulkReads.exported(
                "participants.csv", me.scope().narrow(region).orElse(me.scope().code()), filters, rows);
        CsvWriter out = CsvDownload.start(response, "peserta-lindung.csv");
        out.row(
                "NIK",
                "Nama",
                "Tanggal lahir",
                "Jenis kelamin",
                "Kode desa",
                "Desa",
                "Kecamatan",
                "Kabupaten/Kota",
                "Status",
                "Jenis kelamin (keterangan)",
                "Status (keterangan)");
        participants.export(
                new SearchCriteria(nik, name, region),
                me,
                p -> out.row(
                        NikDisplay.show(p.nik(), me),
                        p.fullName(),
                        Disclosure.seesIdentity(me)
                                ? p.birthDate()
                                : Integer.toString(
                                        Objects.requireNonNull(p.birthDate()).getYear()), // rows come undisclosed
                        p.sex().name(),
                        p.regionCode(),
                        regions.nameOf(p.regionCode()),
                        regions.nameOf(p.regionCode().substring(0, 8)),
                        regions.nameOf(p.regionCode().substring(0, 5)),
                        p.status().name(),
                        codes.label(p.sex()),
                        codes.label(p.status())));
        out.flush();
    }

    @GetMapping("/peserta/baru")
    String newForm(Model model) {
        LindungUser me = requireWriter();
        ParticipantForm form = new ParticipantForm();
        if (me.scope().kabKota()) {
            form.setKabKota(me.scope().code());
        }
        return form(model, form, me, null);
    }

    @PostMapping("/peserta/baru")
    String register(
            @ModelAttribute("form") ParticipantForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LindungUser me = currentUser.require();
        form.fillFromNik(LocalDate.now(clock));
        return FormPosts.post(
                binding,
                response,
                FORM_FIELDS,
                () -> {
                    RegistrationResult result = participants.register(form.toDetails(), me);
                    redirect.addFlashAttribute(
                            "flashMessage",
                            message(
                                    "participant.registered",
                                    result.participant().fullName()));
                    redirect.addFlashAttribute(
                            "flashWarnings",
                            result.warnings().stream().map(this::message).toList());
                    return "redirect:/peserta/" + result.participant().id();
                },
                () -> form(model, form, me, null));
    }

    @GetMapping("/peserta/{id}")
    String detail(@PathVariable long id, Model model) {
        LindungUser me = currentUser.require();
        ParticipantId participant = ParticipantId.ofRequest(id);
        Participant p = participants.get(participant, me);
        audit.recordRead(
                AuditTrail.PARTICIPANT_VIEWED,
                "participant",
                Long.toString(id),
                p.regionCode(),
                Map.of("view", "page"));
        model.addAttribute("p", p);
        model.addAttribute("mayReport", policy.mayReadDataReport(me));
        model.addAttribute("relatives", participants.relatives(participant, me));
        model.addAttribute("businesses", participants.businessesOf(participant, me));
        model.addAttribute(
                "history",
                changeSentences.of(audit.history("participant", Long.toString(id)).stream()
                        .map(e -> e.withChanges(Disclosure.auditChanges(e.changesJson(), me, json)))
                        .toList()));
        model.addAttribute("regions", regions);
        model.addAttribute("relationTypes", RelationType.values());
        model.addAttribute("scales", BusinessScale.values());
        model.addAttribute(
                "nikWarnings",
                p.nikWarnings().stream()
                        .map(code -> message(
                                code, p.nik().substring(0, 6), Region.fromNikDigits(p.nik(), RegionLevel.KECAMATAN)))
                        .toList());
        return "participant/detail";
    }

    @GetMapping("/peserta/{id}/ubah")
    String editForm(@PathVariable long id, Model model) {
        LindungUser me = requireWriter();
        Participant p = participants.get(ParticipantId.ofRequest(id), me);
        audit.recordRead(
                AuditTrail.PARTICIPANT_VIEWED,
                "participant",
                Long.toString(id),
                p.regionCode(),
                Map.of("view", "edit-form"));
        ParticipantForm form = ParticipantForm.of(p);
        form.setNik(NikDisplay.show(form.getNik(), me)); // masked stays unchanged when sent back
        if (!Disclosure.seesIdentity(me)) {
            form.setBirthDate(null); // shown as its year; the identity is an officer's to change
        }
        model.addAttribute("birthYear", p.birthDate().getYear());
        return form(model, form, me, id);
    }

    @PostMapping("/peserta/{id}/ubah")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ParticipantForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LindungUser me = currentUser.require();
        ParticipantId participant = ParticipantId.ofRequest(id);
        participants.get(participant, me);
        return FormPosts.post(
                binding,
                response,
                FORM_FIELDS,
                () -> {
                    Participant saved = participants.update(participant, form.toDetails(), form.getVersion(), me);
                    redirect.addFlashAttribute("flashMessage", message("participant.updated", saved.fullName()));
                    return "redirect:/peserta/" + id;
                },
                () -> form(model, form, me, id));
    }

    @PostMapping("/peserta/{id}/keluarga")
    String addRelative(
            @PathVariable long id,
            @RequestParam(required = false) RelationType relation,
            @RequestParam(required = false) String fullName,
            @RequestParam(required = false) String nik,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(required = false) Sex sex,
            @RequestParam(defaultValue = "false") boolean heir,
            RedirectAttributes redirect) {
        try {
            participants.addRelative(
                    ParticipantId.ofRequest(id),
                    new NewRelative(relation, fullName, nik, birthDate, sex, heir),
                    currentUser.require());
            redirect.addFlashAttribute("flashMessage", message("relative.added", fullName));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("relativeErrors", fieldMessages(e.issues()));
        }
        return "redirect:/peserta/" + id + "#keluarga";
    }

    @PostMapping("/peserta/{id}/usaha")
    String addBusiness(
            @PathVariable long id,
            @RequestParam(required = false) String nib,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String kbli,
            @RequestParam(required = false) BusinessScale scale,
            @RequestParam(required = false) Integer workerCount,
            RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        Participant owner = participants.get(ParticipantId.ofRequest(id), me);
        try {
            participants.registerBusiness(
                    new NewBusiness(nib, name, id, kbli, scale, owner.regionCode(), workerCount), me);
            redirect.addFlashAttribute("flashMessage", message("business.added", name));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("businessErrors", fieldMessages(e.issues()));
        }
        return "redirect:/peserta/" + id + "#usaha";
    }

    @GetMapping("/peserta/duplikat")
    String duplicates(@RequestParam(defaultValue = "0") int page, Model model) {
        LindungUser me = currentUser.require();
        var open = participants.openDuplicates(page, 20, me);
        bulkReads.listed(
                "participant-duplicates",
                me.scope().code(),
                BulkReads.filter("view", "page", "page", page, "size", 20),
                2L * open.items().size()); // two participants a pair
        model.addAttribute("result", open);
        model.addAttribute("regions", regions);
        return "participant/duplicates";
    }

    @PostMapping("/peserta/duplikat/{id}/{otherId}")
    String resolve(
            @PathVariable long id,
            @PathVariable long otherId,
            @RequestParam boolean confirmed,
            RedirectAttributes redirect) {
        participants.resolveDuplicate(
                ParticipantId.ofRequest(id), ParticipantId.ofRequest(otherId), confirmed, currentUser.require());
        redirect.addFlashAttribute("flashMessage", message(confirmed ? "duplicate.confirmed" : "duplicate.dismissed"));
        return "redirect:/peserta/duplikat";
    }

    /**
     * The signed-in user, if their role may write the registry: the forms are not shown to read-only roles (whose
     * menus do not offer them), as posting them would be refused anyway.
     */
    private LindungUser requireWriter() {
        LindungUser me = currentUser.require();
        policy.checkWrite(me);
        return me;
    }

    /** Renders the registration form, or the edit form when {@code editing} names a participant. */
    private String form(Model model, ParticipantForm form, LindungUser me, @Nullable Long editing) {
        model.addAttribute("form", form);
        model.addAttribute("edit", editing != null);
        model.addAttribute("identityLocked", editing != null && !Disclosure.seesIdentity(me));
        model.addAttribute("formAction", editing == null ? "/peserta/baru" : "/peserta/" + editing + "/ubah");
        model.addAttribute("kabKotaOptions", kabKotaOptions(me));
        model.addAttribute("kecamatanOptions", childrenInScope(form.getKabKota(), me));
        model.addAttribute("desaOptions", childrenInScope(form.getKecamatan(), me));
        model.addAttribute("statuses", ParticipantStatus.values());
        return "participant/form";
    }

    private List<Region> kabKotaOptions(LindungUser me) {
        String scope = me.scope().code();
        return regions.kabKotaWithin(scope.isEmpty() ? homeProvince : scope);
    }

    private List<Region> childrenInScope(@Nullable String parent, LindungUser me) {
        if (parent == null || parent.isBlank()) {
            return List.of();
        }
        return regions.children(parent).stream()
                .filter(r -> me.scope().includes(r.code()))
                .toList();
    }

    private List<String> fieldMessages(List<FieldIssue> issues) {
        return issues.stream()
                .filter(FieldIssue::isError)
                .map(i -> message("field." + i.field()) + ": " + message(i))
                .toList();
    }

    private String message(FieldIssue issue) {
        return message(issue.code(), issue.args().toArray());
    }

    private String message(String code, Object... args) {
        return messages.message(code, args);
    }
}
