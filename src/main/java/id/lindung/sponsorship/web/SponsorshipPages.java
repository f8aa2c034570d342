package id.lindung.sponsorship.web;

import id.lindung.access.BulkReads;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionProperties;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.progress.OperationProgress;
import id.lindung.shared.progress.Progress;
import id.lindung.shared.tabular.RowRefusal;
import id.lindung.shared.web.Formats;
import id.lindung.shared.web.PageMessages;
import id.lindung.shared.web.UploadCheck;
import id.lindung.sponsorship.Programme;
import id.lindung.sponsorship.SponsorshipBeneficiaries;
import id.lindung.sponsorship.SponsorshipBills;
import id.lindung.sponsorship.SponsorshipProgrammes;
import id.lindung.sponsorship.SponsorshipSimulator;
import id.lindung.sponsorship.workflow.SponsorshipAction;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sponsorship pages ("bantuan iuran"): the programmes with their budget status and, for officers and administrators,
 * the form that creates one ({@code /bantuan-iuran}); a programme ({@code /bantuan-iuran/{id}}: details, budget,
 * beneficiaries, the upload of a beneficiary list, the consolidated bill of a month with its payment, the end of the
 * programme); the "what if" simulation ({@code /bantuan-iuran/simulasi}), which everyone may run. Refusals come back
 * as messages on the page, next to the field they concern where there is one.
 */
@Controller
class SponsorshipPages {

    /** The beneficiary file format, with two rows, shown on the programme page. */
    static final String CSV_EXAMPLE = """
            nik;name;birth_date;desa_code;occupation;phone
            6104014101800001;Sri Rahayu;;61.04.01.2011;Petani;
            6104010202810002;Yohanes Ding;1981-02-02;61.04.01.2011;Petani sawit;0812345678
            """;

    static final int SIMULATION_ROWS = 5;
    private static final int SHOWN_ERRORS = 50;
    private static final int MAX_BILL_MONTHS = 120;
    private static final String FIELD_LABELS = "sponsorship.page.field.";

    private final SponsorshipProgrammes programmes;
    private final SponsorshipBeneficiaries beneficiaries;
    private final SponsorshipBills bills;
    private final SponsorshipSimulator simulator;
    private final RegionDirectory regions;
    private final CurrentUser currentUser;
    private final PageMessages messages;
    private final Formats fmt;
    private final View view;
    private final Clock clock;
    private final UploadCheck uploads;
    private final BulkReads bulkReads;
    private final String homeProvince;
    private final OperationProgress progresses;

    SponsorshipPages(
            SponsorshipProgrammes programmes,
            SponsorshipBeneficiaries beneficiaries,
            SponsorshipBills bills,
            SponsorshipSimulator simulator,
            RegionDirectory regions,
            CurrentUser currentUser,
            PageMessages messages,
            Formats fmt,
            Clock clock,
            UploadCheck uploads,
            BulkReads bulkReads,
            RegionProperties region,
            OperationProgress progresses) {
        this.progresses = progresses;
        this.homeProvince = region.homeProvince();
        this.bulkReads = bulkReads;
        this.uploads = uploads;
        this.programmes = programmes;
        this.beneficiaries = beneficiaries;
        this.bills = bills;
        this.simulator = simulator;
        this.regions = regions;
        this.currentUser = currentUser;
        this.messages = messages;
        this.fmt = fmt;
        this.view = new View(regions);
        this.clock = clock;
    }

    /** What every page needs: whether the user manages programmes (creates them), and the page formats. */
    @ModelAttribute
    void common(Model model) {
        LindungUser me = currentUser.get().orElse(null);
        model.addAttribute("canWrite", me != null && SponsorshipWorkflow.mayWrite(me));
        model.addAttribute("sp", view);
    }

    // ------------------------------------------------------------------------------------------------ programmes

    @GetMapping("/bantuan-iuran")
    String list(Model model) {
        YearMonth now = YearMonth.now(clock);
        showList(
                new ProgrammeForm(
                        "", "", "", "", "", now.toString(), now.plusMonths(11).toString(), "", ""),
                model);
        return "sponsorship/list";
    }

