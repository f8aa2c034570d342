package id.lindung.paritrana.web;

import id.lindung.access.CurrentUser;
import id.lindung.paritrana.Category;
import id.lindung.paritrana.Cycle;
import id.lindung.paritrana.CycleStatus;
import id.lindung.paritrana.Entrant;
import id.lindung.paritrana.EntrantFile;
import id.lindung.paritrana.Indicator;
import id.lindung.paritrana.ParitranaCycles;
import id.lindung.paritrana.ParitranaRanking;
import id.lindung.paritrana.Ranking;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the Paritrana Award: cycles (administrators create them, move them on and set weights), business
 * entrants, evidence (the entrant's government analyst or an administrator), jury scores (jurors) and the ranking
 * with each entrant's breakdown (everyone signed in).
 */
@RestController
@RequestMapping("/api/paritrana")
@Tag(name = "Paritrana", description = "Paritrana Award cycles, evidence, jury scores and ranking")
@SecurityRequirement(name = "basicAuth")
class ParitranaApi {

    private final ParitranaCycles cycles;
    private final ParitranaRanking ranking;
    private final CurrentUser currentUser;

    ParitranaApi(ParitranaCycles cycles, ParitranaRanking ranking, CurrentUser currentUser) {
        this.cycles = cycles;
        this.ranking = ranking;
        this.currentUser = currentUser;
    }

    record NewCycle(
            int year, @Nullable String category, @Nullable Integer evaluationYear) {}

    record StatusChange(@Nullable String status) {}

    record WeightChange(int weight, @Nullable String note) {}

    record NewEntrant(
            @Nullable String name,
            @Nullable String regionCode,
            @Nullable String employerRef) {}

    record EvidenceEntry(long value, @Nullable String document) {}

    record ScoreEntry(int score, @Nullable String note) {}

    @GetMapping("/cycles")
    @Operation(summary = "All award cycles, newest first")
    List<Cycle> list() {
        currentUser.require();
        return cycles.list();
    }

    @PostMapping("/cycles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "A new cycle with the default (unconfirmed) weights; regional cycles get their entrants"
                    + " (administrators)")
    Cycle create(@RequestBody NewCycle request) {
        return cycles.create(
                request.year(),
                parse(Category.class, "category", request.category()),
                request.evaluationYear(),
                currentUser.require());
    }

    @GetMapping("/cycles/{id}")
    @Operation(summary = "One award cycle with its indicators, weights and entrants")
    Cycle get(@PathVariable long id) {
        currentUser.require();
        return cycles.get(id);
    }

    @PutMapping("/cycles/{id}/status")
    @Operation(summary = "OPEN <-> SCORING, either -> CLOSED (administrators); closing freezes the coverage figures")
    Cycle status(@PathVariable long id, @RequestBody StatusChange request) {
        return cycles.setStatus(id, parse(CycleStatus.class, "status", request.status()), currentUser.require());
    }

    @PutMapping("/cycles/{id}/indicators/{code}")
    @Operation(summary = "Set an indicator's weight (0-100 points) and note (administrators)")
    Cycle weight(@PathVariable long id, @PathVariable String code, @RequestBody WeightChange request) {
        return cycles.setWeight(
                id, parse(Indicator.class, "code", code), request.weight(), request.note(), currentUser.require());
    }

    @PostMapping("/cycles/{id}/entrants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a business to a business cycle (administrators)")
    Entrant addEntrant(@PathVariable long id, @RequestBody NewEntrant request) {
        return cycles.addEntrant(
                id, request.name(), request.regionCode(), request.employerRef(), currentUser.require());
    }

    @GetMapping("/cycles/{id}/ranking")
    @Operation(summary = "The ranking, each entrant with raw value, score, weight and contribution per indicator")
    Ranking ranking(@PathVariable long id) {
        currentUser.require();
        return ranking.ranking(id);
    }

    @GetMapping("/entrants/{id}")
    @Operation(summary = "One entrant's file: evidence and jury scores")
    EntrantFile entrant(@PathVariable long id) {
        currentUser.require();
        return cycles.file(id);
    }

    @PutMapping("/entrants/{id}/evidence/{code}")
    @Operation(
            summary = "Enter evidence: a value and the document it rests on (the entrant's government analyst"
                    + " or an administrator; open cycles)")
    EntrantFile evidence(@PathVariable long id, @PathVariable String code, @RequestBody EvidenceEntry request) {
        return cycles.enterEvidence(
                id, parse(Indicator.class, "code", code), request.value(), request.document(), currentUser.require());
    }

    @PutMapping("/entrants/{id}/scores/{code}")
    @Operation(
            summary = "Your jury score (0-100) of a jury indicator (administrators and BPJS officers with a"
                    + " province-wide scope)")
    EntrantFile score(@PathVariable long id, @PathVariable String code, @RequestBody ScoreEntry request) {
        return cycles.score(
                id, parse(Indicator.class, "code", code), request.score(), request.note(), currentUser.require());
    }

    /** An enum constant by name, or a refusal naming the field. */
    static <E extends Enum<E>> E parse(Class<E> type, String field, @Nullable String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    FieldIssue.error(field, "paritrana.value.unknown", value == null ? "" : value));
        }
    }
}
