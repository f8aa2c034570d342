package id.lindung.contribution.snap;

import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.contribution.ContributionPolicy;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.tabular.CsvWriter;
import id.lindung.shared.web.CsvDownload;
import id.lindung.shared.web.PageMessages;
import id.lindung.shared.web.XlsxDownload;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SNAP pages: the daily reconciliation of banks' VA payments (officers and administrators, within their region
 * scope; CSV and XLSX) and the registration of banks as SNAP clients (administrators; the client secret is shown
 * once and never again).
 */
@Controller
class SnapPages {

    /** Lines shown on the reconciliation page; the downloads have them all. */
    static final int SHOWN_LINES = 500;

    private static final int MAX_NAME = 120;
    private static final int MAX_KEY = 64;
    private static final int MIN_RSA_BITS = 2048;

    private final SnapClients clients;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ContributionPolicy policy;
    private final PageMessages messages;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SnapPages(
            SnapClients clients,
            JdbcClient jdbc,
            CurrentUser currentUser,
            ContributionPolicy policy,
            PageMessages messages,
            AuditTrail audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.policy = policy;
        this.messages = messages;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** One bank's payments of the day: how many and how much. */
    record BankTotal(long clientId, String bank, long count, long total) {}

    /** One recorded SNAP payment. */
    record Line(
            String bank,
            Instant recordedAt,
            String virtualAccountNo,
            String paymentRequestId,
            @Nullable String referenceNo,
            String trxDateTime,
            long amount) {}

    // ------------------------------------------------------------------------------------------- reconciliation

    @GetMapping("/iuran/snap/rekonsiliasi")
    String reconciliation(
            @RequestParam(name = "tanggal", required = false) @Nullable String day,
            @RequestParam(name = "bank", required = false) @Nullable Long bank,
            Model model) {
        LindungUser me = mayReconcile();
        LocalDate date = day(day, model);
        List<BankTotal> totals = jdbc.sql("""
                        SELECT c.id, c.name, count(*), sum(s.paid_amount) FROM snap_payment s
                          JOIN snap_client c ON c.id = s.client_id
                          JOIN payment p ON p.id = s.payment_id
                          JOIN enrolment_membership_v v ON v.membership_id = p.membership_id
                         WHERE s.paid_on = ? AND v.region_code LIKE ? AND (CAST(? AS BIGINT) IS NULL OR c.id = ?)
                         GROUP BY c.id, c.name ORDER BY c.name, c.id""")
                .params(Date.valueOf(date), me.scope().code() + "%", bank, bank)
                .query((rs, n) -> new BankTotal(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
        List<Line> lines = new ArrayList<>();
        lines(me, date, bank, SHOWN_LINES, lines::add);
        model.addAttribute("date", date);
        model.addAttribute("bank", bank);
        model.addAttribute("banks", clients.registered());
        model.addAttribute("totals", totals);
        model.addAttribute("count", totals.stream().mapToLong(BankTotal::count).sum());
        model.addAttribute("total", totals.stream().mapToLong(BankTotal::total).sum());
        model.addAttribute("lines", lines);
        model.addAttribute("shownLines", SHOWN_LINES);
        return "contribution/snap-reconciliation";
    }

    @GetMapping("/iuran/snap/rekonsiliasi.csv")
    void reconciliationCsv(
            @RequestParam(name = "tanggal", required = false) @Nullable String day,
            @RequestParam(name = "bank", required = false) @Nullable Long bank,
            HttpServletResponse response)
            throws IOException {
        LindungUser me = mayReconcile();
        LocalDate date = day(day, null);
        exported(me, "snap-reconciliation.csv", date, bank);
        CsvWriter out = CsvDownload.start(response, "rekonsiliasi-snap-" + date + ".csv");
        out.row(headers());
        lines(
                me,
                date,
                bank,
                Integer.MAX_VALUE,
                l -> out.row(
                        l.bank(),
                        l.recordedAt().atZone(clock.getZone()).toLocalDateTime().toString(),
                        l.virtualAccountNo(),
                        l.paymentRequestId(),
                        l.referenceNo(),
                        l.trxDateTime(),
                        l.amount()));
        out.flush();
    }

    @GetMapping("/iuran/snap/rekonsiliasi.xlsx")
    void reconciliationXlsx(
            @RequestParam(name = "tanggal", required = false) @Nullable String day,
            @RequestParam(name = "bank", required = false) @Nullable Long bank,
            HttpServletResponse response)
            throws IOException {
        LindungUser me = mayReconcile();
        LocalDate date = day(day, null);
        exported(me, "snap-reconciliation.xlsx", date, bank);
        Workbook wb = XlsxDownload.start(response, "rekonsiliasi-snap-" + date + ".xlsx");
        Worksheet sheet = wb.newWorksheet("SNAP " + date);
        XlsxDownload.header(sheet, headers());
        int[] r = {1};
        lines(me, date, bank, Integer.MAX_VALUE, l -> {
            int row = r[0]++;
            sheet.value(row, 0, l.bank());
            sheet.value(row, 1, l.recordedAt().atZone(clock.getZone()).toLocalDateTime());
            sheet.style(row, 1).format("yyyy-mm-dd hh:mm:ss").set();
            sheet.value(row, 2, l.virtualAccountNo());
            sheet.value(row, 3, l.paymentRequestId());
            sheet.value(row, 4, l.referenceNo());
            sheet.value(row, 5, l.trxDateTime());
            sheet.value(row, 6, l.amount());
            sheet.style(row, 6).format("#,##0").set();
        });
        wb.finish();
    }

    private static String[] headers() {
        return new String[] {
            "Bank", "Dicatat", "Nomor VA", "paymentRequestId", "referenceNo", "trxDateTime", "Jumlah (Rp)"
        };
    }

    /** The day's SNAP payments of the memberships in the user's scope, by bank and time. */
    private void lines(LindungUser me, LocalDate date, @Nullable Long bank, int limit, Consumer<Line> each) {
        jdbc.sql("""
                        SELECT c.name, s.recorded_at, s.virtual_account_no, s.payment_request_id, s.reference_no,
                               s.trx_date_time, s.paid_amount
                          FROM snap_payment s
                          JOIN snap_client c ON c.id = s.client_id
                          JOIN payment p ON p.id = s.payment_id
                          JOIN enrolment_membership_v v ON v.membership_id = p.membership_id
                         WHERE s.paid_on = ? AND v.region_code LIKE ? AND (CAST(? AS BIGINT) IS NULL OR c.id = ?)
                         ORDER BY c.name, s.recorded_at, s.id LIMIT ?""")
                .params(Date.valueOf(date), me.scope().code() + "%", bank, bank, limit)
                .query(rs -> {
                    each.accept(new Line(
                            rs.getString(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getLong(7)));
                });
    }

    private void exported(LindungUser me, String file, LocalDate date, @Nullable Long bank) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("date", date.toString());
        details.put("bank", bank);
        audit.recordExport(file, me.scope().code(), details);
    }

    /** The chosen day, today when none or not a date (the page then says so). */
    private LocalDate day(@Nullable String day, @Nullable Model model) {
        if (day == null || day.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            if (model != null) {
                model.addAttribute("dateError", messages.message("snap.reconciliation.date.invalid"));
            }
            return LocalDate.now(clock);
        }
    }

    private LindungUser mayReconcile() {
        LindungUser me = currentUser.require();
        if (!policy.mayImport(me)) {
            throw new ForbiddenException("access.role.read-only", me.role().name());
        }
        return me;
    }

    // ---------------------------------------------------------------------------------------------------- banks

    @GetMapping("/iuran/snap/bank")
    String banks(Model model) {
        admin();
        model.addAttribute("banks", clients.registered());
        return "contribution/snap-banks";
    }

    @PostMapping("/iuran/snap/bank")
    String register(
            @RequestParam(name = "name", required = false) @Nullable String name,
            @RequestParam(name = "clientKey", required = false) @Nullable String clientKey,
            @RequestParam(name = "publicKey", required = false) @Nullable String publicKey,
            Model model,
            HttpServletResponse response) {
        LindungUser me = admin();
        Map<String, String> errors = new LinkedHashMap<>();
        String n = name == null ? "" : name.strip();
        String key = clientKey == null ? "" : clientKey.strip();
        String pem = publicKey == null ? "" : publicKey.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            errors.put("name", messages.message("snap.bank.name.invalid", MAX_NAME));
        }
        if (!key.matches("[A-Za-z0-9._-]{1," + MAX_KEY + "}")) {
            errors.put("clientKey", messages.message("snap.bank.clientKey.invalid", MAX_KEY));
        }
        if (!rsaKey(pem)) {
            errors.put("publicKey", messages.message("snap.bank.publicKey.invalid", MIN_RSA_BITS));
        }
        if (errors.isEmpty()) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            transactions.executeWithoutResult(tx -> {
                clients.register(key, n, pem, secret);
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("name", n);
                values.put("clientKey", key);
                audit.record("SNAP_CLIENT_REGISTERED", "snap_client", idOf(key), null, values);
            });
            // shown on this answer only: never stored readable outside the vault, never sent again
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("secret", secret);
            model.addAttribute("registeredKey", key);
        } else {
            model.addAttribute("errors", errors);
            model.addAttribute("name", n);
            model.addAttribute("clientKey", key);
            model.addAttribute("publicKey", pem);
        }
        model.addAttribute("banks", clients.registered());
        return "contribution/snap-banks";
    }

    @PostMapping("/iuran/snap/bank/nonaktif")
    String deactivate(@RequestParam(name = "id", required = false) @Nullable Long id, RedirectAttributes redirect) {
        admin();
        clients.registered().stream()
                .filter(b -> id != null && b.id() == id)
                .findFirst()
                .ifPresent(b -> {
                    transactions.executeWithoutResult(tx -> {
                        clients.deactivate(b.clientKey());
                        audit.record(
                                "SNAP_CLIENT_DISABLED", "snap_client", b.clientKey(), null, Map.of("name", b.name()));
                    });
                    redirect.addFlashAttribute("flashMessage", messages.message("snap.bank.disabled", b.name()));
                });
        return "redirect:/iuran/snap/bank";
    }

    private String idOf(String clientKey) {
        return clients.registered().stream()
                .filter(b -> b.clientKey().equals(clientKey))
                .map(b -> Long.toString(b.id()))
                .findFirst()
                .orElse(clientKey);
    }

    private static boolean rsaKey(String pem) {
        if (pem.isEmpty() || pem.length() > 4096 || !pem.contains("-----BEGIN PUBLIC KEY-----")) {
            return false;
        }
        try {
            return SnapClients.publicKey(pem) instanceof RSAPublicKey rsa
                    && rsa.getModulus().bitLength() >= MIN_RSA_BITS;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private LindungUser admin() {
        LindungUser me = currentUser.require();
        if (!me.is(Role.ADMIN)) {
            throw new ForbiddenException("access.role.read-only", me.role().name());
        }
        return me;
    }
}