    @PostMapping("/bantuan-iuran")
    String create(
            @ModelAttribute ProgrammeForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LindungUser me = currentUser.require();
        try {
            Programme p = programmes.create(form.parse(), me);
            redirect.addFlashAttribute("flashMessage", messages.message("sponsorship.page.created", p.name()));
            return "redirect:/bantuan-iuran/" + p.id();
        } catch (InvalidInputException | ForbiddenException e) {
            if (e instanceof ForbiddenException) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN); // refused: the list again, with the reason
            }
            model.addAttribute("formErrors", messages.refusal(e, FIELD_LABELS));
            model.addAttribute("fieldErrors", fieldErrors(e));
        }
        showList(form, model);
        return "sponsorship/list";
    }

    private void showList(ProgrammeForm form, Model model) {
        LindungUser me = currentUser.require();
        List<ProgrammeRow> rows = programmes.list(me).stream()
                .map(p -> new ProgrammeRow(p, bills.budget(p.id(), me)))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("form", form);
        model.addAttribute("sponsorOptions", sponsorOptions(me));
        model.addAttribute("fundingSources", Programme.FundingSource.values());
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
    }

    /** A programme with its budget, as the list shows it. */
    public record ProgrammeRow(Programme programme, SponsorshipBills.Budget budget) {}

    /** The governments a writer may create a programme for: the province and the kab/kota of the user's scope. */
    private List<Option> sponsorOptions(LindungUser me) {
        String top = me.scope().code().isEmpty() ? homeProvince : me.scope().code();
        List<Option> options = new ArrayList<>();
        if (!top.isEmpty() && top.length() <= 5) {
            options.add(new Option(top, regions.nameOf(top)));
        }
        if (top.length() == 2) {
            regions.children(top).forEach(r -> options.add(new Option(r.code(), r.name(), true)));
        }
        return options;
    }

    /** The create form as the user filled it in (rupiah may be written with dots: 1.500.000). */
    public record ProgrammeForm(
            @Nullable String name,
            @Nullable String sponsorRegion,
            @Nullable String legalBasis,
            @Nullable String fundingSource,
            @Nullable String budget,
            @Nullable String startMonth,
            @Nullable String endMonth,
            @Nullable String declaredIncome,
            @Nullable String eligibility) {

        Programme.New parse() {
            List<FieldIssue> issues = new ArrayList<>();
            Programme.FundingSource source = null;
            if (blank(fundingSource) != null) {
                try {
                    source = Programme.FundingSource.valueOf(
                            Objects.requireNonNull(fundingSource).trim());
                } catch (IllegalArgumentException e) {
                    issues.add(FieldIssue.error("fundingSource", "field.required"));
                }
            }
            Programme.New p = new Programme.New(
                    name,
                    sponsorRegion,
                    legalBasis,
                    source,
                    rupiah("budget", budget, issues),
                    month("startMonth", startMonth, issues),
                    month("endMonth", endMonth, issues),
                    rupiah("declaredIncome", declaredIncome, issues),
                    eligibility);
            if (!issues.isEmpty()) {
                throw new InvalidInputException(issues);
            }
            return p;
        }
    }

    // ------------------------------------------------------------------------------------------------ programme

    @GetMapping("/bantuan-iuran/{id:\\d+}")
    String programme(
            @PathVariable long id,
            @RequestParam(name = "bulan", required = false) @Nullable String month,
            Model model) {
        showProgramme(id, month, model);
        return "sponsorship/programme";
    }

    /**
     * A beneficiary list from the form. Sent by a script ({@code X-Requested-With: XMLHttpRequest}): the answer is
     * the result fragment (result, budget, beneficiaries); sent by the plain form: back to the programme page, with
     * the result.
     */
    @PostMapping("/bantuan-iuran/{id:\\d+}/penerima")
    String upload(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestHeader(name = "X-Requested-With", required = false) @Nullable String requestedWith,
            @RequestParam(name = "operation", required = false) @Nullable String operation,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        LindungUser me = currentUser.require();
        Map<String, Object> outcome = new LinkedHashMap<>();
        if (file == null || file.isEmpty()) {
            outcome.put(
                    "uploadErrors",
                    List.of(new RowRefusal(null, "", messages.message("sponsorship.page.upload.choose"))));
        } else {
            outcome.put("fileName", file.getOriginalFilename());
            Progress progress = progresses.start(me.username(), operation);
            try (InputStream in =
                    progress.reading(file.getInputStream(), file.getSize(), SponsorshipBeneficiaries.FILE_STEPS)) {
                uploads.check(file, "file", "beneficiaries", UploadCheck.Content.CSV_OR_XLSX);
                outcome.put("result", beneficiaries.importCsv(id, file.getOriginalFilename(), in, me, progress));
                progress.finish();
            } catch (InvalidInputException e) {
                outcome.put("uploadErrors", errorViews(e));
            } catch (ForbiddenException e) {
                outcome.put(
                        "uploadErrors",
                        List.of(new RowRefusal(
                                null, "", messages.refusal(e, FIELD_LABELS).get(0))));
            }
        }
        if (!"XMLHttpRequest".equals(requestedWith)) {
            redirect.addFlashAttribute("upload", outcome);
            return "redirect:/bantuan-iuran/" + id + "#upload-result";
        }
        model.addAllAttributes(outcome);
        showProgramme(id, null, model);
        return "sponsorship/programme :: result";
    }

    @PostMapping("/bantuan-iuran/{id:\\d+}/bayar")
    String pay(
            @PathVariable long id,
            @RequestParam(name = "bulan", required = false) @Nullable String month,
            @RequestParam(name = "reference", required = false) @Nullable String reference,
            RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        try {
            List<FieldIssue> issues = new ArrayList<>();
            YearMonth m = month("month", month, issues);
            if (m == null) {
                throw new InvalidInputException(
                        issues.isEmpty() ? List.of(FieldIssue.error("month", "field.required")) : issues);
            }
            SponsorshipBills.Paid paid = bills.pay(id, m, null, blank(reference), me);
            redirect.addFlashAttribute(
                    "flashMessage",
                    messages.message(
                            "sponsorship.page.bill.paid.done",
                            view.month(m),
                            paid.bills(),
                            fmt.rupiah(paid.amount()),
                            paid.alreadyPaid()));
        } catch (InvalidInputException | ForbiddenException | ConflictException e) {
            redirect.addFlashAttribute("pageErrors", messages.refusal(e, FIELD_LABELS));
        }
        return "redirect:/bantuan-iuran/" + id
                + (blank(month) == null
                        ? ""
                        : "?bulan=" + Objects.requireNonNull(month).trim());
    }

    @PostMapping("/bantuan-iuran/{id:\\d+}/akhiri")
    String end(
            @PathVariable long id,
            @RequestParam(name = "lastMonth", required = false) @Nullable String lastMonth,
            @RequestParam(name = "action", required = false) @Nullable String action,
            @RequestParam(name = "version", defaultValue = "0") int version,
            RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        try {
            List<FieldIssue> issues = new ArrayList<>();
            YearMonth last = month("lastMonth", lastMonth, issues);
            if (!issues.isEmpty()) {
                throw new InvalidInputException(issues);
            }
            Programme p = programmes.end(id, last, action == null ? "" : action.trim(), version, me);
            redirect.addFlashAttribute(
                    "flashMessage",
                    messages.message("sponsorship.page.ended." + p.endAction(), view.month(p.lastMonth())));
        } catch (InvalidInputException | ForbiddenException | ConflictException e) {
            redirect.addFlashAttribute("pageErrors", messages.refusal(e, FIELD_LABELS));
        }
        return "redirect:/bantuan-iuran/" + id;
    }

    private void showProgramme(long id, @Nullable String month, Model model) {
        LindungUser me = currentUser.require();
        if (model.getAttribute("upload") instanceof Map<?, ?> upload) {
            upload.forEach((k, v) -> model.addAttribute((String) k, v));
        }
        Programme p = programmes.get(id, me);
        model.addAttribute("p", p);
        model.addAttribute("budget", bills.budget(id, me));
        List<SponsorshipBeneficiaries.Beneficiary> listed = beneficiaries.list(id, me);
        bulkReads.listed(
                "sponsorship-beneficiaries",
                me.scope().code(),
                BulkReads.filter("view", "page", "programme", id),
                listed.size());
        model.addAttribute("beneficiaries", listed);
        model.addAttribute("csvExample", CSV_EXAMPLE);
        Set<SponsorshipAction.Kind> offered = SponsorshipWorkflow.offered(p, me, LocalDate.now(clock));
        model.addAttribute("canAddBeneficiaries", offered.contains(SponsorshipAction.Kind.ADD_BENEFICIARIES));
        model.addAttribute("canPay", offered.contains(SponsorshipAction.Kind.PAY_BILL));
        model.addAttribute("canEnd", offered.contains(SponsorshipAction.Kind.END));
        YearMonth billMonth = billMonth(p, month, model);
        model.addAttribute("billMonth", billMonth.toString());
        model.addAttribute("billMonths", billMonths(p, billMonth));
        model.addAttribute("bill", bills.bill(id, billMonth, me));
    }

    /** The month whose bill is shown: the one asked, else this month within the programme's period. */
    private YearMonth billMonth(Programme p, @Nullable String asked, Model model) {
        List<FieldIssue> issues = new ArrayList<>();
        YearMonth m = month("month", asked, issues);
        if (!issues.isEmpty()) {
            model.addAttribute("pageErrors", messages.refusal(new InvalidInputException(issues), FIELD_LABELS));
        }
        if (m != null) {
            return m;
        }
        YearMonth now = YearMonth.now(clock);
        return now.isBefore(p.startMonth()) ? p.startMonth() : now.isAfter(p.lastMonth()) ? p.lastMonth() : now;
    }

    private List<Option> billMonths(Programme p, YearMonth shown) {
        List<Option> options = new ArrayList<>();
        for (YearMonth m = p.lastMonth();
                !m.isBefore(p.startMonth()) && options.size() < MAX_BILL_MONTHS;
                m = m.minusMonths(1)) {
            options.add(new Option(m.toString(), view.month(m)));
        }
        if (options.stream().noneMatch(o -> o.value().equals(shown.toString()))) {
            options.add(0, new Option(shown.toString(), view.month(shown)));
        }
        return options;
    }

    /** The refusals of a file as rows of a table: line, column, reason. */
    private List<RowRefusal> errorViews(InvalidInputException e) {
        return e.issues().stream()
                .filter(FieldIssue::isError)
                .limit(SHOWN_ERRORS)
                .map(issue -> RowRefusal.of(
                        issue, messages.message(issue.code(), issue.args().toArray())))
                .toList();
    }

    // ----------------------------------------------------------------------------------------------- simulation

    /**
     * The simulation: rows of kab/kota and workers ({@code wilayah}, {@code pekerja}, in order), months
     * ({@code bulan}), first month ({@code mulai}), income ({@code penghasilan}). Writes nothing, so a GET.
     */
    @GetMapping("/bantuan-iuran/simulasi")
    String simulation(
            @RequestParam(name = "wilayah", required = false) @Nullable List<String> regionCodes,
            @RequestParam(name = "pekerja", required = false) @Nullable List<String> workers,
            @RequestParam(name = "bulan", required = false) @Nullable String months,
            @RequestParam(name = "mulai", required = false) @Nullable String start,
            @RequestParam(name = "penghasilan", required = false) @Nullable String income,
            Model model) {
        LindungUser me = currentUser.require();
        List<SimulationRow> rows = new ArrayList<>();
        for (int i = 0; i < SIMULATION_ROWS; i++) {
            rows.add(new SimulationRow(at(regionCodes, i), at(workers, i)));
        }
        boolean asked = months != null;
        model.addAttribute("rows", rows);
        model.addAttribute("months", months == null ? "12" : months);
        model.addAttribute("start", start == null ? YearMonth.now(clock).toString() : start);
        model.addAttribute("income", income == null ? "" : income);
        model.addAttribute("regionOptions", simulationOptions(me));
        if (asked) {
            try {
                model.addAttribute(
                        "simulation",
                        simulator.simulate(
                                simulationRequest(rows, Objects.requireNonNull(months), start, income),
                                me)); // asked: months given
            } catch (InvalidInputException | ForbiddenException | NotFoundException e) {
                model.addAttribute("pageErrors", messages.refusal(e, FIELD_LABELS));
            }
        }
        return "sponsorship/simulation";
    }

    private static SponsorshipSimulator.Request simulationRequest(
            List<SimulationRow> rows, String months, @Nullable String start, @Nullable String income) {
        List<FieldIssue> issues = new ArrayList<>();
        Map<String, Integer> workers = new LinkedHashMap<>();
        for (SimulationRow row : rows) {
            if (row.region().isEmpty() && row.workers().isEmpty()) {
                continue;
            }
            Long n = count("workers", row.workers(), issues);
            if (row.region().isEmpty()) {
                issues.add(FieldIssue.error("workers", "sponsorship.page.simulation.region"));
            } else if (n != null) {
                workers.merge(row.region(), (int) Math.min(n, Integer.MAX_VALUE), Integer::sum);
            }
        }
        Long m = count("months", months, issues);
        YearMonth first = month("startMonth", start, issues);
        Long declared = rupiah("declaredIncome", income, issues);
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        return new SponsorshipSimulator.Request(workers, m == null ? 0 : (int) Math.min(m, 10_000), first, declared);
    }

    /** The regions a simulation may add workers to: the kab/kota of the user's scope (or its kecamatan). */
    private List<Option> simulationOptions(LindungUser me) {
        String top = me.scope().code().isEmpty() ? homeProvince : me.scope().code();
        List<Option> options = new ArrayList<>();
        if (top.length() > 2) {
            options.add(new Option(top, regions.nameOf(top)));
        }
        for (Region child : top.length() > 2 ? regions.children(top) : regions.kabKotaWithin(top)) {
            if (child.code().length() <= 8) {
                options.add(new Option(child.code(), child.name(), top.length() > 2));
            }
        }
        return options;
    }

    /** A row of the simulation form as filled in. */
    public record SimulationRow(String region, String workers) {}

    // -------------------------------------------------------------------------------------------------- helpers

    /** A choice of a selector, its label indented under the one before when {@code indented}. */
    public record Option(String value, String label) {

        Option(String value, String label, boolean indented) {
            this(value, indented ? "\u2003" + label : label);
        }
    }

    /** The form's field names of the refusals, each with its message (the first per field). */
    private Map<String, String> fieldErrors(RuntimeException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof InvalidInputException invalid) {
            invalid.issues().stream()
                    .filter(FieldIssue::isError)
                    .forEach(i -> errors.putIfAbsent(
                            i.field(), messages.message(i.code(), i.args().toArray())));
        }
        return errors;
    }

    /** Formats for the sponsorship pages: months as "Mei 2026", region names, the NIK masked but its last four digits. */
    public static final class View {

        private final RegionDirectory regions;

        View(RegionDirectory regions) {
            this.regions = regions;
        }

        public String region(String code) {
            return regions.nameOf(code);
        }

        public String month(@Nullable YearMonth m) {
            return m == null ? "–" : m.format(DateTimeFormatter.ofPattern("MMMM yyyy", PageMessages.formatLocale()));
        }

        /** "************0001". */
        public String nik(String nik) {
            return nik.length() <= 4 ? nik : "*".repeat(nik.length() - 4) + nik.substring(nik.length() - 4);
        }
    }

    private static @Nullable Long rupiah(String field, @Nullable String value, List<FieldIssue> issues) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        String digits = v.replaceFirst("(?i)^rp\\s*", "").replace(".", "").replace(" ", "");
        if (digits.matches("\\d{1,15}")) {
            return Long.parseLong(digits);
        }
        issues.add(FieldIssue.error(field, "sponsorship.page.error.rupiah", v));
        return null;
    }

    private static @Nullable Long count(String field, @Nullable String value, List<FieldIssue> issues) {
        String v = blank(value);
        if (v != null && v.replace(".", "").matches("\\d{1,9}")) {
            return Long.parseLong(v.replace(".", ""));
        }
        issues.add(FieldIssue.error(field, "sponsorship.page.error.count", v == null ? "" : v));
        return null;
    }

    private static @Nullable YearMonth month(String field, @Nullable String value, List<FieldIssue> issues) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            issues.add(FieldIssue.error(field, "sponsorship.page.error.month", v));
            return null;
        }
    }

    private static String at(@Nullable List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null
                ? ""
                : values.get(i).trim();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
