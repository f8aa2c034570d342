package id.lindung.access.internal;

import id.lindung.access.LindungUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API requests that carry {@code Authorization: Bearer <token>} as the person who created the token (the
 * user carries the token's id and name, so that approvals can refuse it and the audit trail names it), for this
 * request only (nothing is saved in a session). A token that is unknown, revoked or expired answers 401 at once, without
 * trying anything else. Requests without a bearer token pass untouched (session or HTTP Basic as before).
 * Added to the API filter chain only, never as a servlet filter of its own.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer";

    private final JdbcApiTokens tokens;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(JdbcApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || header.length() > SCHEME.length() && !Character.isWhitespace(header.charAt(SCHEME.length()))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<LindungUser> user =
                tokens.authenticate(header.substring(SCHEME.length()).strip());
        if (user.isEmpty()) {
            contexts.clearContext();
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            SecurityConfiguration.problem(
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "Unauthorized",
                    "The API token is unknown, revoked or expired");
            return;
        }
        LindungUserDetails details = new LindungUserDetails(user.get(), null, true);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        contexts.setContext(context);
        HeaderAuthentication.mark(request);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
