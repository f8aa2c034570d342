package id.lindung.shared.web;

import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * "Not found", "forbidden", "conflict" and invalid input on web pages: Lindung's error page ({@link ErrorPages}) in the user's
 * language with the right status and a reference, instead of an error 500. A refusal's own sentence (e.g. outside
 * the user's region) is shown under the heading; a "not found" says no more than that. (The REST API answers with
 * problem details from {@link ApiProblemHandler}, which comes first.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(PageProblemHandler.class);

    private final MessageSource messages;

    PageProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    void notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, HttpServletResponse.SC_NOT_FOUND, null, e);
    }

    @ExceptionHandler(ForbiddenException.class)
    void forbidden(ForbiddenException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, HttpServletResponse.SC_FORBIDDEN, message(e.code(), e.args()), e);
    }

    @ExceptionHandler(ConflictException.class)
    void conflict(ConflictException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, HttpServletResponse.SC_CONFLICT, message(e.code(), e.args()), e);
    }

    /**
     * Invalid input a page did not show in its form (e.g. a date in the address outside its bounds): 422 with the
     * fields and their messages, not a server error.
     */
    @ExceptionHandler(InvalidInputException.class)
    void invalid(InvalidInputException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail = e.issues().stream()
                .filter(FieldIssue::isError)
                .map(i -> i.field() + ": " + message(i.code(), i.args().toArray()))
                .reduce((a, b) -> a + "; " + b)
                .orElse(null);
        refuse(request, response, 422, detail, e);
    }

    @ExceptionHandler(id.lindung.shared.TooManyRequestsException.class)
    void tooMany(id.lindung.shared.TooManyRequestsException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        refuse(request, response, 429, message(e.code(), e.args()), e);
    }

    /** Logs the refusal with a reference and lets the container show the error page ({@code /error}). */
    private static void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            @Nullable String detail,
            RuntimeException e)
            throws IOException {
        String reference = ErrorReference.assign(request);
        if (detail != null) {
            request.setAttribute(ErrorPages.DETAIL, detail);
        }
        log.info(
                "Reference {}: {} {} answered {} ({}: {})",
                reference,
                request.getMethod(),
                request.getRequestURI(),
                status,
                e.getClass().getSimpleName(),
                e.getMessage());
        response.sendError(status);
    }

    private String message(String code, Object... args) {
        return Objects.requireNonNull(messages.getMessage(code, args, code, LocaleContextHolder.getLocale()));
    }
}
