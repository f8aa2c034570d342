package id.lindung.kur.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.BulkReads;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.kur.KurBanks;
import id.lindung.kur.KurImportResult;
import id.lindung.kur.KurImports;
import id.lindung.kur.KurLoan;
import id.lindung.kur.KurLoans;
import id.lindung.kur.KurOutreach;
import id.lindung.kur.KurPolicy;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.PageResult;
import id.lindung.shared.progress.OperationProgress;
import id.lindung.shared.progress.Progress;
import id.lindung.shared.tabular.CsvWriter;
import id.lindung.shared.web.CsvDownload;
import id.lindung.shared.web.PageMessages;
import id.lindung.shared.web.UploadCheck;
import id.lindung.shared.web.XlsxDownload;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.lang.Contract;
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
 * KUR pages: the overview ({@code /kur}: conversion per disbursement month as charts and a table, grouped by bank,
 * scheme or kab/kota, with CSV and XLSX export), the upload of a disbursement file ({@code /kur/unggah}: a plain
 * form, or with JavaScript sent by {@code upload-progress.js} with a progress bar and answered by the result fragment;
 * a file's result again at {@code /kur/berkas/{id}}), the loans ({@code /kur/peminjam}: filters, paging, CSV) and
 * the work list ({@code /kur/daftar-kerja}: counts per group, borrowers most urgent first, hand-out to an agent,
 * enrol). Banks' people see their bank only: the services decide. Refusals come back as messages on the page,
 * never as an error page.
 */
@Controller
class KurPages {

    static final List<String> CONVERSION_GROUPS = List.of("bank", "scheme", "kabkota");
    static final List<String> WORK_GROUPS = List.of("kabkota", "branch", "agent");
    static final List<String> STATUSES = List.of("NOT_ENROLLED", "LAPSED", "PROTECTED", "DECEASED");
    static final List<String> SCHEMES = List.of("SUPER_MIKRO", "MIKRO", "KECIL", "KHUSUS", "PMI");
    private static final int PAGE_SIZE = 50;
    private static final int EXPORT_PAGE = 200;
    private static final int SHOWN_ERRORS = 20;
    private static final Pattern WORK_LIST_URL = Pattern.compile("^/kur/daftar-kerja(\\?[^\\s{}\\\\]*)?$");

    private final KurPolicy policy;
    private final KurImports imports;
    private final KurLoans loans;
    private final KurOutreach outreach;
    private final KurBanks banks;
    private final RegionDirectory regions;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final PageMessages pageMessages;
    private final Clock clock;
    private final UploadCheck uploads;
    private final AuditTrail audit;
    private final BulkReads bulkReads;
    private final OperationProgress progresses;

    KurPages(
            KurImports imports,
            KurLoans loans,
            KurOutreach outreach,
            KurBanks banks,
            RegionDirectory regions,
            CurrentUser currentUser,
            MessageSource messages,
            PageMessages pageMessages,
            Clock clock,
            UploadCheck uploads,
            AuditTrail audit,
            KurPolicy policy,
            BulkReads bulkReads,
            OperationProgress progresses) {
        this.progresses = progresses;
        this.policy = policy;
        this.bulkReads = bulkReads;
        this.audit = audit;
        this.uploads = uploads;
        this.imports = imports;
        this.loans = loans;
        this.outreach = outreach;
        this.banks = banks;
        this.regions = regions;
        this.currentUser = currentUser;
        this.messages = messages;
        this.pageMessages = pageMessages;
        this.clock = clock;
    }

    /** What every KUR page needs: the user's bank (if any) and which actions their role has. */
    @ModelAttribute
    void common(Model model) {
        LindungUser me = currentUser.get().orElse(null);
        if (me == null) {
            return;
        }
        String bank = banks.bankOf(me).orElse(null);
        model.addAttribute("myBank", bank);
        model.addAttribute("canUpload", bank != null || policy.mayImportAnyBank(me));
        model.addAttribute("canAssign", policy.mayAssign(me));
        model.addAttribute("canEnrol", policy.mayEnrol(me));
        model.addAttribute("isAgent", me.role() == Role.AGENT);
        model.addAttribute("bankOptions", bank != null ? List.of(new KurBanks.Bank(bank, bank, false)) : banks.all());
    }

    // ------------------------------------------------------------------------------------------------ overview

    @GetMapping("/kur")
    String overview(
            @RequestParam(name = "kelompok", defaultValue = "bank") String groupBy,
            @RequestParam(required = false) @Nullable String bank,
            Model model) {
        LindungUser me = currentUser.require();
        String group = CONVERSION_GROUPS.contains(groupBy) ? groupBy : "bank";
        List<ConversionRow> rows = List.of();
        try {
            rows = conversion(group, bank, me);
        } catch (ForbiddenException | InvalidInputException e) {
            model.addAttribute("kurErrors", messagesOf(e));
        }
        long borrowers = rows.stream().mapToLong(ConversionRow::borrowers).sum();
        model.addAttribute("rows", rows);
        model.addAttribute(
                "total",
                new ConversionRow(
                        null,
                        "",
                        "",
                        message("kur.page.total"),
                        borrowers,
                        rows.stream()
                                .mapToLong(ConversionRow::enrolledAtDisbursement)
                                .sum(),
                        rows.stream().mapToLong(ConversionRow::protectedNow).sum(),
                        rows.stream().mapToLong(ConversionRow::mandatory).sum(),
                        rows.stream()
                                .mapToLong(ConversionRow::mandatoryProtectedNow)
                                .sum()));
        model.addAttribute("group", group);
        model.addAttribute("groups", CONVERSION_GROUPS);
        model.addAttribute("bank", isBlank(bank) ? "" : bank.trim().toUpperCase(Locale.ROOT));
        return "kur/overview";
    }

    @GetMapping("/kur/konversi.csv")
    void conversionCsv(
            @RequestParam(name = "kelompok", defaultValue = "bank") String groupBy,
            @RequestParam(required = false) @Nullable String bank,
            HttpServletResponse response)
            throws IOException {
        String group = conversionGroup(groupBy);
        List<ConversionRow> rows = conversionExported("kur-conversion.csv", group, bank);
        CsvWriter out = CsvDownload.start(response, "kur-konversi-" + group + ".csv");
        out.row((Object[]) conversionHeader(group));
        for (ConversionRow r : rows) {
            out.row(
                    r.monthKey(),
                    r.key(),
                    r.label(),
                    r.borrowers(),
                    r.enrolledAtDisbursement(),
                    r.protectedNow(),
                    r.mandatory(),
                    r.mandatoryProtectedNow());
        }
        out.flush();
    }

    @GetMapping("/kur/konversi.xlsx")
    void conversionXlsx(
            @RequestParam(name = "kelompok", defaultValue = "bank") String groupBy,
            @RequestParam(required = false) @Nullable String bank,
            HttpServletResponse response)
            throws IOException {
        String group = conversionGroup(groupBy);
        List<ConversionRow> rows = conversionExported("kur-conversion.xlsx", group, bank);
        Workbook wb = XlsxDownload.start(response, "kur-konversi-" + group + ".xlsx");
        Worksheet sheet = wb.newWorksheet(message("kur.page.overview.sheet"));
        XlsxDownload.header(sheet, conversionHeader(group));
        int r = 1;
        for (ConversionRow row : rows) {
            sheet.value(r, 0, row.monthKey());
            sheet.value(r, 1, row.key());
            sheet.value(r, 2, row.label());
            sheet.value(r, 3, row.borrowers());
            sheet.value(r, 4, row.enrolledAtDisbursement());
            sheet.value(r, 5, row.protectedNow());
            sheet.value(r, 6, row.mandatory());
            sheet.value(r, 7, row.mandatoryProtectedNow());
            r++;
        }
        wb.finish();
    }

    private static String conversionGroup(String groupBy) {
        return CONVERSION_GROUPS.contains(groupBy) ? groupBy : "bank";
    }

    /** The conversion rows of an export, its download audited first. */
    private List<ConversionRow> conversionExported(String file, String group, @Nullable String bank) {
        List<ConversionRow> rows = conversion(group, bank, currentUser.require());
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("group", group);
        filters.put("bank", blank(bank));
        filters.put("rows", rows.size());
        audit.recordExport(file, currentUser.require().scope().code(), filters);
        return rows;
    }

    private String[] conversionHeader(String group) {
        return new String[] {
            message("kur.page.field.month"),
            message("kur.page.group." + group),
            message("kur.page.field.name"),
            message("kur.page.field.borrowers"),
            message("kur.page.field.enrolledAtDisbursement"),
            message("kur.page.field.protectedNow"),
            message("kur.page.field.mandatory"),
            message("kur.page.field.mandatoryProtectedNow")
        };
    }

    private List<ConversionRow> conversion(String group, @Nullable String bank, LindungUser me) {
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("MMM yyyy", formatLocale());
        Map<String, String> labels = new HashMap<>();
        return outreach.conversion(group, blank(bank), me).stream()
                .map(c -> new ConversionRow(
                        c.month(),
                        c.month().format(monthFormat),
                        c.key(),
                        labels.computeIfAbsent(c.key(), k -> groupLabel(group, k)),
                        c.borrowers(),
                        c.enrolledAtDisbursement(),
                        c.protectedNow(),
                        c.mandatory(),
                        c.mandatoryProtectedNow()))
                .toList();
    }

    private String groupLabel(String group, @Nullable String key) {
        if (key == null || key.isEmpty()) {
            return message(group.equals("agent") ? "kur.page.unassigned" : "kur.page.none");
        }
        return switch (group) {
            case "scheme" ->
                Objects.requireNonNull(
                        messages.getMessage("kur.page.scheme." + key, null, key, LocaleContextHolder.getLocale()));
            case "kabkota" -> regions.nameOf(key);
            default -> key;
        };
    }

    /** A month and group of the conversion, with its labels for the page. */
    public record ConversionRow(
            @Nullable YearMonth month,
            String monthLabel,
            String key,
            String label,
            long borrowers,
            long enrolledAtDisbursement,
            long protectedNow,
            long mandatory,
            long mandatoryProtectedNow) {

        public String monthKey() {
            return month == null ? "" : month.toString();
        }
    }

    // -------------------------------------------------------------------------------------------------- upload

    @GetMapping("/kur/unggah")
    String uploadPage(Model model) {
        model.addAttribute("recent", recent(currentUser.require()));
        return "kur/upload";
    }

    /**
     * A file from the form. Sent by the page's script ({@code X-Requested-With: XMLHttpRequest}): the answer is the
     * result fragment; sent by the plain form: the whole page.
     */
    @PostMapping("/kur/unggah")
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestHeader(name = "X-Requested-With", required = false) @Nullable String requestedWith,
            @RequestParam(name = "operation", required = false) @Nullable String operation,
            Model model)
            throws IOException {
        LindungUser me = currentUser.require();
        if (file == null
                || file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank())) {
            model.addAttribute("uploadErrors", List.of(message("kur.page.upload.choose")));
        } else {
            model.addAttribute("fileName", file.getOriginalFilename());
            Progress progress = progresses.start(me.username(), operation);
            try (InputStream in = progress.reading(file.getInputStream(), file.getSize(), KurImports.FILE_STEPS)) {
                uploads.check(file, "file", "kur-file", UploadCheck.Content.CSV_OR_XLSX);
                showResult(model, imports.importFile(file.getOriginalFilename(), in, me, progress));
                progress.finish();
            } catch (InvalidInputException | ForbiddenException e) {
                model.addAttribute("uploadErrors", messagesOf(e));
            }
        }
        model.addAttribute("recent", recent(me));
        return "XMLHttpRequest".equals(requestedWith) ? "kur/upload :: result" : "kur/upload";
    }

    @GetMapping("/kur/berkas/{id:\\d+}")
    String file(@PathVariable long id, Model model) {
        LindungUser me = currentUser.require();
        showResult(model, imports.file(id, me));
        model.addAttribute("recent", recent(me));
        return "kur/upload";
    }

    private void showResult(Model model, KurImportResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("result", result);
        model.addAttribute(
                "resultErrors",
                result.errors().stream()
                        .limit(SHOWN_ERRORS)
                        .map(e -> new ErrorView(
                                e.line(),
                                e.field(),
                                Objects.requireNonNull(
                                        messages.getMessage(e.code(), e.args().toArray(), e.code(), locale))))
                        .toList());
    }

    private List<KurImportResult> recent(LindungUser me) {
        return imports.recent(10, me);
    }

    /** A refused row as the page shows it: line, column, reason in the reader's language. */
    public record ErrorView(int line, String column, String reason) {}

    // --------------------------------------------------------------------------------------------------- loans

    @GetMapping("/kur/peminjam")
    String loanList(
            @RequestParam(required = false) @Nullable String bank,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "wajib", defaultValue = "false") boolean mandatory,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        LindungUser me = currentUser.require();
        PageResult<LoanRow> result = new PageResult<>(List.of(), 0, PAGE_SIZE, 0, false);
        try {
            PageResult<KurLoan> found =
                    loans.search(blank(bank), blank(status), mandatory, Math.max(page, 0), PAGE_SIZE, me);
            bulkReads.listed(
                    "kur-loans",
                    me.scope().code(),
                    BulkReads.filter(
                            "view",
                            "page",
                            "bank",
                            blank(bank),
                            "status",
                            blank(status),
                            "mandatory",
                            mandatory,
                            "page",
                            page,
                            "size",
                            PAGE_SIZE),
                    found.items().size());
            result = found.map(this::row);
        } catch (ForbiddenException | InvalidInputException e) {
            model.addAttribute("kurErrors", messagesOf(e));
        }
        model.addAttribute("result", result);
        model.addAttribute("bank", isBlank(bank) ? "" : bank.trim().toUpperCase(Locale.ROOT));
        model.addAttribute("status", isBlank(status) ? "" : status.trim().toUpperCase(Locale.ROOT));
        model.addAttribute("mandatory", mandatory);
        model.addAttribute("statuses", STATUSES);
        return "kur/loans";
    }

    @GetMapping("/kur/peminjam.csv")
    void loansCsv(
            @RequestParam(required = false) @Nullable String bank,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "wajib", defaultValue = "false") boolean mandatory,
            HttpServletResponse response)
            throws IOException {
        LindungUser me = currentUser.require();
        List<KurLoan> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<KurLoan> result = loans.search(blank(bank), blank(status), mandatory, page, EXPORT_PAGE, me);
            all.addAll(result.items());
            if (!result.hasNext()) {
                break;
            }
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("bank", blank(bank));
        filters.put("status", blank(status));
        filters.put("mandatory", mandatory);
        bulkReads.exported("kur-borrowers.csv", me.scope().code(), filters, all.size());
        CsvWriter out = CsvDownload.start(response, "kur-peminjam.csv");
        out.row(
                "bank",
                "branch",
                "loan_id",
                "nik",
                "name",
                "birth_date",
                "scheme",
                "plafond",
                "disbursed_on",
                "sector",
                "region_code",
                "region",
                "mandatory",
                "status",
                "enrolled_at_disbursement",
                "name_mismatch",
                "birth_mismatch",
                "participant_id",
                "skema",
                "keterangan_status");
        for (KurLoan l : all) { // as loans.search disclosed them to me: NIK masked, birth date kept or not
            out.row(
                    l.bankCode(),
                    l.branch(),
                    l.loanId(),
                    l.nik(),
                    l.name(),
                    l.birthDate(),
                    l.scheme(),
                    l.plafond(),
                    l.disbursedOn(),
                    l.sector(),
                    l.regionCode(),
                    regions.nameOf(l.regionCode()),
                    l.mandatory(),
                    l.matchStatus(),
                    l.enrolledAtDisbursement(),
                    l.nameMismatch(),
                    l.birthMismatch(),
                    l.participantId(),
                    message("kur.page.scheme." + l.scheme()),
                    message("kur.page.status." + l.matchStatus()));
        }
        out.flush();
    }

    private LoanRow row(KurLoan loan) {
        return new LoanRow(loan, regions.nameOf(loan.regionCode()));
    }

    /** A loan with the name of its region. */
    public record LoanRow(KurLoan loan, String regionName) {}

    // ----------------------------------------------------------------------------------------------- work list

    @GetMapping("/kur/daftar-kerja")
    String workList(
            @RequestParam(name = "kelompok", defaultValue = "kabkota") String groupBy,
            @RequestParam(required = false) @Nullable String bank,
            @RequestParam(name = "cabang", required = false) @Nullable String branch,
            @RequestParam(required = false) @Nullable String kabkota,
            @RequestParam(name = "agen", required = false) @Nullable String agent,
            @RequestParam(name = "milik", defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        LindungUser me = currentUser.require();
        List<Region> kabKotas = kabKotasInScope(me);
        kabkota = kabKotaCode(kabkota, kabKotas);
        model.addAttribute("kabkotaOptions", kabKotas);
        String group = WORK_GROUPS.contains(groupBy) ? groupBy : "kabkota";
        List<GroupRow> groups = List.of();
        List<WorkRow> rows = List.of();
        KurOutreach.WorkList list = null;
        try {
            groups = outreach.workGroups(group, blank(bank), me).stream()
                    .map(g -> groupRow(group, g))
                    .toList();
            list = outreach.workList(
                    blank(bank), blank(branch), blank(kabkota), blank(agent), mine, Math.max(page, 0), PAGE_SIZE, me);
            bulkReads.listed(
                    "kur-work-list",
                    me.scope().code(),
                    BulkReads.filter(
                            "view",
                            "page",
                            "bank",
                            blank(bank),
                            "branch",
                            blank(branch),
                            "kabkota",
                            blank(kabkota),
                            "agent",
                            blank(agent),
                            "mine",
                            mine,
                            "page",
                            page,
                            "size",
                            PAGE_SIZE),
                    list.items().items().size());
            Map<String, List<Region>> options = new HashMap<>();
            String ownBank = banks.bankOf(me).orElse(null);
            rows = list.items().items().stream()
                    .map(i -> workRow(i, me, ownBank, options))
                    .toList();
        } catch (ForbiddenException | InvalidInputException e) {
            model.addAttribute("kurErrors", messagesOf(e));
        }
        model.addAttribute("group", group);
        model.addAttribute("groups", WORK_GROUPS);
        model.addAttribute("groupRows", groups);
        model.addAttribute("list", list);
        model.addAttribute("result", list == null ? new PageResult<>(List.of(), 0, PAGE_SIZE, 0, false) : list.items());
        model.addAttribute("rows", rows);
        model.addAttribute("bank", isBlank(bank) ? "" : bank.trim().toUpperCase(Locale.ROOT));
        model.addAttribute("branch", isBlank(branch) ? "" : branch.trim());
        model.addAttribute("kabkota", isBlank(kabkota) ? "" : kabkota.trim());
        model.addAttribute("kabkotaName", isBlank(kabkota) ? "" : regions.nameOf(kabkota.trim()));
        model.addAttribute("agent", isBlank(agent) ? "" : agent.trim());
        model.addAttribute("mine", mine);
        model.addAttribute("thisMonth", YearMonth.now(clock).toString());
        model.addAttribute(
                "quotedMonth",
                list == null
                        ? ""
                        : list.quotedMonth().format(DateTimeFormatter.ofPattern("MMMM yyyy", formatLocale())));
        String query = request.getQueryString();
        model.addAttribute("back", "/kur/daftar-kerja" + (query == null || query.isEmpty() ? "" : "?" + query));
        return "kur/worklist";
    }

    private GroupRow groupRow(String group, KurOutreach.WorkGroup g) {
        String bank = "";
        String branch = "";
        String kabkota = "";
        String agent = "";
        switch (group) {
            case "branch" -> {
                int space = g.key().indexOf(' ');
                bank = space < 0 ? g.key() : g.key().substring(0, space);
                branch = space < 0 ? "" : g.key().substring(space + 1);
            }
            case "kabkota" -> kabkota = g.key();
            default -> agent = g.key();
        }
        return new GroupRow(
                g.key(),
                groupLabel(group, g.key()),
                bank,
                branch,
                kabkota,
                agent,
                g.borrowers(),
                g.mandatory(),
                g.notEnrolled(),
                g.lapsed());
    }

    private WorkRow workRow(
            KurOutreach.WorkItem item, LindungUser me, @Nullable String ownBank, Map<String, List<Region>> options) {
        KurLoan loan = item.loan();
        String code = loan.regionCode();
        List<Region> kecamatans = List.of();
        List<Region> desas = List.of();
        if (loan.participantId() == null && code.length() < 13) {
            List<Region> children = options.computeIfAbsent(
                    code,
                    c -> regions.children(c).stream()
                            .filter(r -> me.scope().includes(r.code()))
                            .toList());
            if (code.length() <= 5) {
                kecamatans = children;
            } else {
                desas = children;
            }
        }
        boolean needsDesa = loan.participantId() == null && code.length() < 13;
        return new WorkRow(
                loan,
                regions.nameOf(code),
                item.reason().name(),
                item.assignedAgent(),
                needsDesa,
                kecamatans,
                desas,
                loan.bankCode() + "|" + loan.loanId(),
                policy.offersEnrol(me, loan, ownBank, item.assignedAgent()));
    }

    /** Counts of a group of the work list, and the filter that shows its borrowers. */
    public record GroupRow(
            String key,
            String label,
            String bank,
            String branch,
            String kabkota,
            String agent,
            long borrowers,
            long mandatory,
            long notEnrolled,
            long lapsed) {}

    /**
     * A line of the work list. {@code needsDesa}: the borrower is not registered and the bank named no desa, so the
     * enrol form asks for one (from {@code kecamatans} then the desa list, or directly from {@code desas}).
     * {@code enrolOffered}: the enrol action would let this user through on this row ({@link KurPolicy#offersEnrol}).
     */
    public record WorkRow(
            KurLoan loan,
            String regionName,
            String reason,
            @Nullable String assignedAgent,
            boolean needsDesa,
            List<Region> kecamatans,
            List<Region> desas,
            String ref,
            boolean enrolOffered) {}

    @PostMapping("/kur/daftar-kerja/daftarkan")
    String enrol(
            @RequestParam(required = false) @Nullable String bank,
            @RequestParam(required = false) @Nullable String loanId,
            @RequestParam(required = false) @Nullable String regionCode,
            @RequestParam(required = false) @Nullable String declaredIncome,
            @RequestParam(required = false) @Nullable String startMonth,
            @RequestParam(name = "kembali", required = false) @Nullable String back,
            RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        String target = "redirect:" + backTo(back);
        if (isBlank(bank) || isBlank(loanId)) {
            redirect.addFlashAttribute("kurErrors", List.of(message("kur.page.enrol.noLoan")));
            return target;
        }
        try {
            KurLoan loan = outreach.enrol(
                    bank.trim(),
                    loanId.trim(),
                    new KurOutreach.EnrolRequest(blank(regionCode), income(declaredIncome), month(startMonth)),
                    me);
            redirect.addFlashAttribute("flashMessage", message("kur.page.enrol.done", loan.name(), loan.loanId()));
        } catch (InvalidInputException | ForbiddenException | NotFoundException e) {
            List<String> problems = messagesOf(e);
            redirect.addFlashAttribute("kurErrors", problems);
            redirect.addFlashAttribute("enrolRef", bank.trim().toUpperCase(Locale.ROOT) + "|" + loanId.trim());
            Map<String, String> values = new LinkedHashMap<>();
            values.put("regionCode", regionCode == null ? "" : regionCode);
            values.put("declaredIncome", declaredIncome == null ? "" : declaredIncome);
            values.put("startMonth", startMonth == null ? "" : startMonth);
            redirect.addFlashAttribute("enrolValues", values);
            redirect.addFlashAttribute("enrolErrors", problems);
        }
        return target;
    }

    @PostMapping("/kur/daftar-kerja/serahkan")
    String assign(
            @RequestParam(name = "pinjaman", required = false) @Nullable List<String> selected,
            @RequestParam(required = false) @Nullable String agent,
            @RequestParam(name = "kembali", required = false) @Nullable String back,
            RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        String target = "redirect:" + backTo(back);
        if (selected == null || selected.isEmpty()) {
            redirect.addFlashAttribute("kurErrors", List.of(message("kur.page.assign.none")));
            return target;
        }
        Map<String, List<String>> byBank = new LinkedHashMap<>();
        for (String ref : selected) {
            int bar = ref.indexOf('|');
            if (bar > 0 && bar < ref.length() - 1) {
                byBank.computeIfAbsent(ref.substring(0, bar), b -> new ArrayList<>())
                        .add(ref.substring(bar + 1));
            }
        }
        try {
            int changed = 0;
            for (Map.Entry<String, List<String>> e : byBank.entrySet()) {
                changed += outreach.assign(e.getKey(), e.getValue(), blank(agent), me);
            }
            redirect.addFlashAttribute(
                    "flashMessage",
                    isBlank(agent)
                            ? message("kur.page.assign.takenBack", changed)
                            : message("kur.page.assign.done", changed, agent.trim()));
        } catch (InvalidInputException | ForbiddenException e) {
            redirect.addFlashAttribute("kurErrors", messagesOf(e));
        }
        return target;
    }

    private static String backTo(@Nullable String back) {
        return back != null && WORK_LIST_URL.matcher(back).matches() ? back : "/kur/daftar-kerja";
    }

    private static @Nullable Long income(@Nullable String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            long income = Long.parseLong(v.replace(".", "").replace(",", "").replace(" ", ""));
            if (income <= 0) {
                throw new NumberFormatException();
            }
            return income;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(FieldIssue.error("declaredIncome", "kur.page.enrol.income.invalid", v));
        }
    }

    private static @Nullable YearMonth month(@Nullable String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(FieldIssue.error("startMonth", "kur.page.enrol.month.invalid", v));
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private List<String> messagesOf(RuntimeException e) {
        return pageMessages.refusal(e, "kur.page.field.");
    }

    private String message(String code, Object... args) {
        return pageMessages.message(code, args);
    }

    private static Locale formatLocale() {
        return PageMessages.formatLocale();
    }

    /** The kab/kota in the user's scope: what the work list's region filter completes (KUR data names no lower). */
    private List<Region> kabKotasInScope(LindungUser me) {
        String scope = me.scope().code();
        if (scope.length() >= 5) {
            return regions.find(scope.substring(0, 5)).stream().toList();
        }
        if (scope.length() == 2) {
            return regions.children(scope);
        }
        return regions.provinces().stream()
                .flatMap(p -> regions.children(p.code()).stream())
                .toList();
    }

    /**
     * The kab/kota code a region filter names: a code as typed, or a name as the completion offers it (case and the
     * "Kabupaten"/"Kota" prefix ignored) among the kab/kota in scope; otherwise what was typed, which then finds
     * nothing.
     */
    static @Nullable String kabKotaCode(@Nullable String typed, List<Region> inScope) {
        if (typed == null || typed.isBlank() || typed.trim().matches("\\d{2}(\\.\\d{2})?")) {
            return typed;
        }
        String wanted = plainName(typed);
        List<Region> found = inScope.stream()
                .filter(r -> r.name().equalsIgnoreCase(typed.trim())
                        || plainName(r.name()).equals(wanted))
                .toList();
        return found.size() == 1 ? found.get(0).code() : typed;
    }

    private static String plainName(String name) {
        return name.trim().toUpperCase(Locale.ROOT).replaceFirst("^(KABUPATEN|KAB\\.|KOTA)\\s+", "");
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Contract("null -> true") // tells NullAway that false means a value
    private static boolean isBlank(@Nullable String s) {
        return blank(s) == null;
    }
}
