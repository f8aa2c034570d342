package id.lindung.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The business clock of the tests for code outside an application context (test set-up, expected values): the same
 * as the application's ({@code lindung.clock.start=2026-12-07T09:00:00} in application-test.properties) — 7 December
 * 2026, 09:00 in Asia/Pontianak when this class is first used, running on from there. The application starts its
 * clock at the same moment when its first context starts, so the two differ by the seconds in between, never by a
 * date: a run would have to last fifteen hours to reach midnight.
 */
public final class TestClock {

    public static final LocalDateTime START = LocalDateTime.of(2026, 12, 7, 9, 0);
    public static final LocalDate DATE = START.toLocalDate();
    public static final ZoneId ZONE = ZoneId.of("Asia/Pontianak");
    public static final Clock CLOCK = Clock.offset(
            Clock.system(ZONE),
            Duration.between(Instant.now(), START.atZone(ZONE).toInstant()));

    private TestClock() {}
}
