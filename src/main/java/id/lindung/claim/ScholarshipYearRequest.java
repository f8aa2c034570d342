package id.lindung.claim;

import org.jspecify.annotations.Nullable;

/**
 * A yearly scholarship claim with proof of enrolment: the child ({@code child-1}, {@code child-2}, … in the order of
 * the intake), the level the proof shows (TK, SD, SMP, SMA, PT; empty: no proof), the school year (2026 =
 * 2026/2027), and whether the child has married or works by now.
 */
public record ScholarshipYearRequest(
        @Nullable String childId,
        @Nullable String level,
        @Nullable Integer schoolYear,
        boolean married,
        boolean working) {}
