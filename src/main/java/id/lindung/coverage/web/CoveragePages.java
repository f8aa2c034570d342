package id.lindung.coverage.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.coverage.CoverageDashboard;
import id.lindung.coverage.CoverageDashboards;
import id.lindung.coverage.CoverageDenominators;
import id.lindung.coverage.CoveragePolicy;
import id.lindung.coverage.CoverageTargets;
import id.lindung.coverage.ReminderEffects;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionProperties;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.Indonesian;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.reporting.ReportingJdbc;
import id.lindung.shared.tabular.CsvWriter;
import id.lindung.shared.tabular.RowRefusal;
import id.lindung.shared.web.CsvDownload;
import id.lindung.shared.web.PageMessages;
import id.lindung.shared.web.UploadCheck;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coverage pages: the UCJ dashboard ({@code /cakupan?wilayah=61&bulan=2026-10}: headline figures against the
 * target, the gap in workers and the forecast; the kab/kota map, the ranking, the trend, segments, channels and KUR
 * borrowers drawn by {@code coverage-dashboard.js} from the tables of the page; drill-down to kab/kota and
 * kecamatan), the denominators ({@code /cakupan/penyebut}, CSV import) and the targets ({@code /cakupan/target}).
 * Every signed-in role reads within its region scope (the services decide); administrators and government analysts
 * edit denominators and targets. Refusals of an edit come back as messages on the page.
 */
@Controller
class CoveragePages {

    /** The import format, with two rows, shown on the page and offered as a file. */
    static final String CSV_EXAMPLE = """
            region_code;year;segment;workers;source;source_date
            61.04;2026;FORMAL;83500;Sakernas Agustus 2026 (BPS Kalbar);2026-11-05
            61.04;2026;INFORMAL;90100;Sakernas Agustus 2026 (BPS Kalbar);2026-11-05
            """;

    private static final int SHOWN_ERRORS = 50;
    private static final int MAX_MONTHS = 120;
    /** A forecast further out than this year is shown as "not before" it, not as a month thousands of years away. */
    private static final int FORECAST_HORIZON = 2100;

    private final CoverageDashboards dashboards;
    private final CoverageDenominators denominators;
    private final CoverageTargets targets;
    private final RegionDirectory regions;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final PageMessages pageMessages;
    private final UploadCheck uploads;
    private final ReminderEffects reminderEffects;
    private final ReportingJdbc reporting;
    private final Clock clock;
    private final String homeProvince;

    CoveragePages(
            CoverageDashboards dashboards,
            CoverageDenominators denominators,
            CoverageTargets targets,
            RegionDirectory regions,
            CurrentUser currentUser,
            MessageSource messages,
            PageMessages pageMessages,
            UploadCheck uploads,
            ReminderEffects reminderEffects,
            RegionProperties region,
            ReportingJdbc reporting,
            Clock clock) {
        this.homeProvince = region.homeProvince();
        this.reporting = reporting;
        this.clock = clock;
        this.reminderEffects = reminderEffects;
        this.uploads = uploads;
        this.dashboards = dashboards;
        this.denominators = denominators;
        this.targets = targets;
        this.regions = regions;
        this.currentUser = currentUser;
        this.messages = messages;
        this.pageMessages = pageMessages;
    }

    /** What every coverage page needs: whether the user edits denominators and targets, and the formats. */
    @ModelAttribute
    void common(Model model) {
        LindungUser me = currentUser.get().orElse(null);
        model.addAttribute("canEdit", me != null && CoveragePolicy.mayEdit(me));
        model.addAttribute("pct", PERCENT);
    }

    // ----------------------------------------------------------------------------------------------- dashboard

