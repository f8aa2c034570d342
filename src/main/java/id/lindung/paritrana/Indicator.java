package id.lindung.paritrana;

/**
 * What the award measures, and how: where the raw value comes from ({@link Source}), what unit it has, and how it
 * becomes a score of 0–100 ({@link Scale}). Which indicators a cycle has and their weights are data
 * ({@code paritrana_indicator}).
 */
public enum Indicator {
    /** UCJ coverage (basis points) at the reference month of the evaluation year. */
    COVERAGE_RATE(Source.COVERAGE, Unit.BASIS_POINTS, Scale.SHARE_OF_BEST),
    /** Coverage at the reference month minus the same month a year earlier (basis points; declines score 0). */
    COVERAGE_GROWTH(Source.COVERAGE, Unit.BASIS_POINTS, Scale.SHARE_OF_BEST),
    /** Regional regulations on Jamsostek in force (Perda, Pergub, Perbup, Perwal). */
    REGULATIONS(Source.EVIDENCE, Unit.COUNT, Scale.SHARE_OF_BEST),
    /** APBD allocated to social security in the evaluation year (rupiah). */
    BUDGET(Source.EVIDENCE, Unit.RUPIAH, Scale.SHARE_OF_BEST),
    /** Vulnerable workers whose contributions the government pays: active memberships of channel GOV_SPONSOR. */
    VULNERABLE_SPONSORED(Source.COVERAGE, Unit.COUNT, Scale.SHARE_OF_BEST),
    /** The government's own non-ASN workers enrolled. */
    NON_ASN_ENROLLED(Source.EVIDENCE, Unit.COUNT, Scale.SHARE_OF_BEST),
    /** Innovation, scored by the jurors (0–100, averaged). */
    INNOVATION(Source.JURY, Unit.SCORE, Scale.JURY_AVERAGE),
    /** The head of region attended the interview (1) or not (0). */
    HEAD_ATTENDANCE(Source.EVIDENCE, Unit.YES_NO, Scale.YES_NO),
    /** A business: share of its workers enrolled (basis points). */
    WORKERS_ENROLLED_SHARE(Source.EVIDENCE, Unit.BASIS_POINTS, Scale.SHARE_OF_BEST),
    /** A business: programmes held (JKK, JKM, JHT, JP, JKP: 0–5). */
    PROGRAMMES(Source.EVIDENCE, Unit.PROGRAMMES, Scale.SHARE_OF_BEST),
    /** A business: contributions paid on time throughout the evaluation year (1) or not (0). */
    CONTRIBUTIONS_ON_TIME(Source.EVIDENCE, Unit.YES_NO, Scale.YES_NO);

    /** Where the raw value comes from. */
    public enum Source {
        /** Computed from the coverage read model, never typed in. */
        COVERAGE,
        /** Entered by the entrant's regional government (or an administrator) with a document reference. */
        EVIDENCE,
        /** Scored by the jurors. */
        JURY
    }

    /** The raw value's unit, and the values it may take. */
    public enum Unit {
        BASIS_POINTS(10_000),
        COUNT(Long.MAX_VALUE),
        RUPIAH(Long.MAX_VALUE),
        YES_NO(1),
        SCORE(100),
        PROGRAMMES(5);

        private final long max;

        Unit(long max) {
            this.max = max;
        }

        /** The largest value an entry may have (the smallest is 0). */
        public long max() {
            return max;
        }
    }

    /** How a raw value becomes a score of 0–100 within the cycle. */
    public enum Scale {
        /** value / the best entrant's value × 100; zero or less scores 0 (and so does everyone if nobody is above 0). */
        SHARE_OF_BEST,
        /** 1 scores 100, 0 scores 0. */
        YES_NO,
        /** The average of the jurors' scores. */
        JURY_AVERAGE
    }

    private final Source source;
    private final Unit unit;
    private final Scale scale;

    Indicator(Source source, Unit unit, Scale scale) {
        this.source = source;
        this.unit = unit;
        this.scale = scale;
    }

    public Source source() {
        return source;
    }

    public Unit unit() {
        return unit;
    }

    public Scale scale() {
        return scale;
    }
}
