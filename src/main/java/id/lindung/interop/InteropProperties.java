package id.lindung.interop;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The DCI registry API.
 *
 * @param receiverId Lindung's DCI id: the {@code receiver_id} partners address and the audience of their tokens
 * @param clockSkew how far a message's {@code message_ts}, its signature's {@code created} and a token's times may lie
 *        from Lindung's clock
 * @param replayDays days a partner's {@code message_id} is kept to refuse a replay (at least a day, far beyond the skew)
 * @param dispatchCron when the on-search callbacks due are sent; {@code -} turns it off (tests call it directly). Its
 *        default is in application.properties: {@code @Scheduled} reads it from there
 * @param maxAttempts deliveries of a callback tried before it is FAILED
 * @param firstRetry the wait after a callback's first failed delivery; each further failure doubles it
 */
@ConfigurationProperties("lindung.interop")
record InteropProperties(
        @DefaultValue("lindung") String receiverId,
        @DefaultValue("5m") Duration clockSkew,
        @DefaultValue("7") int replayDays,
        @Nullable String dispatchCron,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry) {

    InteropProperties {
        if (receiverId.isBlank() || clockSkew.isNegative() || clockSkew.isZero() || firstRetry.isNegative()) {
            throw new IllegalArgumentException(
                    "lindung.interop: receiver-id not empty, clock-skew positive, first-retry not negative");
        }
        if (replayDays < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("lindung.interop: replay-days and max-attempts at least 1");
        }
    }
}
