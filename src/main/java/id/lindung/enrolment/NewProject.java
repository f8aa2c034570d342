package id.lindung.enrolment;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** Input for registering a construction project (and its JAKON membership). */
public record NewProject(
        @Nullable Long employerId,
        @Nullable String name,
        @Nullable Long contractValue,
        @Nullable YearMonth startMonth,
        @Nullable YearMonth endMonth,
        @Nullable Integer workerCount,
        @Nullable String regionCode,
        @Nullable Channel channel) {}
