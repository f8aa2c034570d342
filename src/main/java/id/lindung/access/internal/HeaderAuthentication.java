package id.lindung.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which API requests were authenticated by their {@code Authorization} header, and CSRF protection for all others.
 * CSRF protects what a browser sends by itself: its session cookie. A request that a valid API token
 * ({@link BearerTokenFilter}) or valid Basic credentials authenticated carries its credentials in a header that no
 * other site can make a browser send, so it needs no CSRF token. Any other request needs one, whatever header it
 * carries: {@code Authorization: Bearer x} (401 anyway), a scheme nobody reads ({@code Negotiate x}), or Basic with
 * the session user's name, which Spring's Basic filter does not even check when a session already holds that user.
 * Hence the marker is set only where authentication succeeded (the token filter, and the Basic filter's saving of
 * the new context), and the CSRF filter runs after both, not before them where Spring puts it.
 */
final class HeaderAuthentication {

    static final String ATTRIBUTE = HeaderAuthentication.class.getName() + ".AUTHENTICATED";

    /** Basic's context repository: remembers the new context for this request and marks the request. */
    static final SecurityContextRepository MARKING = new SecurityContextRepository() {
        private final RequestAttributeSecurityContextRepository requestScoped =
                new RequestAttributeSecurityContextRepository();

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            requestScoped.saveContext(context, request, response);
            if (context.getAuthentication() != null
                    && context.getAuthentication().isAuthenticated()) {
                mark(request);
            }
        }

        @Override
        public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
            return requestScoped.loadDeferredContext(request);
        }

        @Override
        @SuppressWarnings("deprecation")
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            return requestScoped.loadContext(holder);
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return requestScoped.containsContext(request);
        }
    };

    private HeaderAuthentication() {}

    static void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean authenticatedByHeader(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
    }

    /**
     * The API chain's CSRF filter: the session's token (the one the pages render) required for every unsafe method
     * unless the request was authenticated by its header.
     */
    static CsrfFilter csrfUnlessAuthenticatedByHeader(AccessDeniedHandler forbidden) {
        CsrfFilter filter = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        // the API takes the token from its header only: reading a request parameter would parse the body, and a
        // malformed (cut) multipart body would then fail inside the filter as a 500 instead of this 403
        XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();
        filter.setRequestHandler(new CsrfTokenRequestHandler() {
            @Override
            public void handle(
                    HttpServletRequest request,
                    HttpServletResponse response,
                    java.util.function.Supplier<CsrfToken> token) {
                masked.handle(request, response, token);
            }

            @Override
            public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
                return masked.resolveCsrfTokenValue(
                        new HttpServletRequestWrapper(request) {
                            @Override
                            public @Nullable String getParameter(String name) {
                                return null;
                            }
                        },
                        token);
            }
        });
        RequestMatcher unsafe = CsrfFilter.DEFAULT_CSRF_MATCHER;
        filter.setRequireCsrfProtectionMatcher(request -> unsafe.matches(request) && !authenticatedByHeader(request));
        filter.setAccessDeniedHandler(forbidden);
        return filter;
    }
}