    @GetMapping("/cakupan")
    String dashboard(
            @RequestParam(name = "wilayah", required = false) @Nullable String region,
            @RequestParam(name = "bulan", required = false) @Nullable String month,
            Model model) {
        LindungUser me = currentUser.require();
        YearMonth asked = null;
        try {
            asked = CoverageApi.month(month);
        } catch (InvalidInputException e) {
            model.addAttribute("coverageErrors", messagesOf(e));
        }
        CoverageDashboard d;
        try {
            d = dashboards.dashboard(blank(region), asked, me);
        } catch (InvalidInputException e) {
            model.addAttribute("coverageErrors", messagesOf(e));
            d = dashboards.dashboard(blank(region), null, me);
        }
        DateTimeFormatter months = DateTimeFormatter.ofPattern("MMMM yyyy", formatLocale());
        model.addAttribute("d", d);
        model.addAttribute("monthLabel", d.month().format(months));
        model.addAttribute("monthOptions", monthOptions(d, months));
        model.addAttribute("regionOptions", regionOptions(d.region().code(), me));
        model.addAttribute("breadcrumb", breadcrumb(d.region(), me));
        model.addAttribute("isProvince", "PROVINCE".equals(d.region().level()));
        model.addAttribute(
                "childLevel",
                switch (d.region().level()) {
                    case "PROVINCE" -> "KABKOTA";
                    case "KABKOTA" -> "KECAMATAN";
                    default -> "";
                });
        model.addAttribute("forecastText", forecast(d, months));
        model.addAttribute("targetText", targetText(d.total()));
        model.addAttribute(
                "denominatorCarriedText",
                d.total().denominatorYear() != null
                                && d.total().denominatorYear() != d.month().getYear()
                        ? message(
                                "coverage.page.denominatorCarried",
                                d.month().getYear(),
                                d.total().denominatorYear())
                        : "");
        model.addAttribute(
                "withoutDenominatorText",
                d.total().withoutDenominator().isEmpty()
                        ? ""
                        : message(
                                "coverage.page.withoutDenominator",
                                String.join(
                                        ", ",
                                        d.total().withoutDenominator().stream()
                                                .map(x -> message("coverage.segment." + x))
                                                .toList()),
                                PERCENT.number(d.total().activeWithoutDenominator()),
                                d.month().getYear()));
        model.addAttribute("publicationLines", publicationLines(d));
        model.addAttribute("freshnessText", freshness());
        model.addAttribute("neededText", needed(d));
        model.addAttribute(
                "trendLabels",
                d.trend().stream().map(t -> t.month().format(months)).toList());
        model.addAttribute("denominatorSources", denominatorSources(d, me));
        model.addAttribute(
                "noDenominatorChildren",
                d.children().stream().anyMatch(c -> c.figure().denominator() == null));
        model.addAttribute(
                "noChildCoverage",
                d.children().stream().allMatch(c -> c.figure().coverage() == null));
        model.addAttribute(
                "reminderEffects",
                reminderEffects.of(d.region().code()).stream()
                        .map(e -> new ReminderEffectRow(
                                regions.nameOf(e.kabKotaCode()),
                                e.kind(),
                                e.reminded(),
                                e.paidWithin7(),
                                e.paidWithin30()))
                        .toList());
        return "coverage/dashboard";
    }

    /** How fresh the figures are when they come from the reporting copy; empty without one. */
    private String freshness() {
        return reporting
                .freshness()
                .map(f -> {
                    Instant asOf = f.asOf();
                    Duration age = f.age();
                    if (!f.ready() || asOf == null || age == null) {
                        return message("coverage.page.freshness.preparing");
                    }
                    String time = DateTimeFormatter.ofPattern("HH:mm:ss").format(asOf.atZone(clock.getZone()));
                    return age.toSeconds() < 120
                            ? message("coverage.page.freshness.seconds", time, age.toSeconds())
                            : message("coverage.page.freshness.minutes", time, age.toMinutes());
                })
                .orElse("");
    }

    /** A row of the table "what reminders do": the kab/kota by name. */
    record ReminderEffectRow(String kabKota, String kind, long reminded, long paidWithin7, long paidWithin30) {}

    private List<Option> monthOptions(CoverageDashboard d, DateTimeFormatter format) {
        List<Option> options = new ArrayList<>();
        for (YearMonth m = d.latestMonth();
                !m.isBefore(d.firstMonth()) && options.size() < MAX_MONTHS;
                m = m.minusMonths(1)) {
            options.add(new Option(m.toString(), m.format(format), m.equals(d.month()), 0));
        }
        if (options.stream().noneMatch(Option::selected)) {
            options.add(0, new Option(d.month().toString(), d.month().format(format), true, 0));
        }
        return options;
    }

    /**
     * The regions of the user's scope the selector offers: the scope itself, its kab/kota (for a province), and the
     * kecamatan of the kab/kota shown (or of the scope when it is a kab/kota).
     */
    private List<Option> regionOptions(String shown, LindungUser me) {
        String top = topOf(shown, me);
        List<Option> options = new ArrayList<>();
        options.add(new Option(top, regions.nameOf(top), top.equals(shown), 0));
        String shownKabKota = shown.length() >= 5 ? Region.kabKotaOf(shown) : "";
        for (Region child : regions.children(top)) {
            options.add(new Option(child.code(), child.name(), child.code().equals(shown), 1));
            if (top.length() == 2 && child.code().equals(shownKabKota)) {
                for (Region kecamatan : regions.children(child.code())) {
                    options.add(new Option(
                            kecamatan.code(), kecamatan.name(), kecamatan.code().equals(shown), 2));
                }
            }
        }
        return options;
    }

