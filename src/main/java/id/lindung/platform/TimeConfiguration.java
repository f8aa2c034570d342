package id.lindung.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The business clock: Kalimantan Barat keeps Western Indonesia Time (WIB, Asia/Pontianak).
 *
 * <p>{@code lindung.clock.start} (a local date-time, e.g. {@code 2026-12-07T09:00:00}) starts the business clock at
 * that moment when the application starts; it then runs on. A date alone ({@code 2026-12-07}) moves the clock by
 * whole days to that date and keeps the real time of day. The tests start it at a date-time, so that "today", "this
 * month" and the time of day are the same on every run whatever the real date (a test must not turn red on the last
 * evening of a month, nor when a run crosses midnight). The database learns the same offset on every connection
 * ({@code lindung.clock_offset}, read by {@code lindung_now()} for the columns it stamps and by
 * {@code lindung_today()} in the views). Unset in production: the system clock.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Pontianak");

    @Bean
    Clock clock(Environment environment) {
        Duration offset = offset(environment);
        Clock system = Clock.system(BUSINESS_ZONE);
        return offset.isZero() ? system : Clock.offset(system, offset);
    }

    /** Tells every pooled connection the business clock's offset from the real time. */
    @Bean
    static BeanPostProcessor businessClockOnConnections(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setConnectionInitSql(
                            "SET lindung.clock_offset = '" + offset(environment).toSeconds() + "'");
                }
                return bean;
            }
        };
    }

    /**
     * Computed once per start value (the first call), so that a clock and the connections of one application agree
     * (test contexts in one JVM may each start the clock elsewhere).
     */
    private static final Map<String, Duration> OFFSETS = new ConcurrentHashMap<>();

    static Duration offset(Environment environment) {
        // bound here, not injected: the post-processor above needs it before any properties bean exists
        String start = Binder.get(environment)
                .bindOrCreate("lindung.clock", ClockProperties.class)
                .start();
        if (start == null || start.isBlank()) {
            return Duration.ZERO;
        }
        return OFFSETS.computeIfAbsent(start, s -> {
            if (s.contains("T")) {
                return Duration.between(
                                Instant.now(),
                                LocalDateTime.parse(s).atZone(BUSINESS_ZONE).toInstant())
                        .withNanos(0);
            }
            // a date: whole days, so the time of day stays the real one
            return Duration.ofDays(LocalDate.now(BUSINESS_ZONE).until(LocalDate.parse(s), ChronoUnit.DAYS));
        });
    }
}
