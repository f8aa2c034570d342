package id.lindung.support;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The business clock of the tests for code outside an application context (test set-up, expected values): the same
 * as the application's ({@code lindung.clock.start=2026-12-07} in application-test.properties) — the date 7 December
 * 2026 in Asia/Pontianak, the real time of day.
 */
public final class TestClock {

    public static final LocalDate DATE = LocalDate.of(2026, 12, 7);
    public static final ZoneId ZONE = ZoneId.of("Asia/Pontianak");
    public static final Clock CLOCK = Clock.offset(Clock.system(ZONE),
            Duration.ofDays(LocalDate.now(ZONE).until(DATE, ChronoUnit.DAYS)));

    private TestClock() {
    }
}