    /** The top of what the user may see: their scope, or for a national user the province of the region shown. */
    private static String topOf(String shown, LindungUser me) {
        String scope = me.scope().code();
        return scope.isEmpty() ? shown.substring(0, Math.min(2, shown.length())) : scope;
    }

    /** From the top of the user's scope down to the region shown. */
    private List<Crumb> breadcrumb(CoverageDashboard.RegionRef region, LindungUser me) {
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(region.code(), region.name()));
        String parent = region.parentCode();
        while (parent != null && me.scope().includes(parent)) {
            Region r = regions.find(parent).orElse(null);
            if (r == null) {
                break;
            }
            crumbs.add(0, new Crumb(r.code(), r.name()));
            parent = r.parentCode();
        }
        return crumbs;
    }

    private String forecast(CoverageDashboard d, DateTimeFormatter months) {
        CoverageDashboard.Forecast f = d.forecast();
        if (d.total().denominator() == null) {
            return message("coverage.page.forecast.noDenominator");
        }
        if (f.targetOfYear() == null && d.total().target() == null) {
            return message("coverage.page.forecast.noTarget");
        }
        if (f.reached()) {
            return message("coverage.page.forecast.reached");
        }
        if (f.reachedMonth() != null && f.reachedMonth().getYear() > FORECAST_HORIZON) {
            return message("coverage.page.forecast.beyond", Integer.toString(FORECAST_HORIZON));
        }
        if (f.reachedMonth() != null) {
            return message("coverage.page.forecast.when", f.reachedMonth().format(months));
        }
        return message("coverage.page.forecast.never");
    }

    private String needed(CoverageDashboard d) {
        CoverageDashboard.Forecast f = d.forecast();
        if (f.targetYear() == null || f.targetOfYear() == null) {
            return "";
        }
        if (f.neededPerMonth() == null) {
            return f.monthsLeft() == 0 && !f.reached()
                    ? message("coverage.page.needed.over", f.targetYear().toString())
                    : "";
        }
        if (f.neededPerMonth() <= 0) {
            return message(
                    "coverage.page.needed.none",
                    PERCENT.of(f.targetOfYear()),
                    f.targetYear().toString());
        }
        return message(
                "coverage.page.needed",
                PERCENT.number(f.neededPerMonth()),
                f.targetYear().toString(),
                PERCENT.of(f.targetOfYear()),
                f.monthsLeft());
    }

    /**
     * Where the target of the figure's year comes from, e.g. "target 2027 interpolasi antara 2026 (60,80%) dan 2030
     * (65,77%)", with the region it is taken from when that is not the region shown.
     */
    String targetText(CoverageDashboard.Figure figure) {
        CoverageDashboard.TargetSource t = figure.targetSource();
        if (t == null || figure.targetYear() == null) {
            return "";
        }
        String text = message(
                "coverage.page.target." + t.kind(),
                figure.targetYear(),
                PERCENT.of(figure.target()),
                t.fromYear(),
                t.fromTarget() == null ? "" : PERCENT.of(t.fromTarget()),
                t.toYear(),
                t.toTarget() == null ? "" : PERCENT.of(t.toTarget()));
        return figure.targetInherited()
                ? text + ", " + message("coverage.page.target.from", regions.nameOf(t.regionCode()))
                : text;
    }

    /** The published figure of an ended month and its revisions, as sentences; the current month says so. */
    private List<String> publicationLines(CoverageDashboard d) {
        CoverageDashboard.Publication p = d.publication();
        if (p == null) {
            return List.of(message("coverage.page.open"));
        }
        DateTimeFormatter days = DateTimeFormatter.ofPattern("d MMMM yyyy", formatLocale());
        List<String> lines = new ArrayList<>();
        lines.add(message("coverage.page.published", p.publishedOn().format(days), PERCENT.number(p.published())));
        if (p.revisions().isEmpty()) {
            lines.add(message("coverage.page.published.none"));
        } else {
            lines.add(message("coverage.page.published.revised", PERCENT.number(p.asKnownNow())));
            for (CoverageDashboard.Revision r : p.revisions()) {
                lines.add(message(
                        "coverage.page.revision",
                        r.detectedOn().format(days),
                        PERCENT.number(r.before()),
                        PERCENT.number(r.after()),
                        PERCENT.signed(r.after() - r.before())));
            }
        }
        return lines;
    }

    /** Where the region's denominator of the year shown comes from (distinct sources of its rows). */
    private List<String> denominatorSources(CoverageDashboard d, LindungUser me) {
        Integer year = d.total().denominatorYear();
        if (year == null) {
            return List.of();
        }
        return denominators.list(year, me).stream()
                .filter(r -> r.regionCode().equals(d.region().code()))
                .map(CoverageDenominators.Denominator::source)
                .distinct()
                .toList();
    }

    // ------------------------------------------------------------------------------------------- denominators

    /** Denominators of a year ({@code tahun}; absent: the latest year held; empty: all years). */
    @GetMapping("/cakupan/penyebut")
    String denominatorPage(@RequestParam(name = "tahun", required = false) @Nullable String year, Model model) {
        showDenominators(year, model);
        return "coverage/denominators";
    }

    @PostMapping("/cakupan/penyebut")
    String importDenominators(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        LindungUser me = currentUser.require();
        if (file == null || file.isEmpty()) {
            model.addAttribute(
                    "uploadErrors", List.of(new RowRefusal(null, "", message("coverage.page.upload.choose"))));
        } else {
            model.addAttribute("fileName", file.getOriginalFilename());
            try (InputStream in = file.getInputStream()) {
                uploads.check(file, "file", "denominators", UploadCheck.Content.CSV);
                model.addAttribute("result", denominators.importCsv(in, me));
            } catch (InvalidInputException e) {
                model.addAttribute("uploadErrors", errorViews(e));
            } catch (ForbiddenException e) {
                model.addAttribute(
                        "uploadErrors",
                        List.of(new RowRefusal(null, "", messagesOf(e).get(0))));
            }
        }
        showDenominators("", model);
        return "coverage/denominators";
    }

    /** An example file to start from: the header and two rows. */
    @GetMapping("/cakupan/penyebut/contoh.csv")
    void denominatorExample(HttpServletResponse response) throws IOException {
        CsvWriter out = CsvDownload.start(response, "penyebut-contoh.csv");
        CSV_EXAMPLE.lines().forEach(line -> out.row((Object[]) line.split(";")));
        out.flush();
    }

    /** Lists the denominators of a year ({@code null}: the latest held; empty or not a year: all). */
    private void showDenominators(@Nullable String asked, Model model) {
        List<CoverageDenominators.Denominator> all = denominators.list(null, currentUser.require());
        TreeSet<Integer> years = new TreeSet<>();
        all.forEach(r -> years.add(r.year()));
        Integer year = asked == null
                ? (years.isEmpty() ? null : years.last())
                : asked.trim().matches("\\d{4}") ? Integer.valueOf(asked.trim()) : null;
        model.addAttribute("years", years.descendingSet());
        model.addAttribute("year", year);
        model.addAttribute(
                "rows",
                year == null ? all : all.stream().filter(r -> r.year() == year).toList());
        model.addAttribute("csvExample", CSV_EXAMPLE);
    }

    /** The refusals of a file as rows of a table: line, column, reason. */
    private List<RowRefusal> errorViews(InvalidInputException e) {
        Locale locale = LocaleContextHolder.getLocale();
        return e.issues().stream()
                .filter(FieldIssue::isError)
                .limit(SHOWN_ERRORS)
                .map(issue -> RowRefusal.of(
                        issue,
                        Objects.requireNonNull(
                                messages.getMessage(issue.code(), issue.args().toArray(), issue.code(), locale))))
                .toList();
    }

    // ------------------------------------------------------------------------------------------------ targets

    @GetMapping("/cakupan/target")
    String targetPage(Model model) {
        LindungUser me = currentUser.require();
        model.addAttribute("rows", targets.list(me));
        String top = topOf(homeProvince, me);
        List<Option> options = new ArrayList<>();
        options.add(new Option(top, regions.nameOf(top), false, 0));
        regions.children(top).forEach(r -> options.add(new Option(r.code(), r.name(), false, 1)));
        model.addAttribute("regionOptions", options);
        return "coverage/targets";
    }

    @PostMapping("/cakupan/target")
    String putTarget(
            @RequestParam(name = "region", required = false) @Nullable String region,
            @RequestParam(name = "year", required = false) @Nullable String year,
            @RequestParam(name = "target", required = false) @Nullable String target,
            @RequestParam(name = "source", required = false) @Nullable String source,
            RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        try {
            List<FieldIssue> issues = new ArrayList<>();
            Integer y = year(year, issues);
            Integer bp = basisPoints(target, issues);
            if (blank(region) == null) {
                issues.add(FieldIssue.error("region", "coverage.page.target.regionRequired"));
            }
            if (blank(source) == null) {
                issues.add(FieldIssue.error("source", "coverage.page.target.sourceRequired"));
            }
            if (!issues.isEmpty()) {
                throw new InvalidInputException(issues);
            }
            CoverageTargets.Target saved = targets.put(
                    Objects.requireNonNull(blank(region)),
                    Objects.requireNonNull(y),
                    Objects.requireNonNull(bp), // no issue: both given
                    Objects.requireNonNull(blank(source)),
                    me);
            redirect.addFlashAttribute(
                    "flashMessage",
                    message(
                            "coverage.page.target.saved",
                            saved.regionName(),
                            Integer.toString(saved.year()),
                            PERCENT.of(saved.target())));
        } catch (InvalidInputException | ForbiddenException | NotFoundException e) {
            redirect.addFlashAttribute("coverageErrors", messagesOf(e));
            redirect.addFlashAttribute("form", new TargetForm(nn(region), nn(year), nn(target), nn(source)));
        }
        return "redirect:/cakupan/target";
    }

    @PostMapping("/cakupan/target/hapus")
    String removeTarget(
            @RequestParam(name = "region", required = false) @Nullable String region,
            @RequestParam(name = "year", required = false) @Nullable String year,
            RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        try {
            List<FieldIssue> issues = new ArrayList<>();
            Integer y = year(year, issues);
            if (blank(region) == null) {
                issues.add(FieldIssue.error("region", "coverage.page.target.regionRequired"));
            }
            if (!issues.isEmpty()) {
                throw new InvalidInputException(issues);
            }
            int given = Objects.requireNonNull(y); // no issue: a year
            targets.remove(Objects.requireNonNull(blank(region)), given, me);
            redirect.addFlashAttribute(
                    "flashMessage",
                    message(
                            "coverage.page.target.removed",
                            regions.nameOf(Objects.requireNonNull(region).trim()),
                            Integer.toString(given)));
        } catch (InvalidInputException | ForbiddenException | NotFoundException e) {
            redirect.addFlashAttribute("coverageErrors", messagesOf(e));
        }
        return "redirect:/cakupan/target";
    }

    /** The target form as the user filled it in, shown again after a refusal. */
    public record TargetForm(String region, String year, String target, String source) {}

    private static @Nullable Integer year(@Nullable String value, List<FieldIssue> issues) {
        String v = blank(value);
        try {
            if (v != null) {
                return Integer.parseInt(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        issues.add(FieldIssue.error("year", "coverage.page.target.yearFormat", v == null ? "" : v));
        return null;
    }

    /** "59,56" (or "59.56", "59,56%", "60") as basis points of a percent: 5956. */
    static @Nullable Integer basisPoints(@Nullable String value, List<FieldIssue> issues) {
        String v = blank(value);
        if (v != null) {
            String number = v.replace("%", "").replace(" ", "").replace(',', '.');
            try {
                BigDecimal bp = new BigDecimal(number).movePointRight(2);
                if (bp.stripTrailingZeros().scale() <= 0
                        && bp.signum() > 0
                        && bp.compareTo(BigDecimal.valueOf(10_000)) <= 0) {
                    return bp.intValueExact();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
        }
        issues.add(FieldIssue.error("target", "coverage.page.target.format", v == null ? "" : v));
        return null;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A choice of a selector. {@code depth}: 0 the scope, 1 its children, 2 theirs. */
    public record Option(String value, String label, boolean selected, int depth) {

        public String indented() {
            return "\u2003".repeat(depth) + label;
        }
    }

    /** A step of the breadcrumb. */
    public record Crumb(String code, String name) {}

    static final Percent PERCENT = new Percent();

    /** Formats for the coverage pages: basis points as "36,47%", counts as "1.665.422", "–" where nothing is known. */
    public static final class Percent {

        /** Basis points of a percent as a percentage with two decimals: 3647 gives "36,47%"; null gives "–". */
        public String of(@Nullable Integer basisPoints) {
            if (basisPoints == null) {
                return "–";
            }
            return Indonesian.basisPoints(basisPoints);
        }

        /** A count with Indonesian grouping, "–" for null. */
        public String number(@Nullable Number n) {
            return n == null ? "–" : Indonesian.number(n);
        }

        /** A signed count: "+1.234", "-56", "0". */
        public String signed(long n) {
            return (n > 0 ? "+" : "") + number(n);
        }
    }

    private List<String> messagesOf(RuntimeException e) {
        return pageMessages.refusal(e, "coverage.page.field.");
    }

    private String message(String code, @Nullable Object... args) {
        return pageMessages.message(code, args);
    }

    private static Locale formatLocale() {
        return PageMessages.formatLocale();
    }

    private static String nn(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
