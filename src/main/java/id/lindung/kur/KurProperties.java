package id.lindung.kur;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The KUR channel.
 *
 * @param rematchCron when every loan is matched again against the registry (WIB, nightly); {@code -} turns it off
 *        (tests call it directly). Its default is in application.properties: {@code @Scheduled} reads it from there
 */
@ConfigurationProperties("lindung.kur")
record KurProperties(@Nullable String rematchCron) {}
