package id.lindung.paritrana.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.paritrana.Category;
import id.lindung.paritrana.Cycle;
import id.lindung.paritrana.CycleStatus;
import id.lindung.paritrana.Entrant;
import id.lindung.paritrana.Indicator;
import id.lindung.paritrana.ParitranaCycles;
import id.lindung.paritrana.ParitranaRanking;
import id.lindung.paritrana.Ranking;
import id.lindung.paritrana.report.ParitranaTexts;
import id.lindung.paritrana.workflow.ParitranaWorkflow;
import id.lindung.paritrana.workflow.ParitranaWorkflow.Kind;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.web.PageMessages;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Paritrana pages: the cycles ({@code /paritrana}, a new cycle for administrators), a cycle's ranking with each
 * entrant's breakdown, the chart of the totals ({@code paritrana-chart.js}, from the table's data- attributes),
 * weights and the cycle's stage ({@code /paritrana/{id}}), and an entrant with its evidence and jury scores and
 * their forms ({@code /paritrana/peserta/{id}}). Everyone signed in reads; the services decide who writes, and
 * their refusals come back as messages on the page.
 */
@Controller
class ParitranaPages {

    private final ParitranaCycles cycles;
    private final ParitranaRanking rankings;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final PageMessages pageMessages;

    ParitranaPages(
            ParitranaCycles cycles,
            ParitranaRanking rankings,
            CurrentUser currentUser,
            MessageSource messages,
            PageMessages pageMessages) {
        this.cycles = cycles;
        this.rankings = rankings;
        this.currentUser = currentUser;
        this.messages = messages;
        this.pageMessages = pageMessages;
    }

    @GetMapping("/paritrana")
    String list(Model model) {
        LindungUser me = currentUser.require();
        model.addAttribute("cycles", cycles.list());
        model.addAttribute("categories", Category.values());
        model.addAttribute("isAdmin", ParitranaWorkflow.mayManage(me));
        model.addAttribute("t", texts());
        return "paritrana/cycles";
    }

    @PostMapping("/paritrana")
    String create(
            @RequestParam(name = "year", required = false) @Nullable String year,
            @RequestParam(name = "category", required = false) @Nullable String category,
            @RequestParam(name = "evaluationYear", required = false) @Nullable String evaluationYear,
            RedirectAttributes redirect) {
        try {
            Integer evaluation = blank(evaluationYear) == null ? null : (int) number("evaluationYear", evaluationYear);
            Cycle c = cycles.create(
                    (int) number("year", year),
                    ParitranaApi.parse(Category.class, "category", category),
                    evaluation,
                    currentUser.require());
            redirect.addFlashAttribute(
                    "flashMessage",
                    message("paritrana.page.create.saved", Integer.toString(c.year()), texts().category(c.category())));
            return "redirect:/paritrana/" + c.id();
        } catch (InvalidInputException | ForbiddenException | ConflictException e) {
            redirect.addFlashAttribute("paritranaErrors", refusal(e));
            return "redirect:/paritrana";
        }
    }

    @GetMapping("/paritrana/{id}")
    String cycle(@PathVariable long id, Model model) {
        LindungUser me = currentUser.require();
        Ranking ranking = rankings.ranking(id);
        model.addAttribute("r", ranking);
        model.addAttribute("c", ranking.cycle());
        model.addAttribute("t", texts());
        Set<Kind> offered = ParitranaWorkflow.offered(ranking.cycle(), null, me);
        model.addAttribute(
                "nextStatuses",
                offered.contains(Kind.SET_STATUS)
                        ? ParitranaWorkflow.nextStatuses(ranking.cycle().status())
                        : List.of());
        model.addAttribute("canSetWeight", offered.contains(Kind.SET_WEIGHT));
        model.addAttribute("canAddEntrant", offered.contains(Kind.ADD_ENTRANT));
        return "paritrana/cycle";
    }

    @PostMapping("/paritrana/{id}/status")
    String status(
            @PathVariable long id,
            @RequestParam(name = "status", required = false) @Nullable String status,
            RedirectAttributes redirect) {
        return act(redirect, "/paritrana/" + id, () -> {
            Cycle c = cycles.setStatus(
                    id, ParitranaApi.parse(CycleStatus.class, "status", status), currentUser.require());
            return message("paritrana.page.status.saved", texts().status(c.status()));
        });
    }

    @PostMapping("/paritrana/{id}/bobot")
    String weight(
            @PathVariable long id,
            @RequestParam(name = "code", required = false) @Nullable String code,
            @RequestParam(name = "weight", required = false) @Nullable String weight,
            @RequestParam(name = "note", required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return act(redirect, "/paritrana/" + id, () -> {
            Indicator indicator = ParitranaApi.parse(Indicator.class, "code", code);
            int w = (int) number("weight", weight);
            cycles.setWeight(id, indicator, w, note, currentUser.require());
            return message("paritrana.page.weights.saved", texts().indicator(indicator), Integer.toString(w));
        });
    }

    @PostMapping("/paritrana/{id}/peserta")
    String addEntrant(
            @PathVariable long id,
            @RequestParam(name = "name", required = false) @Nullable String name,
            @RequestParam(name = "regionCode", required = false) @Nullable String regionCode,
            @RequestParam(name = "employerRef", required = false) @Nullable String employerRef,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "/paritrana/" + id,
                () -> message(
                        "paritrana.page.entrant.add.saved",
                        cycles.addEntrant(id, name, regionCode, employerRef, currentUser.require())
                                .name()));
    }

