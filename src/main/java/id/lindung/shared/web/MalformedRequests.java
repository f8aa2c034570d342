package id.lindung.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

/**
 * Requests that are broken before any handler can judge them, answered as the client's fault with Lindung's error
 * page or problem details ({@link ErrorPages}) instead of an empty 500:
 * <ul>
 * <li>a multipart body that cannot be parsed (cut off, a boundary that never closes): 400; one over the multipart
 * size limit: 413. The exception is left on the request as the error, so that the error dispatch does not try to
 * parse the body a second time (which failed again and left the answer empty);</li>
 * <li>a NUL character in the query string ({@code %00}): 400 before anything reads it (PostgreSQL cannot store it,
 * and the audit line of an export or search would fail).</li>
 * </ul>
 * The parser's own words go to the log only.
 */
@Component
class MalformedRequests implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
        if (!(ex instanceof MultipartException multipart) || response.isCommitted()) {
            return null;
        }
        int status = ex instanceof MaxUploadSizeExceededException
                ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                : HttpServletResponse.SC_BAD_REQUEST;
        String reference = ErrorReference.assign(request);
        log.info(
                "Reference {}: {} {} answered {}, unreadable multipart body ({})",
                reference,
                request.getMethod(),
                request.getRequestURI(),
                status,
                multipart.getMostSpecificCause().toString());
        request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, ex);
        try {
            response.sendError(status);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    /** Refuses a query string with a NUL character. */
    @Component
    static class NulInQuery extends OncePerRequestFilter implements Ordered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 20;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String query = request.getQueryString();
            if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
                log.info(
                        "{} {} answered 400: a NUL character in the query string",
                        request.getMethod(),
                        request.getRequestURI());
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
