package id.lindung.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final Clock clock;

    LoginController(Clock clock) {
        this.clock = clock;
    }

    /** {@code ?locked=<epoch second>}: too many failed attempts, shown as the local time to try again after. */
    @GetMapping("/login")
    String login(@RequestParam(name = "locked", required = false) @Nullable String locked, Model model) {
        if (locked != null && locked.matches("\\d{1,12}")) {
            model.addAttribute("lockedUntil", DateTimeFormatter.ofPattern("HH:mm")
                    .format(Instant.ofEpochSecond(Long.parseLong(locked)).atZone(clock.getZone())));
        }
        return "access/login";
    }
}
