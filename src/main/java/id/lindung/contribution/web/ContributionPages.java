package id.lindung.contribution.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.contribution.Bill;
import id.lindung.contribution.BillLine;
import id.lindung.contribution.BillingRunResult;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.ContributionPolicy;
import id.lindung.contribution.Dues;
import id.lindung.contribution.MembershipStatus;
import id.lindung.contribution.Payment;
import id.lindung.contribution.PaymentFileResult;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.PaymentResult;
import id.lindung.contribution.Payments;
import id.lindung.contribution.RateBook;
import id.lindung.contribution.RateRule;
import id.lindung.contribution.Statement;
import id.lindung.contribution.Statements;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.Indonesian;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.progress.OperationProgress;
import id.lindung.shared.progress.Progress;
import id.lindung.shared.tabular.CsvWriter;
import id.lindung.shared.tabular.RowRefusal;
import id.lindung.shared.web.CsvDownload;
import id.lindung.shared.web.FormPosts;
import id.lindung.shared.web.PageMessages;
import id.lindung.shared.web.UploadCheck;
import id.lindung.shared.web.XlsxDownload;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Contribution pages: a membership's statement ({@code /kepesertaan/{id}}: status on a date, bills with their lines
 * and legal basis, payments, a payment form, CSV and XLSX exports), its status as an htmx fragment for the enrolment
 * page, the rate book ({@code /iuran/tarif}, administrators correct unconfirmed figures), billing runs
 * ({@code /iuran/penagihan}) and bank payment files ({@code /iuran/berkas-pembayaran}).
 *
 * <p>The payment form carries an idempotency key made when the form is rendered: submitting the same form twice
 * (a double click, a reload after posting) records one payment, the second answer says it was already recorded.
 */
@Controller
class ContributionPages {

    private static final Logger log = LoggerFactory.getLogger(ContributionPages.class);
    private static final Set<String> PAYMENT_FIELDS = Set.of("amount", "paidOn", "reference");
    /** Rule tables in the order the rate book lists them; the first four hold figures an administrator corrects. */
    private static final List<String> RULE_GROUPS = List.of("rate", "cap", "tier", "package", "discount", "fine");

    private static final Set<String> CORRECTABLE = Set.of("rate", "cap", "tier", "package");

    private final ContributionPolicy policy;
    private final Statements statements;
    private final Dues dues;
    private final Payments payments;
    private final BillingRuns billing;
    private final RateBook rates;
    private final EnrolmentManagement enrolment;
    private final ParticipantManagement participants;
    private final CurrentUser currentUser;
    private final PageMessages messages;
    private final Clock clock;
    private final UploadCheck uploads;
    private final AuditTrail audit;
    private final OperationProgress progresses;

