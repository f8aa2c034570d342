package id.lindung.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    /** Session attribute: the username whose sign-in was refused as locked (set by the failure handler). */
    static final String LOCKED_USERNAME = LoginController.class.getName() + ".LOCKED_USERNAME";

    private final Clock clock;
    private final LoginThrottle throttle;

    LoginController(Clock clock, LoginThrottle throttle) {
        this.clock = clock;
        this.throttle = throttle;
    }

    /**
     * The lock message comes from server state only: when this session's last sign-in was refused as locked and the
     * throttle still locks that username or this address, the local time to try again after. {@code ?locked=…} in
     * the address shows nothing by itself.
     */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object username = session == null ? null : session.getAttribute(LOCKED_USERNAME);
        if (username instanceof String name) {
            String address = request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
            Instant until = throttle.check(name, address).lockedUntil();
            if (until == null) {
                session.removeAttribute(LOCKED_USERNAME);
            } else {
                model.addAttribute(
                        "lockedUntil", DateTimeFormatter.ofPattern("HH:mm").format(until.atZone(clock.getZone())));
            }
        }
        return "access/login";
    }
}
