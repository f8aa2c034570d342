package id.lindung.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's business clock, movable forward by a test that tells a story over weeks (a month paid, then a
 * month missed). Import {@link Setup} into a {@code @SpringBootTest}: the application's {@link Clock} bean is wrapped
 * by this clock (still starting at the test start of application-test.properties and running on), and every
 * connection taken from the pool is told the same offset ({@code lindung.clock_offset}, read by
 * {@code lindung_now()} and {@code lindung_today()}), so the views and the stamps the database writes move with it.
 * The test reaches it as the context's {@code Clock} bean. Such a test has its context to itself (the moved time
 * must not leak into other classes).
 */
public final class MovableClock extends Clock {

    private final Clock started;
    private volatile Duration moved = Duration.ZERO;

    private MovableClock(Clock started) {
        this.started = started;
    }

    /** Moves the clock forward to {@code moment} in its zone (never back). */
    public void moveTo(LocalDateTime moment) {
        Duration step = Duration.between(instant(), moment.atZone(getZone()).toInstant());
        if (step.isNegative()) {
            throw new IllegalArgumentException("the clock moves forward only: " + moment);
        }
        moved = moved.plus(step).withNanos(0);
    }

    /** How far the clock was moved from the application's. */
    public Duration moved() {
        return moved;
    }

    @Override
    public ZoneId getZone() {
        return started.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(started.withZone(zone), moved);
    }

    @Override
    public Instant instant() {
        return started.instant().plus(moved);
    }

    /** Wraps the application's clock and data source; import it into the test class. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Setup {

        @Bean
        static BeanPostProcessor movableClock() {
            return new BeanPostProcessor() {
                private volatile MovableClock clock;

                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof Clock c && !(bean instanceof MovableClock)) {
                        clock = new MovableClock(c);
                        return clock;
                    }
                    if (bean instanceof DataSource d && !(bean instanceof MovedDataSource)) {
                        return new MovedDataSource(d, () -> clock);
                    }
                    return bean;
                }
            };
        }
    }

    /** Tells each connection it hands out the application's offset plus what the clock was moved. */
    private static final class MovedDataSource extends DelegatingDataSource {

        private final java.util.function.Supplier<MovableClock> clock;
        private volatile String base;

        MovedDataSource(DataSource target, java.util.function.Supplier<MovableClock> clock) {
            super(target);
            this.clock = clock;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return moved(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return moved(super.getConnection(username, password));
        }

        private Connection moved(Connection connection) throws SQLException {
            MovableClock c = clock.get();
            try (Statement statement = connection.createStatement()) {
                if (base == null) {
                    // the offset the platform set on every new connection, before any move
                    try (ResultSet rs = statement.executeQuery(
                            "SELECT coalesce(nullif(current_setting('lindung.clock_offset', true), ''), '0')")) {
                        rs.next();
                        base = rs.getString(1);
                    }
                }
                long seconds = Long.parseLong(base) + (c == null ? 0 : c.moved().toSeconds());
                statement.execute("SET lindung.clock_offset = '" + seconds + "'");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        }
    }
}
