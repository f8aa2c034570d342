package id.lindung.coverage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * UCJ coverage.
 *
 * @param historyMonths months before the current one that the read model holds (its window)
 * @param trendMonths months the dashboard's trend shows
 * @param kurRefreshSeconds how old the dashboard's KUR figure may be, in seconds
 * @param extendCron when the nightly rebuild runs (WIB; it adds the new month, publishes the month that ended);
 *        {@code -} turns it off (tests call it directly). Its default is in application.properties: {@code @Scheduled}
 *        reads it from there
 */
@ConfigurationProperties("lindung.coverage")
@Validated
record CoverageProperties(
        @DefaultValue("36") @Min(1) @Max(CoverageReadModel.MAX_WINDOW_MONTHS - 1)
        int historyMonths,

        @DefaultValue("24") @Min(1) int trendMonths,
        @DefaultValue("60") @Min(0) long kurRefreshSeconds,
        @Nullable String extendCron) {}
