package id.lindung.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The last exception resolver: an exception that no handler, {@code @ResponseStatus} or Spring MVC's own resolver
 * answered is a fault of Lindung. It is logged once, with its stack trace and the request's {@link ErrorReference},
 * and answered with a 500 that {@link ErrorPages} renders (a page, or problem details under {@code /api/}) showing
 * the same reference and nothing of the exception. Without this the servlet container would log the exception
 * without the reference. Spring Security's exceptions pass through to its filters (sign-in, 403); a client that
 * went away is not an error of ours.
 */
final class UnexpectedErrors implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            return null;
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
            return new ModelAndView();
        }
        String reference = ErrorReference.assign(request);
        log.error(
                "Unexpected error, reference {}: {} {} answered 500",
                reference,
                request.getMethod(),
                request.getRequestURI(),
                ex);
        if (!response.isCommitted()) {
            try {
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            } catch (IOException | IllegalStateException e) {
                log.debug("Could not send the error page for reference {}: {}", reference, e.toString());
            }
        }
        return new ModelAndView();
    }

    /** Puts the resolver after Spring MVC's own ({@code @ExceptionHandler}, {@code @ResponseStatus}, standard). */
    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        @Override
        public void extendHandlerExceptionResolvers(java.util.List<HandlerExceptionResolver> resolvers) {
            resolvers.add(new UnexpectedErrors());
        }
    }
}
