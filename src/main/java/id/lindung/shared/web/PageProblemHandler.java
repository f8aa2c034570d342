package id.lindung.shared.web;

import id.lindung.shared.ConflictException;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * "Not found" and "forbidden" on web pages: a small page in the user's language with the right status, instead of
 * an error 500. (The REST API answers with problem details from {@link ApiProblemHandler}, which comes first.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemHandler {

    private final MessageSource messages;

    PageProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_NOT_FOUND, message("problem.not-found"));
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_FORBIDDEN, message(e.code(), e.args()));
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_CONFLICT, message(e.code(), e.args()));
    }

    private static String page(HttpServletResponse response, Model model, int status, String problem) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problem", problem);
        return "problem";
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
