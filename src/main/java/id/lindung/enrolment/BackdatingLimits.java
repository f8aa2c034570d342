package id.lindung.enrolment;

import id.lindung.access.Role;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How many months before the current one each role may date a membership's start at enrolment
 * ({@code lindung.enrolment.backdate-months.admin}, {@code .officer}, {@code .agent}, {@code .bank-officer}; a role
 * without a setting may not back-date at all). An earlier start needs a start correction approved by a second
 * officer ({@link StartCorrections}).
 */
@Component
public class BackdatingLimits {

    private final Environment environment;

    BackdatingLimits(Environment environment) {
        this.environment = environment;
    }

    public int months(Role role) {
        String key = "lindung.enrolment.backdate-months." + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return Math.max(0, environment.getProperty(key, Integer.class, 0));
    }
}
