package id.lindung.access.internal;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
class SecurityCurrentUser implements CurrentUser {

    @Override
    public Optional<LindungUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LindungUserDetails details) {
            return Optional.of(details.user());
        }
        if (auth != null && auth.getPrincipal() instanceof LindungUser acting) { // WorkerSessions.actingAs
            return Optional.of(acting);
        }
        return Optional.empty();
    }
}
