package id.lindung.enrolment;

import java.time.YearMonth;

/** A construction project whose workers are covered by JKK and JKM paid from the contract value. */
public record ConstructionProject(
        long id,
        long employerId,
        String name,
        long contractValue,
        YearMonth startMonth,
        YearMonth endMonth,
        int workerCount,
        String regionCode) {}
