package id.lindung.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Sessions of workers signed in with a one-time code (issue 19): a principal of its own ({@link Worker}, authority
 * {@code ROLE_WORKER}, no staff role, no region scope), kept in the session under {@link #CONTEXT_KEY}, apart from
 * the staff's context, so a worker's session opens no staff page or API and a staff session no worker page
 * (docs/decisions.md, "Worker sign-in and self-registration"). Only the {@code /saya/**} chain reads it.
 */
@Component
public class WorkerSessions {

    /** The session attribute holding a worker's security context. */
    public static final String CONTEXT_KEY = "LINDUNG_WORKER_CONTEXT";

    /** A worker signed in with a code sent to the phone on their participant record. */
    public record Worker(long participantId) {}

    private final HttpSessionSecurityContextRepository repository = repository();

    /** Where the worker chain keeps and finds a worker's context. */
    public static HttpSessionSecurityContextRepository repository() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(CONTEXT_KEY);
        return repository;
    }

    /** Signs the participant in: a new session id (no fixation), then the worker's context in the session. */
    public void signIn(long participantId, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(
                new Worker(participantId), null, List.of(new SimpleGrantedAuthority("ROLE_WORKER")));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }

    /** The participant signed in on this request, if a worker is. */
    public Optional<Long> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Worker worker
                ? Optional.of(worker.participantId())
                : Optional.empty();
    }

    /**
     * Runs a worker's own action (registering, enrolling, reading their record) in the other modules' services as
     * {@code actor}, who is then also the audit trail's actor; the request's own context comes back afterwards.
     */
    public <T> T actingAs(LindungUser actor, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
        SecurityContextHolder.setContext(acting);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
