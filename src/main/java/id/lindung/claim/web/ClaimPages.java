package id.lindung.claim.web;

import id.lindung.shared.Indonesian;
import id.lindung.access.Disclosure;
import id.lindung.claim.ClaimPolicy;
import id.lindung.access.AuditTrail;
import id.lindung.access.BulkReads;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.shared.crypto.NikMask;
import id.lindung.claim.Claim;
import id.lindung.claim.ClaimIntake;
import id.lindung.claim.ClaimManagement;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.ClaimSummary;
import id.lindung.claim.ScholarshipYearRequest;
import id.lindung.claim.benefit.BenefitRules;
import id.lindung.claim.benefit.ClaimKind;
import id.lindung.claim.benefit.DisabilityRow;
import id.lindung.claim.benefit.EducationLevel;
import id.lindung.claim.benefit.EventCause;
import id.lindung.claim.benefit.ScholarshipPlanner;
import id.lindung.claim.benefit.TransportMode;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.RelationType;
import id.lindung.participant.Relative;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.tabular.CsvWriter;
import id.lindung.shared.web.CsvDownload;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.PageResult;
import id.lindung.shared.web.Formats;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Claim pages: the work queue ({@code /klaim}: open claims by default, one status, mine only, search by claim number
 * or participant name, or one participant's claims with {@code ?peserta=}; CSV export of the same list), the intake
 * form ({@code /klaim/baru?peserta=}) and the claim page ({@code /klaim/{id}}: facts, breakdown with legal basis or
 * the refusal, scholarship plan, documents, history, and the workflow actions allowed for the status and role;
 * on an approved or paid claim that grants scholarships, the years paid and the yearly scholarship form, posted to
 * {@code /klaim/{id}/beasiswa}).
 *
 * <p>Every action posts the claim's {@code version}; a claim changed meanwhile, a refused step or a missing field
 * comes back to the claim page as a message, never as an error page.
 */
@Controller
class ClaimPages {

    /** The form's kind for a death: the cause decides JKK or JKM. */
    static final String DEATH = "DEATH";
    private static final int ROWS = 3;
    private static final int EXPORT_PAGE = 100;
    private static final Set<String> FORM_FIELDS = Set.of("kind", "cause", "eventDate", "homeCareStart", "stmbMonths",
            "wage", "note", "invoices", "transport", "disabilityCodes", "functionLosses", "heirs", "children");
    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)\\](.*)$");

    private final ClaimPolicy policy;
    private final ClaimManagement claims;
    private final ParticipantManagement participants;
    private final ClaimTexts texts;
    private final BenefitRules rules;
    private final CurrentUser currentUser;
    private final Formats formats;
    private final MessageSource messages;
    private final Clock clock;
    private final AuditTrail audit;
    private final BulkReads bulkReads;

    ClaimPages(ClaimManagement claims, ParticipantManagement participants, ClaimTexts texts, BenefitRules rules,
            CurrentUser currentUser, Formats formats, MessageSource messages, Clock clock, AuditTrail audit,
            ClaimPolicy policy, BulkReads bulkReads) {
        this.policy = policy;
        this.bulkReads = bulkReads;
        this.audit = audit;
        this.claims = claims;
        this.participants = participants;
        this.texts = texts;
        this.rules = rules;
        this.currentUser = currentUser;
        this.formats = formats;
        this.messages = messages;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------------- queue

    @GetMapping("/klaim")
    String queue(@RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "milik", defaultValue = "false") boolean mine,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(name = "peserta", required = false) @Nullable Long participantId,
            @RequestParam(defaultValue = "0") int page, Model model) {
        LindungUser me = currentUser.require();
        ClaimStatus chosen = status(status);
        if (participantId != null) {
            Participant p = participants.get(participantId, me);
            List<Row> rows = claims.ofParticipant(participantId, me).stream()
                    .map(c -> Row.of(c, p.fullName())).toList();
            model.addAttribute("participant", p);
            model.addAttribute("result", new PageResult<>(rows, 0, Math.max(rows.size(), 1), rows.size(), false));
        } else {
            model.addAttribute("participant", null);
            PageResult<ClaimSummary> result = claims.queue(chosen, mine, q, Math.max(page, 0), 20, me);
            bulkReads.listed("claims", me.scope().code(), queueFilter("page", chosen, mine, q, page, 20),
                    result.items().size());
            model.addAttribute("result", result.map(Row::of));
        }
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("mine", mine);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("canTakeIn", mayTakeIn(me));
        return "claim/queue";
    }

    /** The audit line's filter of a claim list page; a NIK searched for stays masked. */
    static Map<String, Object> queueFilter(String view, @Nullable ClaimStatus status, boolean mine, @Nullable String q,
            int page, int size) {
        String query = q != null && q.strip().matches("\\d{16}") ? NikMask.mask(q.strip()) : q;
        return BulkReads.filter("view", view, "status", status == null ? null : status.name(), "mine", mine, "q",
                query, "page", page, "size", size);
    }

    @GetMapping("/klaim/ekspor.csv")
    void export(@RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "milik", defaultValue = "false") boolean mine,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(name = "peserta", required = false) @Nullable Long participantId,
            HttpServletResponse response) throws IOException {
        LindungUser me = currentUser.require();
        ClaimStatus chosen = status(status);
        List<Row> rows = new ArrayList<>();
        if (participantId != null) {
            Participant p = participants.get(participantId, me);
            claims.ofParticipant(participantId, me).forEach(c -> rows.add(Row.of(c, p.fullName())));
        } else {
            for (int page = 0; ; page++) {
                PageResult<ClaimSummary> result = claims.queue(chosen, mine, q, page, EXPORT_PAGE, me);
                result.items().forEach(s -> rows.add(Row.of(s)));
                if (!result.hasNext()) {
                    break;
                }
            }
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", chosen == null ? null : chosen.name());
        filters.put("mine", mine);
        filters.put("q", q);
        filters.put("rows", rows.size());
        if (participantId != null) {
            filters.put("file", "claims.csv");
            audit.recordRead(AuditTrail.EXPORT_DOWNLOADED, "participant", Long.toString(participantId),
                    participants.get(participantId, me).regionCode(), filters);
        } else {
            bulkReads.exported("claims.csv", me.scope().code(), filters, rows.size());
        }
        CsvWriter out = CsvDownload.start(response, "klaim-lindung.csv");
        out.row("Nomor klaim", "ID peserta", "Peserta", "Jenis", "Tanggal kejadian", "Status", "Jumlah",
                "Memenuhi syarat", "Jatuh tempo", "Ditangani oleh");
        for (Row r : rows) {
            out.row(r.claimNumber(), r.participantId(), r.participantName(), r.kind(), r.eventDate(),
                    r.status().name(), r.total(), r.eligible() ? "ya" : "tidak", r.dueDate(), r.assignedTo());
        }
        out.flush();
    }

    private static @Nullable ClaimStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ClaimStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A line of the queue, from the queue itself or from one participant's claims. */
    public record Row(long id, String claimNumber, long participantId, String participantName, String kind,
            LocalDate eventDate, ClaimStatus status, long total, boolean eligible, @Nullable String assignedTo,
            @Nullable LocalDate dueDate) {

        static Row of(ClaimSummary s) {
            return new Row(s.id(), s.claimNumber(), s.participantId(), s.participantName(), s.kind(), s.eventDate(),
                    s.status(), s.total(), s.eligible(), s.assignedTo(), s.dueDate());
        }

        static Row of(Claim c, String participantName) {
            return new Row(c.id(), c.claimNumber(), c.participantId(), participantName, c.kind(), c.eventDate(),
                    c.status(), c.total(), c.eligible(), c.assignedTo(), c.dueDate());
        }
    }

    // --------------------------------------------------------------------------------------------------- intake

    @GetMapping("/klaim/baru")
    String newClaim(@RequestParam(name = "peserta", required = false) @Nullable Long participantId, Model model,
            RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        if (!mayTakeIn(me)) {
            // the intake form (with the worker's family) only for those who may take a claim in, as the queue
            throw new ForbiddenException("claim.role.intake", me.role().name());
        }
        if (participantId == null) {
            redirect.addFlashAttribute("flashWarnings", List.of(message("claim.page.intake.chooseParticipant")));
            return "redirect:/peserta";
        }
        Participant p = participants.get(participantId, me);
        ClaimForm form = new ClaimForm();
        form.setParticipantId(participantId);
        prefillFamily(form, participants.relatives(participantId, me).stream().map(r -> r.disclosedTo(me)).toList());
        return intakePage(model, form, p);
    }

    @PostMapping("/klaim/baru")
    String submit(@ModelAttribute("claimForm") ClaimForm form, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        LindungUser me = currentUser.require();
        if (form.getParticipantId() == null) {
            return "redirect:/peserta";
        }
        Participant p = participants.get(form.getParticipantId(), me);
        if (binding.hasErrors()) {
            return intakePage(model, form, p);
        }
        Intake intake = form.toIntake();
        try {
            Claim claim = claims.submit(intake.intake(), me);
            redirect.addFlashAttribute("flashMessage", message("claim.page.done.submitted", claim.claimNumber()));
            return "redirect:/klaim/" + claim.id();
        } catch (InvalidInputException e) {
            for (FieldIssue issue : e.issues()) {
                if (issue.isError()) {
                    reject(binding, issue, intake);
                }
            }
            return intakePage(model, form, p);
        } catch (ForbiddenException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN); // refused: the form again, with the reason
            binding.reject(e.code(), e.args(), e.code());
            return intakePage(model, form, p);
        } catch (ConflictException e) {
            // a second death of the person: next to the kind of claim, naming the first claim's number
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            binding.rejectValue("kind", e.code(), e.args(), e.code());
            return intakePage(model, form, p);
        }
    }

    /** Puts an issue next to its field, the row numbers translated back from the rows sent to the form's rows. */
    private static void reject(BindingResult binding, FieldIssue issue, Intake intake) {
        String field = issue.field(); // the service names intake fields (IntakeReader.intakeField)
        Matcher m = INDEXED.matcher(field);
        if (m.matches()) {
            List<Integer> rows = intake.rows().get(m.group(1));
            int sent = Integer.parseInt(m.group(2));
            String rest = m.group(3);
            if (m.group(1).equals("functionLosses") && rest.isEmpty()) {
                rest = ".code"; // the engine names the row for a code it does not know
            }
            if (rows != null && sent < rows.size() && (!rest.isEmpty() || m.group(1).equals("disabilityCodes"))) {
                field = m.group(1) + "[" + rows.get(sent) + "]" + rest;
            } else {
                field = m.group(1);
            }
        }
        String root = field.replaceAll("[\\[.].*$", "");
        if (FORM_FIELDS.contains(root)) {
            binding.rejectValue(field, issue.code(), issue.args().toArray(), issue.code());
        } else {
            binding.reject(issue.code(), issue.args().toArray(), issue.code());
        }
    }

    private String intakePage(Model model, ClaimForm form, Participant p) {
        form.pad();
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        List<String> kinds = new ArrayList<>();
        kinds.add(DEATH);
        for (ClaimKind k : ClaimKind.values()) {
            kinds.add(k.name());
        }
        List<Option> disability = rules.disabilityTable(LocalDate.now(clock)).stream()
                .map(r -> new Option(r.code(), (english ? r.bodyPartEn() : r.bodyPartId()) + " (" + pct(r, english)
                        + ")"))
                .toList();
        model.addAttribute("claimForm", form);
        model.addAttribute("participant", p);
        model.addAttribute("kinds", kinds);
        model.addAttribute("causes", EventCause.values());
        model.addAttribute("modes", TransportMode.values());
        model.addAttribute("levels", EducationLevel.values());
        model.addAttribute("relations", List.of("SPOUSE", "CHILD", "PARENT", "OTHER"));
        model.addAttribute("disabilityOptions", disability);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("kindsWithInvoices", "JKK_MEDICAL JKK_HOME_CARE");
        model.addAttribute("kindsWithWage", kindsWhere(k -> k.wageBased()));
        model.addAttribute("kindsWithHeirs", DEATH + " JKK_DEATH JKM_DEATH");
        model.addAttribute("kindsWithChildren", kindsWhere(ClaimKind::grantsScholarship));
        return "claim/form";
    }

    private static String kindsWhere(Predicate<ClaimKind> test) {
        StringBuilder s = new StringBuilder(DEATH);
        for (ClaimKind k : ClaimKind.values()) {
            if (test.test(k)) {
                s.append(' ').append(k.name());
            }
        }
        return s.toString();
    }

    private static String pct(DisabilityRow row, boolean english) {
        return (english ? row.percent().stripTrailingZeros().toPlainString() : Indonesian.plain(row.percent())) + "%";
    }

    /**
     * Heirs and children from the registry as the first rows: the officer corrects rather than retypes. As the user
     * may see them: an agent gets names and relations, and types NIKs and birth dates from the family card.
     */
    private static void prefillFamily(ClaimForm form, List<Relative> relatives) {
        for (Relative r : relatives) {
            if (r.heir()) {
                HeirRow h = new HeirRow();
                h.setName(r.fullName());
                h.setRelation(r.relation() == RelationType.SIBLING ? "OTHER" : r.relation().name());
                h.setNik(r.nik() == null || r.nik().contains("*") ? null : r.nik());
                form.getHeirs().add(h);
            }
            if (r.relation() == RelationType.CHILD) {
                ChildRow c = new ChildRow();
                c.setName(r.fullName());
                c.setBirthDate(r.birthDate());
                form.getChildren().add(c);
            }
        }
    }

    public record Option(String value, String label) {
    }

    // ---------------------------------------------------------------------------------------------- claim page

    @GetMapping("/klaim/{id:\\d+}")
    String claim(@PathVariable long id, Model model) {
        LindungUser me = currentUser.require();
        Claim c = claims.get(id, me);
        audit.recordRead(AuditTrail.CLAIM_VIEWED, "claim", Long.toString(id), c.regionCode(), Map.of("view", "page"));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("c", c);
        model.addAttribute("participant", participantOf(c, me));
        model.addAttribute("protectionReason", c.member().protectionReason().isBlank() ? ""
                : texts.message(c.member().protectionReason(), locale));
        model.addAttribute("lines", c.lines().stream().map(l -> new LineView(l.lineNo(), l.code(),
                texts.message(l.messageKey(), l.args(), locale), l.formula(), l.legalBasis(), l.amount(),
                l.unconfirmed(), l.ruleRefs())).toList());
        model.addAttribute("refusal", c.refusal() == null ? null
                : texts.message(c.refusal().messageKey(), c.refusal().args(), locale));
        model.addAttribute("children", scholarship(c));
        model.addAttribute("scholarshipTotal", c.scholarship().stream().mapToLong(Claim.ScholarshipYear::amount).sum());
        model.addAttribute("notes", c.scholarshipNotes().stream().map(n -> new NoteView(n.childName(),
                texts.message(n.messageKey(), n.args(), locale), n.legalBasis())).toList());
        model.addAttribute("documentTypes", ClaimManagement.DOCUMENT_TYPES);
        model.addAttribute("documentMaxMb", Math.max(1, claims.documentMaxBytes() / (1024 * 1024)));
        boolean decide = mayDecide(me);
        boolean open = c.status().open();
        model.addAttribute("mayOpenDocuments", Disclosure.seesHealthDetails(me));
        model.addAttribute("canUpload", open && mayTakeIn(me));
        model.addAttribute("canAssign", open && decide && !me.username().equals(c.assignedTo()));
        model.addAttribute("canVerify", decide && c.status() == ClaimStatus.SUBMITTED);
        model.addAttribute("canApprove", decide && c.eligible() && (c.status() == ClaimStatus.VERIFIED
                || c.status() == ClaimStatus.AWAITING_SECOND && !me.username().equals(c.firstApprover())));
        model.addAttribute("firstApprovalMine", c.status() == ClaimStatus.AWAITING_SECOND
                && me.username().equals(c.firstApprover()));
        model.addAttribute("needsSecond", c.status() == ClaimStatus.VERIFIED
                && c.total() > claims.fourEyesThreshold());
        model.addAttribute("threshold", claims.fourEyesThreshold());
        model.addAttribute("canReject", decide && open);
        model.addAttribute("canPay", decide && c.status() == ClaimStatus.APPROVED);
        boolean chooseChildren = decide && (c.status() == ClaimStatus.SUBMITTED
                || c.status() == ClaimStatus.VERIFIED) && grantsScholarship(c);
        model.addAttribute("choosableChildren", chooseChildren ? choosable(c) : List.of());
        model.addAttribute("canCorrectDeath", decide && c.death() != null && c.death().inForce());
        model.addAttribute("caseTotal", c.total() + c.caseClaims().stream().filter(o -> o.status() != ClaimStatus.REJECTED)
                .mapToLong(Claim.CaseClaim::total).sum());
        model.addAttribute("chosenWhy", c.scholarshipChoice() == null ? null
                : texts.message("claim.scholarship.choice." + c.scholarshipChoice(), locale));
        model.addAttribute("decisionRequired", decide && open);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("rejectReason", c.refusal() == null ? ""
                : texts.message(c.refusal().messageKey(), c.refusal().args(), locale));
        boolean scholarshipYears = decide && (c.status() == ClaimStatus.APPROVED || c.status() == ClaimStatus.PAID)
                && grantsScholarship(c);
        List<Option> intakeChildren = scholarshipYears ? intakeChildren(c) : List.of();
        model.addAttribute("canScholarshipYear", !intakeChildren.isEmpty());
        model.addAttribute("scholarshipChildren", intakeChildren);
        model.addAttribute("scholarshipLevels", EducationLevel.values());
        model.addAttribute("currentSchoolYear", ScholarshipPlanner.schoolYearOf(LocalDate.now(clock)));
        return "claim/detail";
    }

    private @Nullable Participant participantOf(Claim c, LindungUser me) {
        try {
            return participants.get(c.participantId(), me);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static boolean grantsScholarship(Claim c) {
        try {
            return ClaimKind.valueOf(c.kind()).grantsScholarship();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The intake's children with their ids: {@code child-1}, {@code child-2}, … by position. */
    private static List<Option> intakeChildren(Claim c) {
        List<ClaimIntake.ChildItem> items = c.intake().children();
        List<Option> children = new ArrayList<>();
        if (items == null) {
            return children;
        }
        for (int i = 0; i < items.size(); i++) {
            ClaimIntake.ChildItem item = items.get(i);
            if (item != null && item.name() != null && !item.name().isBlank()) {
                children.add(new Option("child-" + (i + 1), item.name().trim()));
            }
        }
        return children;
    }

    /** The intake's children for the officer's choice: id, name with birth date, and whether chosen now. */
    private List<Choosable> choosable(Claim c) {
        List<ClaimIntake.ChildItem> items = c.intake().children();
        List<Choosable> children = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            ClaimIntake.ChildItem item = items.get(i);
            children.add(new Choosable("child-" + (i + 1), String.valueOf(item.name()),
                    item.birthDate() == null ? "" : formats.date(item.birthDate()), item.named()));
        }
        return children;
    }

    public record Choosable(String id, String name, String birthDate, boolean chosen) {
    }

    private static List<ChildPlan> scholarship(Claim c) {
        Map<String, List<Claim.ScholarshipYear>> byChild = new LinkedHashMap<>();
        for (Claim.ScholarshipYear y : c.scholarship()) {
            byChild.computeIfAbsent(y.childId(), k -> new ArrayList<>()).add(y);
        }
        return byChild.values().stream().map(years -> new ChildPlan(years.get(0).childName(), years,
                years.stream().mapToLong(Claim.ScholarshipYear::amount).sum())).toList();
    }

    public record LineView(int lineNo, String code, String label, String formula, String legalBasis, long amount,
            boolean unconfirmed, String ruleRefs) {
    }

    public record ChildPlan(String name, List<Claim.ScholarshipYear> years, long total) {
    }

    public record NoteView(@Nullable String childName, String text, String legalBasis) {
    }

    // ------------------------------------------------------------------------------------------------- actions

    @PostMapping("/klaim/{id:\\d+}/dokumen")
    String addDocument(@PathVariable long id, @RequestParam(required = false) @Nullable String documentType,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        return act(id, redirect, "#dokumen", me -> {
            byte[] content = file == null ? null : file.getBytes();
            String name = file == null ? null : file.getOriginalFilename();
            claims.addDocument(id, documentType, name, content, me);
            return message("claim.page.done.document", name == null || name.isBlank() ? "dokumen" : name);
        });
    }

    @PostMapping("/klaim/{id:\\d+}/ambil")
    String assign(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
            RedirectAttributes redirect) throws IOException {
        return act(id, redirect, "", me -> {
            Claim c = claims.assign(id, version(version), me);
            return message("claim.page.done.assigned", c.claimNumber());
        });
    }

    @PostMapping("/klaim/{id:\\d+}/verifikasi")
    String verify(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String documentsCompleteOn, RedirectAttributes redirect)
            throws IOException {
        return act(id, redirect, "", me -> {
            Claim c = claims.verify(id, version(version), date("documentsCompleteOn", documentsCompleteOn), me);
            return message("claim.page.done.verified", formats.date(c.dueDate()));
        });
    }

    @PostMapping("/klaim/{id:\\d+}/setujui")
    String approve(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
            RedirectAttributes redirect) throws IOException {
        return act(id, redirect, "", me -> {
            Claim c = claims.approve(id, version(version), me);
            return c.status() == ClaimStatus.AWAITING_SECOND
                    ? message("claim.page.done.firstApproval", c.claimNumber())
                    : message("claim.page.done.approved", c.claimNumber());
        });
    }

    @PostMapping("/klaim/{id:\\d+}/tolak")
    String reject(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) throws IOException {
        return act(id, redirect, "", me -> {
            Claim c = claims.reject(id, version(version), reason, me);
            return message("claim.page.done.rejected", c.claimNumber());
        });
    }

    @PostMapping("/klaim/{id:\\d+}/anak-beasiswa")
    String chooseChildren(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(name = "chosen", required = false) @Nullable List<String> chosen,
            RedirectAttributes redirect) throws IOException {
        return act(id, redirect, "#scholarship", me -> {
            Claim c = claims.chooseChildren(id, version, chosen, me);
            return message("claim.page.done.childrenChosen", c.claimNumber());
        });
    }

    @PostMapping("/klaim/{id:\\d+}/koreksi-kematian")
    String correctDeath(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) throws IOException {
        return act(id, redirect, "#death", me -> {
            Claim c = claims.correctDeath(id, reason, me);
            return message("claim.page.done.deathCorrected", c.claimNumber());
        });
    }

    @PostMapping("/klaim/{id:\\d+}/bayar")
    String pay(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String paidOn,
            @RequestParam(required = false) @Nullable String reference, RedirectAttributes redirect)
            throws IOException {
        return act(id, redirect, "", me -> {
            Claim c = claims.recordPayment(id, version(version), date("paidOn", paidOn), reference, me);
            return message("claim.page.done.paid", c.claimNumber(), formats.rupiah(c.total()));
        });
    }

    /**
     * A yearly scholarship on proof of enrolment: paid (the amount and its formula as the flash) or refused (the
     * rule's message and legal basis shown in the scholarship section — a normal outcome, not an error).
     */
    @PostMapping("/klaim/{id:\\d+}/beasiswa")
    String scholarshipYear(@PathVariable long id, @RequestParam(required = false) @Nullable String childId,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String schoolYear,
            @RequestParam(defaultValue = "false") boolean married,
            @RequestParam(defaultValue = "false") boolean working, RedirectAttributes redirect) throws IOException {
        return act(id, redirect, "#scholarship", me -> {
            Integer year = schoolYear(schoolYear);
            ClaimManagement.ScholarshipYearDecision d = claims.scholarshipYear(id,
                    new ScholarshipYearRequest(blank(childId), blank(level), year, married, working), me);
            String child = childName(claims.get(id, me), d.childId());
            String yearLabel = ScholarshipPlanner.label(d.schoolYear());
            Claim.Refusal refusal = d.refusal();
            if (refusal != null) {
                Locale locale = LocaleContextHolder.getLocale();
                redirect.addFlashAttribute("scholarshipRefusal", message("claim.page.scholarship.refused", child,
                        yearLabel) + ": " + texts.message(refusal.messageKey(), refusal.args(), locale));
                redirect.addFlashAttribute("scholarshipRefusalBasis", refusal.legalBasis());
                return null;
            }
            return message("claim.page.scholarship.done", child, yearLabel, formats.rupiah(d.amount()),
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
            throw new InvalidInputException(FieldIssue.error("schoolYear", "claim.page.scholarship.yearInvalid",
                    value));
        }
    }

    private static String childName(Claim c, String childId) {
        return intakeChildren(c).stream().filter(o -> o.value().equals(childId)).map(Option::label).findFirst()
                .orElse(childId);
    }

    private interface Action {
        /** The flash message, or null when the action put its own outcome in the flash. */
        @Nullable String run(LindungUser me) throws IOException;
    }

    /** Runs a workflow step; what refuses it comes back to the claim page as a message. */
    private String act(long id, RedirectAttributes redirect, String anchor, Action action) throws IOException {
        LindungUser me = currentUser.require();
        claims.get(id, me); // not in scope: "not found", as for the page itself
        try {
            String done = action.run(me);
            if (done != null) {
                redirect.addFlashAttribute("flashMessage", done);
            }
        } catch (ConflictException e) {
            redirect.addFlashAttribute("claimConflict", message(e.code(), e.args()));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("claimErrors", List.of(message(e.code(), e.args())));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("claimErrors", e.issues().stream().filter(FieldIssue::isError)
                    .map(i -> fieldLabel(i.field(), anchor) + ": " + message(i.code(), i.args().toArray()))
                    .toList());
        }
        return "redirect:/klaim/" + id + anchor;
    }

    private String fieldLabel(String field, String anchor) {
        if (anchor.equals("#death") && field.equals("reason")) {
            return message("claim.page.field.correctionReason");
        }
        if (field.equals("chosen")) {
            return message("claim.page.field.named");
        }
        return field.equals("childId") ? message("claim.page.scholarship.child") : message("claim.page.field." + field);
    }

    private static int version(@Nullable Integer version) {
        if (version == null) {
            throw new InvalidInputException(FieldIssue.error("version", "field.required"));
        }
        return version;
    }

    private static @Nullable LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(FieldIssue.error(field, "claim.page.date.invalid", value));
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private boolean mayDecide(LindungUser me) {
        return policy.mayDecide(me);
    }

    private boolean mayTakeIn(LindungUser me) {
        return policy.mayTakeIn(me);
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ---------------------------------------------------------------------------------------------------- form

    /** The intake as sent, and for each list which form row each sent row came from. */
    record Intake(ClaimIntake intake, Map<String, List<Integer>> rows) {
    }

    /** The intake form: fixed empty rows for the lists; empty rows are left out when the claim is submitted. */
    public static class ClaimForm {

        private Long participantId;
        private String kind;
        private String cause;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate eventDate;
        private List<InvoiceRow> invoices = new ArrayList<>();
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate homeCareStart;
        private List<TransportRow> transport = new ArrayList<>();
        private Integer stmbMonths;
        private List<String> disabilityCodes = new ArrayList<>();
        private List<LossRow> functionLosses = new ArrayList<>();
        private Long wage;
        private List<HeirRow> heirs = new ArrayList<>();
        private List<ChildRow> children = new ArrayList<>();
        private String note;

        /** At least {@link #ROWS} rows in every list, one empty row more when all are filled. */
        void pad() {
            padTo(invoices, InvoiceRow::new, r -> r.empty());
            padTo(transport, TransportRow::new, r -> r.empty());
            while (disabilityCodes.size() < ROWS) {
                disabilityCodes.add("");
            }
            padTo(functionLosses, LossRow::new, r -> r.empty());
            padTo(heirs, HeirRow::new, r -> r.empty());
            padTo(children, ChildRow::new, r -> r.empty());
        }

        private static <T> void padTo(List<T> rows, java.util.function.Supplier<T> make, Predicate<T> empty) {
            rows.replaceAll(r -> r == null ? make.get() : r);
            while (rows.size() < ROWS) {
                rows.add(make.get());
            }
            if (rows.stream().noneMatch(empty)) {
                rows.add(make.get());
            }
        }

        Intake toIntake() {
            String k = kind == null ? "" : kind.trim();
            ClaimKind engineKind = null;
            try {
                engineKind = k.equals(DEATH) ? null : ClaimKind.valueOf(k);
            } catch (IllegalArgumentException e) {
                // unknown or empty: the service says so
            }
            boolean death = k.equals(DEATH) || engineKind == ClaimKind.JKK_DEATH || engineKind == ClaimKind.JKM_DEATH;
            boolean scholarship = k.equals(DEATH) || engineKind != null && engineKind.grantsScholarship();
            Map<String, List<Integer>> rows = new LinkedHashMap<>();

            List<ClaimIntake.InvoiceItem> invoiceItems = null;
            if (engineKind == ClaimKind.JKK_MEDICAL || engineKind == ClaimKind.JKK_HOME_CARE) {
                invoiceItems = new ArrayList<>();
                rows.put("invoices", kept(invoices, InvoiceRow::empty));
                for (int i : rows.get("invoices")) {
                    InvoiceRow r = invoices.get(i);
                    invoiceItems.add(new ClaimIntake.InvoiceItem(r.getDate(), blank(r.getDescription()),
                            r.getAmount()));
                }
            }
            List<ClaimIntake.TransportItem> transportItems = null;
            if (engineKind == ClaimKind.JKK_TRANSPORT) {
                transportItems = new ArrayList<>();
                rows.put("transport", kept(transport, TransportRow::empty));
                for (int i : rows.get("transport")) {
                    TransportRow r = transport.get(i);
                    transportItems.add(new ClaimIntake.TransportItem(blank(r.getMode()), r.getDate(),
                            blank(r.getDescription()), r.getAmount()));
                }
            }
            List<String> codes = null;
            if (engineKind == ClaimKind.JKK_DISABILITY_PARTIAL_ANATOMICAL) {
                codes = new ArrayList<>();
                rows.put("disabilityCodes", kept(disabilityCodes, c -> c == null || c.isBlank()));
                for (int i : rows.get("disabilityCodes")) {
                    codes.add(disabilityCodes.get(i).trim());
                }
            }
            List<ClaimIntake.FunctionLossItem> losses = null;
            if (engineKind == ClaimKind.JKK_DISABILITY_PARTIAL_FUNCTIONAL) {
                losses = new ArrayList<>();
                rows.put("functionLosses", kept(functionLosses, LossRow::empty));
                for (int i : rows.get("functionLosses")) {
                    LossRow r = functionLosses.get(i);
                    losses.add(new ClaimIntake.FunctionLossItem(blank(r.getCode()), r.getPercentLost()));
                }
            }
            List<ClaimIntake.Heir> heirItems = null;
            if (death) {
                heirItems = new ArrayList<>();
                rows.put("heirs", kept(heirs, HeirRow::empty));
                for (int i : rows.get("heirs")) {
                    HeirRow r = heirs.get(i);
                    heirItems.add(new ClaimIntake.Heir(blank(r.getName()), blank(r.getRelation()), blank(r.getNik()),
                            blank(r.getBankAccount())));
                }
            }
            List<ClaimIntake.ChildItem> childItems = null;
            if (scholarship) {
                childItems = new ArrayList<>();
                rows.put("children", kept(children, ChildRow::empty));
                for (int i : rows.get("children")) {
                    ChildRow r = children.get(i);
                    childItems.add(new ClaimIntake.ChildItem(blank(r.getName()), r.getBirthDate(), blank(r.getLevel()),
                            r.getYearInLevel(), r.isMarried(), r.isWorking(), r.isNamed()));
                }
            }
            boolean wageShown = k.equals(DEATH) || engineKind != null && engineKind.wageBased();
            ClaimIntake intake = new ClaimIntake(participantId, blank(kind), blank(cause), eventDate, invoiceItems,
                    engineKind == ClaimKind.JKK_HOME_CARE ? homeCareStart : null, transportItems,
                    engineKind == ClaimKind.JKK_STMB ? stmbMonths : null, codes, losses,
                    wageShown ? wage : null, heirItems, childItems, blank(note));
            return new Intake(intake, rows);
        }

        private static <T> List<Integer> kept(List<T> list, Predicate<T> empty) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null && !empty.test(list.get(i))) {
                    kept.add(i);
                }
            }
            return kept;
        }

        public Long getParticipantId() { return participantId; }
        public void setParticipantId(Long participantId) { this.participantId = participantId; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getCause() { return cause; }
        public void setCause(String cause) { this.cause = cause; }
        public LocalDate getEventDate() { return eventDate; }
        public void setEventDate(LocalDate eventDate) { this.eventDate = eventDate; }
        public List<InvoiceRow> getInvoices() { return invoices; }
        public void setInvoices(List<InvoiceRow> invoices) { this.invoices = invoices; }
        public LocalDate getHomeCareStart() { return homeCareStart; }
        public void setHomeCareStart(LocalDate homeCareStart) { this.homeCareStart = homeCareStart; }
        public List<TransportRow> getTransport() { return transport; }
        public void setTransport(List<TransportRow> transport) { this.transport = transport; }
        public Integer getStmbMonths() { return stmbMonths; }
        public void setStmbMonths(Integer stmbMonths) { this.stmbMonths = stmbMonths; }
        public List<String> getDisabilityCodes() { return disabilityCodes; }
        public void setDisabilityCodes(List<String> disabilityCodes) { this.disabilityCodes = disabilityCodes; }
        public List<LossRow> getFunctionLosses() { return functionLosses; }
        public void setFunctionLosses(List<LossRow> functionLosses) { this.functionLosses = functionLosses; }
        public Long getWage() { return wage; }
        public void setWage(Long wage) { this.wage = wage; }
        public List<HeirRow> getHeirs() { return heirs; }
        public void setHeirs(List<HeirRow> heirs) { this.heirs = heirs; }
        public List<ChildRow> getChildren() { return children; }
        public void setChildren(List<ChildRow> children) { this.children = children; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    public static class InvoiceRow {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate date;
        private String description;
        private Long amount;

        boolean empty() {
            return date == null && (description == null || description.isBlank()) && amount == null;
        }

        public LocalDate getDate() { return date; }
        public void setDate(LocalDate date) { this.date = date; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public Long getAmount() { return amount; }
        public void setAmount(Long amount) { this.amount = amount; }
    }

    /** An invoice row with its mode; the mode alone (a select always sends one) does not make a row. */
    public static class TransportRow extends InvoiceRow {
        private String mode;

        public String getMode() { return mode; }
        public void setMode(String mode) { this.mode = mode; }
    }

    public static class LossRow {
        private String code;
        private BigDecimal percentLost;

        boolean empty() {
            return (code == null || code.isBlank()) && percentLost == null;
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public BigDecimal getPercentLost() { return percentLost; }
        public void setPercentLost(BigDecimal percentLost) { this.percentLost = percentLost; }
    }

    public static class HeirRow {
        private String name;
        private String relation;
        private String nik;
        private String bankAccount;

        /** The relation alone (a select always sends one) does not make a row. */
        boolean empty() {
            return (name == null || name.isBlank()) && (nik == null || nik.isBlank())
                    && (bankAccount == null || bankAccount.isBlank());
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getRelation() { return relation; }
        public void setRelation(String relation) { this.relation = relation; }
        public String getNik() { return nik; }
        public void setNik(String nik) { this.nik = nik; }
        public String getBankAccount() { return bankAccount; }
        public void setBankAccount(String bankAccount) { this.bankAccount = bankAccount; }
    }

    public static class ChildRow {
        private String name;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate birthDate;
        private String level;
        private Integer yearInLevel;
        private boolean married;
        private boolean working;
        private boolean named;

        /** Level, year and the checkboxes alone do not make a row: a child has a name or a birth date. */
        boolean empty() {
            return (name == null || name.isBlank()) && birthDate == null;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public LocalDate getBirthDate() { return birthDate; }
        public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
        public String getLevel() { return level; }
        public void setLevel(String level) { this.level = level; }
        public Integer getYearInLevel() { return yearInLevel; }
        public void setYearInLevel(Integer yearInLevel) { this.yearInLevel = yearInLevel; }
        public boolean isMarried() { return married; }
        public void setMarried(boolean married) { this.married = married; }
        public boolean isWorking() { return working; }
        public void setWorking(boolean working) { this.working = working; }
        public boolean isNamed() { return named; }
        public void setNamed(boolean named) { this.named = named; }
    }
}
