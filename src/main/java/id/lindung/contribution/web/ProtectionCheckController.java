package id.lindung.contribution.web;

import id.lindung.participant.NikRules;
import id.lindung.shared.web.ClientAddress;
import id.lindung.shared.web.PageMessages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public "Cek perlindungan" page and API (no sign-in; issue 19): whether a NIK with its birth date is protected
 * today and until which day, and nothing else ({@link ProtectionCheck}).
 */
@Controller
class ProtectionCheckController {

    private final ProtectionCheck checks;
    private final PageMessages messages;

    ProtectionCheckController(ProtectionCheck checks, PageMessages messages) {
        this.checks = checks;
        this.messages = messages;
    }

    /** The body of the API: the NIK and the birth date ({@code yyyy-MM-dd}). */
    record CheckRequest(@Nullable String nik, @Nullable String birthDate) {}

    /** Answers {@code protected}, {@code protectedUntil} (the last covered day, or null) and {@code message}. */
    @PostMapping("/api/public/cek-perlindungan")
    @Operation(
            summary = "Is a NIK with this birth date protected today, and until which day",
            description = "No sign-in. Answers protected, protectedUntil (the last covered day, or null) and a "
                    + "sentence; nothing else about the person. Limited per address.",
            tags = "Cek perlindungan",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The answer",
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        examples = @ExampleObject(name = "protected", value = """
                                                                {"protected": true, "protectedUntil": "2026-12-31",
                                                                 "message": "Terlindungi hari ini, sampai dengan 31 Desember 2026."}"""))),
                @ApiResponse(responseCode = "400", ref = "#/components/responses/Unreadable"),
                @ApiResponse(
                        responseCode = "422",
                        description = "No 16-digit NIK, or no birth date yyyy-MM-dd (problem type about:blank; "
                                + "the detail says what to send)",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        schema = @Schema(ref = "#/components/schemas/Problem"))),
                @ApiResponse(
                        responseCode = "429",
                        description = "Too many checks from this address; Retry-After says when to try again "
                                + "(problem type about:blank)",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        schema = @Schema(ref = "#/components/schemas/Problem")))
            })
    @SecurityRequirements
    @ResponseBody
    ResponseEntity<?> api(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(examples = @ExampleObject(name = "a NIK and its birth date", value = """
                                                                    {"nik": "6104015708900001", "birthDate": "1990-08-17"}""")))
                    @RequestBody
                    CheckRequest body,
            HttpServletRequest request) {
        String nik = NikRules.sixteenDigits(body.nik());
        LocalDate birthDate = date(body.birthDate());
        if (nik == null || birthDate == null) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, messages.message("check.shape"));
            return ResponseEntity.unprocessableContent().body(problem);
        }
        ProtectionCheck.Answer answer = checks.check(nik, birthDate, ClientAddress.of(request), "api");
        if (answer.limited()) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, messages.message("check.limited"));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(ProtectionCheck.WINDOW.toSeconds()))
                    .body(problem);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("protected", answer.covered());
        json.put("protectedUntil", answer.until());
        json.put("message", sentence(answer));
        return ResponseEntity.ok(json);
    }

    @GetMapping("/cek-perlindungan")
    String form() {
        return "contribution/check";
    }

    @PostMapping("/cek-perlindungan")
    String check(
            @RequestParam(defaultValue = "") String nik,
            @RequestParam(defaultValue = "") String birthDate,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String canonical = NikRules.sixteenDigits(nik);
        LocalDate date = date(birthDate);
        if (canonical == null || date == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", messages.message("check.shape"));
            return "contribution/check";
        }
        ProtectionCheck.Answer answer = checks.check(canonical, date, ClientAddress.of(request), "page");
        if (answer.limited()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("refusal", messages.message("check.limited"));
        } else {
            model.addAttribute("covered", answer.covered());
            model.addAttribute("answer", sentence(answer));
        }
        return "contribution/check";
    }

    private String sentence(ProtectionCheck.Answer answer) {
        LocalDate until = answer.until();
        return until == null
                ? messages.message("check.not-found")
                : messages.message(
                        "check.protected",
                        until.format(DateTimeFormatter.ofPattern("d MMMM yyyy", PageMessages.formatLocale())));
    }

    private static @Nullable LocalDate date(@Nullable String date) {
        try {
            return date == null ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
