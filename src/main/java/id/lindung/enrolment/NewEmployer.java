package id.lindung.enrolment;

import org.jspecify.annotations.Nullable;

/** Input for registering an employer; every field is checked and named in errors. */
public record NewEmployer(
        @Nullable String npp,
        @Nullable String name,
        @Nullable Integer riskClass,
        @Nullable String kbli,
        @Nullable String regionCode) {}
