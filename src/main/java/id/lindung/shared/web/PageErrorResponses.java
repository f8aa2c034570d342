package id.lindung.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring MVC's own refusals of a page request (no such page, a path value that is no number, a missing parameter, a
 * method not allowed: every {@link ErrorResponse}) are shown as Lindung's error page ({@link ErrorPages}) with their
 * status. Without this they would reach Spring Boot's problem-details handler, which answers even a browser with
 * JSON. The API ({@code /api/**}) keeps its problem details as they are.
 */
@Component
class PageErrorResponses implements HandlerExceptionResolver, Ordered {

    @Override
    public int getOrder() {
        // after DefaultErrorAttributes (which only notes the exception), before @ExceptionHandler methods
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
        if (!(ex instanceof ErrorResponse refusal)
                || request.getRequestURI().startsWith("/api/")
                || response.isCommitted()) {
            return null;
        }
        refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            response.sendError(refusal.getStatusCode().value());
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}