    ContributionPages(
            Statements statements,
            Payments payments,
            BillingRuns billing,
            RateBook rates,
            EnrolmentManagement enrolment,
            ParticipantManagement participants,
            CurrentUser currentUser,
            PageMessages messages,
            Clock clock,
            UploadCheck uploads,
            AuditTrail audit,
            Dues dues,
            ContributionPolicy policy,
            OperationProgress progresses) {
        this.progresses = progresses;
        this.policy = policy;
        this.dues = dues;
        this.audit = audit;
        this.uploads = uploads;
        this.statements = statements;
        this.payments = payments;
        this.billing = billing;
        this.rates = rates;
        this.enrolment = enrolment;
        this.participants = participants;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ statement

    @GetMapping("/kepesertaan/{id}")
    String statement(
            @PathVariable long id,
            @RequestParam(name = "tanggal", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            Model model) {
        LindungUser me = currentUser.require();
        Statement statement = statements.statement(MembershipId.ofRequest(id), date == null ? today() : date, me);
        audit.recordRead(
                AuditTrail.STATEMENT_VIEWED,
                "membership",
                Long.toString(id),
                statement.membership().regionCode(),
                Map.of("view", "page"));
        PaymentForm form = new PaymentForm();
        form.setIdempotencyKey(UUID.randomUUID().toString());
        form.setPaidOn(today());
        long outstanding =
                statement.bills().stream().mapToLong(Bill::outstanding).sum();
        form.setAmount(outstanding > 0 ? outstanding : null);
        return statementPage(model, statement, form, me);
    }

    @PostMapping("/kepesertaan/{id}/bayar")
    String pay(
            @PathVariable long id,
            @ModelAttribute("paymentForm") PaymentForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LindungUser me = currentUser.require();
        Statement statement = statements.statement(MembershipId.ofRequest(id), today(), me);
        if (binding.hasErrors()) {
            return statementPage(model, statement, form, me);
        }
        try {
            PaymentResult result = payments.pay(
                    new PaymentRequest(
                            form.getIdempotencyKey(),
                            id,
                            form.getAmount(),
                            form.getPaidOn(),
                            blankToNull(form.getReference())),
                    me);
            if (result.replayed()) {
                redirect.addFlashAttribute(
                        "flashMessage",
                        message("payment.page.replayed", rupiah(result.amount()), date(result.paidOn())));
            } else if ("REJECTED".equals(result.status())) {
                redirect.addFlashAttribute(
                        "flashWarnings",
                        List.of(message(
                                "payment.page.rejected",
                                rupiah(result.amount()),
                                message("payment.reject." + result.rejectReason()))));
            } else {
                redirect.addFlashAttribute(
                        "flashMessage",
                        message(
                                "payment.page.recorded",
                                rupiah(result.amount()),
                                rupiah(result.allocated()),
                                rupiah(result.credit())));
            }
            return "redirect:/kepesertaan/" + id + "#payments";
        } catch (InvalidInputException e) {
            for (FieldIssue issue : e.issues()) {
                if (!issue.isError()) {
                    continue;
                }
                if ("payment.key.reused".equals(issue.code())) {
                    // an old form (browser back) sent with other figures: say so, and let a resend count as new
                    form.setIdempotencyKey(UUID.randomUUID().toString());
                    binding.reject("payment.page.stale-form", "payment.page.stale-form");
                } else if (PAYMENT_FIELDS.contains(issue.field())) {
                    binding.rejectValue(
                            issue.field(), issue.code(), issue.args().toArray(), issue.code());
                } else {
                    binding.reject(issue.code(), issue.args().toArray(), issue.code());
                }
            }
            return statementPage(model, statement, form, me);
        } catch (ForbiddenException e) {
            FormPosts.forbidden(binding, e, response);
            return statementPage(model, statement, form, me);
        }
    }

    /** The status block alone, loaded by the enrolment page for each membership. */
    @GetMapping("/kepesertaan/{id}/status")
    String status(
            @PathVariable long id,
            @RequestParam(name = "tanggal", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            Model model) {
        MembershipStatus status =
                statements.status(MembershipId.ofRequest(id), date == null ? today() : date, currentUser.require());
        model.addAttribute("status", status);
        model.addAttribute("ui", new Ui());
        return "contribution/fragments :: status";
    }

    private String statementPage(Model model, Statement statement, PaymentForm form, LindungUser me) {
        Membership m = statement.membership();
        model.addAttribute("s", statement);
        model.addAttribute("m", m);
        model.addAttribute("status", statement.status());
        model.addAttribute("participant", participantOf(m, me));
        model.addAttribute("employerName", employerName(m, me));
        model.addAttribute("paymentForm", form);
        model.addAttribute("canPay", policy.mayPayFor(me, m));
        model.addAttribute(
                "outstanding",
                statement.bills().stream().mapToLong(Bill::outstanding).sum());
        model.addAttribute("due", dues.dueNow(MembershipId.of(m.id()), me));
        model.addAttribute("today", today());
        model.addAttribute("ui", new Ui());
        return "contribution/statement";
    }

    private @Nullable Participant participantOf(Membership m, LindungUser me) {
        if (m.participantId() == null) {
            return null;
        }
        try {
            return participants.get(ParticipantId.of(m.participantId()), me);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private @Nullable String employerName(Membership m, LindungUser me) {
        if (m.employerId() == null) {
            return null;
        }
        try {
            var e = enrolment.employer(m.employerId(), me);
            return e.name() + " (" + e.npp() + ")";
        } catch (NotFoundException outsideScope) {
            return "#" + m.employerId();
        }
    }

    // ------------------------------------------------------------------------------------------------- exports

    /** A statement export is audited (on the membership) before its first byte is sent. */
    private void exported(Statement s, String file) {
        audit.recordRead(
                AuditTrail.EXPORT_DOWNLOADED,
                "membership",
                Long.toString(s.membership().id()),
                s.membership().regionCode(),
                Map.of(
                        "file",
                        file,
                        "bills",
                        s.bills().size(),
                        "payments",
                        s.payments().size()));
    }

    @GetMapping("/kepesertaan/{id}/rekening.csv")
    void statementCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        Statement s = statements.statement(MembershipId.ofRequest(id), today(), currentUser.require());
        exported(s, "statement.csv");
        CsvWriter out =
                CsvDownload.start(response, "rekening-iuran-" + s.membership().number() + ".csv");
        out.row(
                "Baris",
                "Periode",
                "Jatuh tempo",
                "Status",
                "Program",
                "Komponen",
                "Dasar iuran",
                "% pemberi kerja",
                "% pekerja",
                "Iuran pemberi kerja",
                "Iuran pekerja",
                "Jumlah",
                "Dibayar",
                "Tanggal bayar",
                "Referensi",
                "Dasar hukum",
                "Belum terkonfirmasi",
                "Keterangan");
        for (Bill b : s.bills()) {
            out.row(
                    "TAGIHAN",
                    b.period().toString(),
                    b.dueDate().toString(),
                    b.status(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    b.amount(),
                    b.paid(),
                    null,
                    null,
                    null,
                    null,
                    message("bill.status." + b.status()));
            for (BillLine l : b.lines()) {
                out.row(
                        "RINCIAN",
                        b.period().toString(),
                        null,
                        null,
                        l.programme(),
                        l.kind(),
                        l.base(),
                        l.employerPct(),
                        l.workerPct(),
                        l.employerAmount(),
                        l.workerAmount(),
                        l.amount(),
                        null,
                        null,
                        null,
                        legalBasis(l),
                        l.unconfirmed() ? "ya" : null,
                        null);
            }
        }
        for (Payment p : s.payments()) {
            out.row(
                    "PEMBAYARAN",
                    null,
                    null,
                    p.status(),
                    null,
                    p.channel(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    p.amount(),
                    p.allocated(),
                    p.paidOn().toString(),
                    p.reference(),
                    null,
                    null,
                    paymentLabel(p));
        }
        out.flush();
    }

    @GetMapping("/kepesertaan/{id}/rekening.xlsx")
    void statementXlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
        Statement s = statements.statement(MembershipId.ofRequest(id), today(), currentUser.require());
        exported(s, "statement.xlsx");
        Workbook wb =
                XlsxDownload.start(response, "rekening-iuran-" + s.membership().number() + ".xlsx");

        Worksheet bills = wb.newWorksheet("Tagihan");
        XlsxDownload.header(
                bills, "Periode", "Jatuh tempo", "Jumlah", "Dibayar", "Sisa", "Status", "Keterangan status");
        int r = 1;
        for (Bill b : s.bills()) {
            bills.value(r, 0, b.period().toString());
            bills.value(r, 1, b.dueDate());
            bills.style(r, 1).format("yyyy-mm-dd").set();
            rupiahCell(bills, r, 2, b.amount());
            rupiahCell(bills, r, 3, b.paid());
            rupiahCell(bills, r, 4, b.outstanding());
            bills.value(r, 5, b.status());
            bills.value(r, 6, message("bill.status." + b.status()));
            r++;
        }

        Worksheet lines = wb.newWorksheet("Rincian");
        XlsxDownload.header(
                lines,
                "Periode",
                "Baris",
                "Program",
                "Komponen",
                "Dasar iuran",
                "% pemberi kerja",
                "% pekerja",
                "Iuran pemberi kerja",
                "Iuran pekerja",
                "Jumlah",
                "Dasar hukum",
                "Belum terkonfirmasi");
        r = 1;
        for (Bill b : s.bills()) {
            for (BillLine l : b.lines()) {
                lines.value(r, 0, b.period().toString());
                lines.value(r, 1, l.lineNo());
                lines.value(r, 2, l.programme());
                lines.value(r, 3, l.kind());
                if (l.base() != null) {
                    rupiahCell(lines, r, 4, l.base());
                }
                if (l.employerPct() != null) {
                    lines.value(r, 5, l.employerPct());
                }
                if (l.workerPct() != null) {
                    lines.value(r, 6, l.workerPct());
                }
                rupiahCell(lines, r, 7, l.employerAmount());
                rupiahCell(lines, r, 8, l.workerAmount());
                rupiahCell(lines, r, 9, l.amount());
                lines.value(r, 10, legalBasis(l));
                lines.value(r, 11, l.unconfirmed() ? "ya" : "");
                r++;
            }
        }

        Worksheet paid = wb.newWorksheet("Pembayaran");
        XlsxDownload.header(
                paid,
                "Tanggal bayar",
                "Jumlah",
                "Teralokasi",
                "Kredit",
                "Kanal",
                "Referensi",
                "Status",
                "Kunci",
                "Keterangan");
        r = 1;
        for (Payment p : s.payments()) {
            paid.value(r, 0, p.paidOn());
            paid.style(r, 0).format("yyyy-mm-dd").set();
            rupiahCell(paid, r, 1, p.amount());
            rupiahCell(paid, r, 2, p.allocated());
            rupiahCell(paid, r, 3, p.unallocated());
            paid.value(r, 4, p.channel());
            paid.value(r, 5, p.reference());
            paid.value(r, 6, p.status());
            paid.value(r, 7, p.idempotencyKey());
            paid.value(r, 8, paymentLabel(p));
            r++;
        }
        wb.finish();
    }

    /** A payment's status and channel in words, for the reader of an export: "Diterapkan · Berkas bank". */
    private String paymentLabel(Payment p) {
        return message("payment.status." + p.status()) + " · " + message("payment.channel." + p.channel());
    }

    private static void rupiahCell(Worksheet sheet, int row, int col, long amount) {
        sheet.value(row, col, amount);
        sheet.style(row, col).format("#,##0").set();
    }

    private static String legalBasis(BillLine line) {
        return line.rules().stream().map(RateRule::legalBasis).distinct().collect(Collectors.joining("; "));
    }

    // ----------------------------------------------------------------------------------------------- rate book

    @GetMapping("/iuran/tarif")
    String rateBook(Model model) {
        LindungUser me = currentUser.require();
        Map<String, List<RateRule>> groups = new LinkedHashMap<>();
        RULE_GROUPS.forEach(g -> groups.put(g, new ArrayList<>()));
        for (RateRule rule : rates.all()) {
            groups.computeIfAbsent(rule.ref().substring(0, rule.ref().indexOf(':')), g -> new ArrayList<>())
                    .add(rule);
        }
        model.addAttribute("groups", groups);
        model.addAttribute("isAdmin", policy.mayCorrectRates(me));
        model.addAttribute(
                "unconfirmedCount",
                groups.values().stream()
                        .flatMap(List::stream)
                        .filter(RateRule::unconfirmed)
                        .count());
        model.addAttribute("ui", new Ui());
        return "contribution/rates";
    }

    @PostMapping("/iuran/tarif/koreksi")
    String correctRate(
            @RequestParam String ref,
            @RequestParam(required = false) String value,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        String anchor = "#rule-" + ref.replace(':', '-');
        try {
            RateRule before = rates.all().stream()
                    .filter(r -> r.ref().equals(ref))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("rule " + ref));
            BigDecimal parsed = parseFigure(value, isRupiah(before.value()));
            RateRule after = rates.correct(ref, parsed, note, me);
            redirect.addFlashAttribute(
                    "flashMessage",
                    message(
                            "rates.page.corrected",
                            after.what(),
                            new Ui().ruleValue(before.value()),
                            new Ui().ruleValue(after.value())));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("rateErrorRef", ref);
            redirect.addFlashAttribute(
                    "rateErrors",
                    e.issues().stream()
                            .filter(FieldIssue::isError)
                            .map(i -> message(i.code(), i.args().toArray()))
                            .toList());
        }
        return "redirect:/iuran/tarif" + anchor;
    }

    /** "0,24" or "0.24" (a percentage), "16.800" or "16800" (rupiah); a figure that is no number is refused. */
    private static @Nullable BigDecimal parseFigure(@Nullable String value, boolean rupiah) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().replace("Rp", "").replace("%", "").replace(" ", "");
        if (v.contains(",")) {
            v = v.replace(".", "").replace(',', '.');
        } else if (rupiah) {
            v = v.replace(".", "");
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(FieldIssue.error("value", "rates.value.format", value));
        }
    }

    private static boolean isRupiah(String ruleValue) {
        return ruleValue.matches("\\d+");
    }

    // -------------------------------------------------------------------------------------------------- billing

    @GetMapping("/iuran/penagihan")
    String billingRuns(Model model) {
        LindungUser me = currentUser.require();
        model.addAttribute("runs", billing.recent(24));
        model.addAttribute("canRun", mayRunBilling(me));
        model.addAttribute("month", YearMonth.now(clock));
        model.addAttribute("ui", new Ui());
        return "contribution/billing";
    }

    @PostMapping("/iuran/penagihan")
    String runBilling(
            @RequestParam(name = "bulan", required = false) String month,
            @RequestParam(name = "operation", required = false) @Nullable String operation,
            RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        YearMonth period;
        try {
            period = YearMonth.parse(month == null ? "" : month.trim());
        } catch (java.time.format.DateTimeParseException e) {
            redirect.addFlashAttribute("billingError", message("billing.page.month.invalid"));
            return "redirect:/iuran/penagihan";
        }
        try {
            Progress progress = progresses.start(me.username(), operation);
            BillingRunResult r = billing.run(period, me, progress);
            progress.finish();
            redirect.addFlashAttribute(
                    "flashMessage",
                    message("billing.page.done", new Ui().month(r.period()), r.billsCreated(), r.lapsed()));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("billingError", message(e.code(), e.args()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("billingError", message(e.code(), e.args()));
        } catch (RuntimeException e) {
            // the run recorded itself as FAILED with the error; starting it again resumes it
            log.warn("Billing run for {} started from the billing page failed", period, e);
            redirect.addFlashAttribute("billingError", message("billing.page.failed", new Ui().month(period)));
        }
        return "redirect:/iuran/penagihan";
    }

    private boolean mayRunBilling(LindungUser me) {
        return policy.mayRunBilling(me);
    }

    // -------------------------------------------------------------------------------------------- payment files

    @GetMapping("/iuran/berkas-pembayaran")
    String paymentFileForm(Model model) {
        return paymentFilePage(model, currentUser.require());
    }

    @PostMapping("/iuran/berkas-pembayaran")
    String uploadPaymentFile(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "operation", required = false) @Nullable String operation,
            Model model)
            throws IOException {
        LindungUser me = currentUser.require();
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileErrors", List.of(new RowRefusal(null, "", message("payment-file.empty"))));
            return paymentFilePage(model, me);
        }
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "berkas.csv"
                        : file.getOriginalFilename();
        Progress progress = progresses.start(me.username(), operation);
        try (InputStream in = progress.reading(file.getInputStream(), file.getSize(), Payments.FILE_STEPS)) {
            uploads.check(file, "file", "payment-file", UploadCheck.Content.CSV);
            PaymentFileResult result = payments.applyFile(name, in, me, progress);
            progress.finish();
            model.addAttribute("fileResult", result);
        } catch (InvalidInputException e) {
            model.addAttribute("fileName", name);
            model.addAttribute(
                    "fileErrors",
                    e.issues().stream()
                            .filter(FieldIssue::isError)
                            .map(i ->
                                    RowRefusal.of(i, message(i.code(), i.args().toArray())))
                            .toList());
        }
        return paymentFilePage(model, me);
    }

    private String paymentFilePage(Model model, LindungUser me) {
        model.addAttribute("canUpload", policy.mayImport(me));
        model.addAttribute("ui", new Ui());
        return "contribution/payment-file";
    }

    // ------------------------------------------------------------------------------------------------- outcomes

    // ------------------------------------------------------------------------------------------------- helpers

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String message(String code, Object... args) {
        return messages.message(code, args);
    }

    private static String rupiah(long amount) {
        return new Ui().rupiah(amount);
    }

    private static String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Ui.locale()));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Formats for the contribution templates ({@code ${ui.month(b.period())}}), in the page's language. */
    public static final class Ui {

        static Locale locale() {
            return Indonesian.formatLocale(LocaleContextHolder.getLocale());
        }

        private static boolean english() {
            return locale() == Locale.UK;
        }

        /** "Mei 2026". */
        public String month(@Nullable YearMonth month) {
            return month == null ? "" : month.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale()));
        }

