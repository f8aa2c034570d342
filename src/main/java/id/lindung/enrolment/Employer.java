package id.lindung.enrolment;

import org.jspecify.annotations.Nullable;

/** An employer that enrols wage earners. {@code riskClass} 1 (sangat rendah) to 5 (sangat tinggi) sets its JKK rate. */
public record Employer(
        long id,
        String npp,
        String name,
        int riskClass,
        @Nullable String kbli,
        String regionCode) {}