    @GetMapping("/paritrana/peserta/{id}")
    String entrant(@PathVariable long id, Model model) {
        LindungUser me = currentUser.require();
        Entrant entrant = cycles.entrant(id);
        Ranking ranking = rankings.ranking(entrant.cycleId());
        Cycle c = ranking.cycle();
        model.addAttribute("file", cycles.file(id));
        model.addAttribute("r", ranking);
        model.addAttribute("c", c);
        model.addAttribute(
                "row",
                ranking.rows().stream()
                        .filter(x -> x.entrant().id() == id)
                        .findFirst()
                        .orElseThrow());
        model.addAttribute("t", texts());
        Set<Kind> offered = ParitranaWorkflow.offered(c, entrant, me);
        model.addAttribute("canEnterEvidence", offered.contains(Kind.ENTER_EVIDENCE));
        model.addAttribute("isJuror", offered.contains(Kind.SCORE));
        model.addAttribute("evidenceCodes", codes(c, Indicator.Source.EVIDENCE));
        model.addAttribute("juryCodes", codes(c, Indicator.Source.JURY));
        return "paritrana/entrant";
    }

    @PostMapping("/paritrana/peserta/{id}/bukti")
    String evidence(
            @PathVariable long id,
            @RequestParam(name = "code", required = false) @Nullable String code,
            @RequestParam(name = "value", required = false) @Nullable String value,
            @RequestParam(name = "document", required = false) @Nullable String document,
            RedirectAttributes redirect) {
        return act(redirect, "/paritrana/peserta/" + id, () -> {
            Indicator indicator = ParitranaApi.parse(Indicator.class, "code", code);
            cycles.enterEvidence(id, indicator, evidenceValue(indicator, value), document, currentUser.require());
            return message("paritrana.page.evidence.saved", texts().indicator(indicator));
        });
    }

    @PostMapping("/paritrana/peserta/{id}/nilai")
    String score(
            @PathVariable long id,
            @RequestParam(name = "code", required = false) @Nullable String code,
            @RequestParam(name = "score", required = false) @Nullable String score,
            @RequestParam(name = "note", required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return act(redirect, "/paritrana/peserta/" + id, () -> {
            Indicator indicator = ParitranaApi.parse(Indicator.class, "code", code);
            cycles.score(id, indicator, (int) number("score", score), note, currentUser.require());
            return message("paritrana.page.scores.saved", texts().indicator(indicator));
        });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Runs a write of a form and goes back to {@code page}: its confirmation as the flash message, or the service's
     * refusal as messages on the page.
     */
    private String act(RedirectAttributes redirect, String page, Supplier<String> write) {
        try {
            redirect.addFlashAttribute("flashMessage", write.get());
        } catch (InvalidInputException | ForbiddenException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("paritranaErrors", refusal(e));
        }
        return "redirect:" + page;
    }

    private static List<Indicator> codes(Cycle c, Indicator.Source source) {
        return c.indicators().stream()
                .map(Cycle.Weight::code)
                .filter(code -> code.source() == source)
                .toList();
    }

    /**
     * An evidence value as people write it: "ya"/"tidak" (or 1/0) for a yes-or-no indicator, rupiah and counts with
     * thousands dots and an "Rp" in front ("Rp1.234.567").
     */
    static long evidenceValue(Indicator indicator, @Nullable String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (indicator.unit() == Indicator.Unit.YES_NO) {
            switch (v) {
                case "ya", "y", "yes", "hadir" -> {
                    return 1;
                }
                case "tidak", "t", "no", "tidak hadir" -> {
                    return 0;
                }
                default -> {
                    // 1 and 0 as before
                }
            }
        }
        return number("value", v.startsWith("rp") ? v.substring(2) : v);
    }

    /** A whole number typed in a form ("4.300.000.000" and "4300000000" alike), or a refusal naming the field. */
    private static long number(String field, @Nullable String value) {
        String v = value == null ? "" : value.trim().replace(".", "").replace(" ", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    FieldIssue.error(field, "paritrana.page.field.valueFormat", value == null ? "" : value.trim()));
        }
    }

    private ParitranaTexts texts() {
        return new ParitranaTexts(messages, LocaleContextHolder.getLocale());
    }

    private List<String> refusal(RuntimeException e) {
        return pageMessages.refusal(e, "paritrana.page.field.");
    }

    private String message(String code, Object... args) {
        return pageMessages.message(code, args);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
