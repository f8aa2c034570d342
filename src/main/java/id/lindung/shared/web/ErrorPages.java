package id.lindung.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Lindung's own error answers in place of Spring Boot's "Whitelabel Error Page": everything the servlet container
 * sends to {@code /error} (a page that does not exist, a refusal by the security filters, an unexpected exception,
 * see {@link UnexpectedErrors}). Browsers get the {@code error} page in the layout, in the user's language
 * (Indonesian unless they chose English), saying in plain words what happened (not found, not allowed, something
 * went wrong) with a reference that is also in the server log, and a link home; the API ({@code /api/**}) and
 * clients that do not ask for HTML get RFC 9457 problem details with the same reference. Neither ever carries a
 * stack trace, exception class, SQL or exception message.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages implements ErrorController {

    /** A sentence for the user from the message bundle (never an exception's message), set by who refused. */
    static final String DETAIL = ErrorPages.class.getName() + ".detail";

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ErrorAttributes errors;
    private final MessageSource messages;

    ErrorPages(ErrorAttributes errors, MessageSource messages) {
        this.errors = errors;
        this.messages = messages;
    }

    /** A browser: the page, unless the failed request was an API call (problem details then, whatever it accepts). */
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    @Nullable
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Failure failure = failure(request);
        response.setStatus(failure.status());
        if (failure.path().startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            ProblemDetail p = problem(failure);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"" + json(p.getTitle()) + "\",\"status\":"
                            + p.getStatus()
                            + (p.getDetail() == null ? "" : ",\"detail\":\"" + json(p.getDetail()) + "\"")
                            + ",\"instance\":\"" + json(failure.path()) + "\",\"reference\":\"" + failure.reference()
                            + "\"}");
            return null;
        }
        return page(failure, request.getAttribute(DETAIL) instanceof String detail ? detail : null);
    }

    /** Everything else (API clients, {@code curl}): problem details. */
    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        Failure failure = failure(request);
        return ResponseEntity.status(failure.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(failure));
    }

    private static ModelAndView page(Failure failure, @Nullable String detail) {
        int status = failure.status();
        String kind = status == 404 || status == 403 || status == 429 || status >= 500
                ? (status >= 500 ? "500" : Integer.toString(status))
                : "other";
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("titleKey", "error.page.title." + kind);
        model.put("textKey", "error.page.text." + kind);
        model.put("detail", detail);
        model.put("reference", failure.reference());
        // the language switch reloads the page that failed, not /error (the path as the browser sent it)
        String target = failure.path().isEmpty() || failure.path().startsWith("/error") ? "/" : failure.path();
        model.put("langUrls", Map.of("id", target + "?lang=id", "en", target + "?lang=en"));
        ModelAndView view = new ModelAndView("error", model);
        view.setStatus(HttpStatus.valueOf(status));
        return view;
    }

    private ProblemDetail problem(Failure failure) {
        Locale locale = LocaleContextHolder.getLocale();
        HttpStatus status = HttpStatus.valueOf(failure.status());
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (status.is5xxServerError()) {
            problem.setTitle(messages.getMessage("problem.server-error", null, "Internal server error", locale));
            problem.setDetail(messages.getMessage(
                    "problem.server-error.detail", new Object[] {failure.reference()}, null, locale));
        } else if (status == HttpStatus.NOT_FOUND) {
            problem.setTitle(messages.getMessage("problem.not-found", null, "Not found", locale));
        } else if (status == HttpStatus.FORBIDDEN) {
            problem.setTitle(messages.getMessage("problem.forbidden", null, "Forbidden", locale));
        } else if (status == HttpStatus.TOO_MANY_REQUESTS) {
            problem.setTitle(messages.getMessage("problem.too-many", null, "Too many requests", locale));
        } else {
            problem.setTitle(status.getReasonPhrase());
        }
        try {
            problem.setInstance(URI.create(failure.path()));
        } catch (IllegalArgumentException e) {
            // not a valid URI reference: leave it out
        }
        problem.setProperty("reference", failure.reference());
        return problem;
    }

    /** What failed: status, the path asked for, the reference (logged here unless {@link UnexpectedErrors} did). */
    private Failure failure(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // /error asked for directly: nothing failed, and there is no such page
        int status = code instanceof Integer c && HttpStatus.resolve(c) != null ? c : 404;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri
                : request.getRequestURI();
        boolean logged = ErrorReference.of(request) != null;
        String reference = ErrorReference.assign(request);
        if (!logged) {
            Throwable error = errors.getError(new ServletWebRequest(request));
            if (error == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
                error = t;
            }
            // (no method: the container dispatches to the error page as a GET, whatever the request was)
            if (status >= 500) {
                log.error("Error, reference {}: {} answered {}", reference, path, status, error);
            } else {
                log.info(
                        "Reference {}: {} answered {}{}",
                        reference,
                        path,
                        status,
                        error == null ? "" : " (" + error.getClass().getSimpleName() + ")");
            }
        }
        return new Failure(status, path, reference);
    }

    private record Failure(int status, String path, String reference) {}

    private static String json(@Nullable String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
