package id.lindung.shared.web;

import id.lindung.shared.CodedException;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps domain outcomes to RFC 9457 problem details for every {@code @RestController}. Invalid input lists each
 * issue under {@code errors} (and warnings under {@code warnings}) with the field it concerns.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

    private final MessageSource messages;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setType(URI.create("https://lindung.id/problems/invalid-input"));
        problem.setTitle(messages.getMessage("problem.invalid-input", null, "Invalid input", locale));
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (FieldIssue issue : e.issues()) {
            Map<String, Object> entry = Map.of(
                    "field",
                    issue.field(),
                    "code",
                    issue.code(),
                    "message",
                    messages.getMessage(issue.code(), issue.args().toArray(), issue.code(), locale));
            (issue.isError() ? errors : warnings).add(entry);
        }
        problem.setDetail(
                errors.isEmpty()
                        ? null
                        : errors.stream()
                                .map(m -> m.get("field") + ": " + m.get("message"))
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(null));
        problem.setProperty("errors", errors);
        if (!warnings.isEmpty()) {
            problem.setProperty("warnings", warnings);
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail beanValidation(MethodArgumentNotValidException e) {
        List<FieldIssue> issues = e.getBindingResult().getFieldErrors().stream()
                .map(fe -> FieldIssue.error(
                        fe.getField(),
                        "validation." + fe.getCode(),
                        fe.getDefaultMessage() == null ? "" : fe.getDefaultMessage()))
                .toList();
        return invalid(new InvalidInputException(issues));
    }

    /** Unreadable JSON: names the field whose value could not be read (e.g. a date that is no date). */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        // a DatabindException (a date that is no date) or a number beyond long (InputCoercionException): both say where
        if (cause instanceof tools.jackson.core.JacksonException db
                && !db.getPath().isEmpty()) {
            String field = db.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b)
                    .orElse("");
            return invalid(new InvalidInputException(FieldIssue.error(field, "validation.typeMismatch")));
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(
                messages.getMessage("problem.unreadable", null, "Unreadable request", LocaleContextHolder.getLocale()));
        return problem;
    }

    /**
     * Text PostgreSQL cannot store: a NUL character (U+0000) in any text field (SQLState 22021), or in JSON such as an
     * audit line's (22P05, "unsupported Unicode escape sequence"). The request's fault,
     * whichever field it was in, and the transaction is rolled back; any other integrity violation stays a server
     * error.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail unstorableText(org.springframework.dao.DataIntegrityViolationException e) {
        if (!(e.getMostSpecificCause() instanceof java.sql.SQLException sql)
                || !java.util.Set.of("22021", "22P05").contains(sql.getSQLState())) {
            throw e;
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(
                messages.getMessage("problem.unreadable", null, "Unreadable request", LocaleContextHolder.getLocale()));
        problem.setDetail("A text contains a NUL character (U+0000).");
        return problem;
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        return invalid(new InvalidInputException(FieldIssue.error(e.getName(), "validation.typeMismatch")));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setTitle(messages.getMessage("problem.not-found", null, "Not found", LocaleContextHolder.getLocale()));
        problem.setDetail(e.getMessage());
        return problem;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return coded(HttpStatus.FORBIDDEN, "problem.forbidden", e);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return coded(HttpStatus.CONFLICT, "problem.conflict", e);
    }

    /** A budget used up (rows read per hour): 429 with the sentence saying until when, and Retry-After. */
    @ExceptionHandler(id.lindung.shared.TooManyRequestsException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> tooMany(id.lindung.shared.TooManyRequestsException e) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(coded(HttpStatus.TOO_MANY_REQUESTS, "problem.too-many", e));
    }

    private ProblemDetail coded(HttpStatus status, String title, CodedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage(title, null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage(e.code(), e.args(), e.code(), locale));
        return problem;
    }
}
