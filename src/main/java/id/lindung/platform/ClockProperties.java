package id.lindung.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The business clock (Asia/Pontianak).
 *
 * @param start start the business clock at this local time, e.g. {@code 2026-12-07T08:00:00}, and let it run on; a
 *        date alone ({@code 2026-12-07}, the tests) keeps the real time of day; empty: the system clock
 */
@ConfigurationProperties("lindung.clock")
record ClockProperties(@Nullable String start) {}