        /** "Rp16.800", a discount "−Rp5.000" (Indonesian grouping in both languages, as {@code fmt.rupiah}). */
        public String rupiah(@Nullable Number amount) {
            if (amount == null) {
                return "";
            }
            long value = amount.longValue();
            return value < 0 ? "\u2212" + Indonesian.rupiah(Math.abs(value)) : Indonesian.rupiah(value);
        }

        /** The month a date lies in: "Maret 2027" (discounts run by whole months). */
        public String monthOf(@Nullable LocalDate date) {
            return date == null ? "" : month(YearMonth.from(date));
        }

        /** "0,24%" in Indonesian, "0.24%" in English. */
        public String pct(@Nullable BigDecimal pct) {
            if (pct == null) {
                return "";
            }
            return (english() ? pct.stripTrailingZeros().toPlainString() : Indonesian.plain(pct)) + "%";
        }

        /** A rule's figure as the rate book stores it ("16800", "0.24%", "0.5% + 2%") made readable. */
        public String ruleValue(String value) {
            if (value.matches("\\d+")) {
                return rupiah(Long.parseLong(value));
            }
            return english() ? value : value.replaceAll("(\\d)\\.(\\d)", "$1,$2");
        }

        public boolean correctable(RateRule rule) {
            String table = rule.ref().substring(0, rule.ref().indexOf(':'));
            return rule.unconfirmed()
                    && CORRECTABLE.contains(table)
                    && (rule.value().matches("\\d+") || rule.value().matches("[0-9.]+%"));
        }

        /** The figure as an administrator types it: "16800", "0,24". */
        public String editableValue(RateRule rule) {
            String v = rule.value().replace("%", "");
            return english() ? v : v.replace('.', ',');
        }
    }

    // ---------------------------------------------------------------------------------------------------- form

    /** The payment form. {@code idempotencyKey} is made when the form is rendered and sent back unchanged. */
    public static class PaymentForm {

        private @Nullable String idempotencyKey;
        private @Nullable Long amount;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate paidOn;

        private @Nullable String reference;

        public @Nullable String getIdempotencyKey() {
            return idempotencyKey;
        }

        public void setIdempotencyKey(@Nullable String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
        }

        public @Nullable Long getAmount() {
            return amount;
        }

        public void setAmount(@Nullable Long amount) {
            this.amount = amount;
        }

        public @Nullable LocalDate getPaidOn() {
            return paidOn;
        }

        public void setPaidOn(@Nullable LocalDate paidOn) {
            this.paidOn = paidOn;
        }

        public @Nullable String getReference() {
            return reference;
        }

        public void setReference(@Nullable String reference) {
            this.reference = reference;
        }
    }
}
