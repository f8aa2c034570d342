package id.lindung.access.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in throttling ({@link LoginThrottle}): that many failures for one username, or from one client address,
 * within the window lock it for the lockout.
 *
 * @param maxFailures failures of one username
 * @param maxFailuresPerAddress failures from one client address
 * @param window the counting window
 * @param lockout how long a username or address stays locked
 * @param bcryptStrength the BCrypt cost factor of new password hashes (2^n rounds; a stored hash keeps the cost it
 *        was made with). The tests use 4, so that HTTP Basic, which checks the password at every request, costs
 *        them a millisecond instead of about 80
 */
@ConfigurationProperties("lindung.security.login")
@Validated
record LoginProperties(
        @DefaultValue("5") @Min(1) int maxFailures,
        @DefaultValue("50") @Min(1) int maxFailuresPerAddress,
        @DefaultValue("15m") @NotNull Duration window,
        @DefaultValue("15m") @NotNull Duration lockout,
        @DefaultValue("10") @Min(4) @Max(31) int bcryptStrength) {}
