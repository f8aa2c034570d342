package id.lindung.coverage.report;

import id.lindung.coverage.CoverageDashboard;
import id.lindung.coverage.CoverageDashboard.Forecast;
import id.lindung.coverage.CoverageSegment;
import id.lindung.enrolment.Channel;
import id.lindung.shared.Indonesian;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The texts and number formats of the coverage exports in one language: labels {@code coverage.report.*} from the
 * {@code i18n/coverage-report} bundle (channel names from {@code channel.*}), numbers the Indonesian way in either
 * language (1.234.567; 36,47%), months in the language ("Oktober 2026", "October 2026"). Arguments are passed to
 * messages already formatted, so a year never prints as "2,026".
 */
public final class CoverageReportTexts {

    /** Shown where a figure is missing (no denominator, no target). */
    public static final String NONE = "–";

    private final MessageSource messages;
    private final Locale locale;
    private final Locale formatLocale;

    public CoverageReportTexts(MessageSource messages, Locale locale) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.formatLocale = Indonesian.formatLocale(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The message {@code key} with its arguments (strings, already formatted). */
    public String text(String key, Object... args) {
        return Objects.requireNonNull(messages.getMessage(key, args, key, locale));
    }

    /** A {@code coverage.report.} message. */
    public String label(String key, Object... args) {
        return text("coverage.report." + key, args);
    }

    /** Basis points of a percent as a percentage with two decimals: 3647 gives "36,47%"; null gives "–". */
    public String percent(@Nullable Integer basisPoints) {
        return basisPoints == null ? NONE : Indonesian.basisPoints(basisPoints);
    }

    /** Basis points with as few decimals as they need (0 to 2): 4000 gives "40%", 3250 gives "32,5%". */
    public String percentShort(int basisPoints) {
        BigDecimal value = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
        return Indonesian.decimals(value, Math.max(0, value.scale()), 2) + "%";
    }

    /** A whole number with the Indonesian grouping: 1.234.567; null gives "–". */
    public String number(@Nullable Number n) {
        return n == null ? NONE : Indonesian.number(n);
    }

    /** "Oktober 2026" (English: "October 2026"). */
    public String month(@Nullable YearMonth month) {
        return month == null ? NONE : month.format(DateTimeFormatter.ofPattern("MMMM yyyy", formatLocale));
    }

    /** "Okt 26" (English: "Oct 26"), for chart axes. */
    public String shortMonth(YearMonth month) {
        return month.format(DateTimeFormatter.ofPattern("MMM yy", formatLocale));
    }

    public String yesNo(boolean value) {
        return label(value ? "yes" : "no");
    }

    public String segment(CoverageSegment segment) {
        return label("segment." + segment.name());
    }

    public String channel(Channel channel) {
        return text("channel." + channel.name());
    }

    /** "Provinsi", "Kabupaten/kota", "Kecamatan". */
    public String level(String level) {
        return label("level." + level);
    }

    /** The region as a heading: "Kalimantan Barat (61)". */
    public String region(CoverageDashboard.RegionRef region) {
        return region.name() + " (" + region.code() + ")";
    }

    /** What the forecast says, in one or two sentences. */
    public String forecast(Forecast f) {
        if (f.targetYear() == null || f.targetOfYear() == null) {
            return label("forecast.noTarget");
        }
        String year = Integer.toString(f.targetYear());
        String target = percent(f.targetOfYear());
        if (f.reached()) {
            return label("forecast.reached", year, target);
        }
        String pace = number(f.pacePerMonth());
        String months = Integer.toString(f.paceMonths());
        String sentence = f.reachedMonth() != null
                ? label("forecast.month", pace, months, year, target, month(f.reachedMonth()))
                : label("forecast.never", pace, months, year, target);
        return f.neededPerMonth() == null
                ? sentence
                : sentence + " " + label("forecast.needed", year, target, number(f.neededPerMonth()));
    }

    /** The share {@code part} of {@code whole} as a percentage: "40,00%"; "–" when {@code whole} is 0. */
    public String share(long part, long whole) {
        return percent(basisPoints(part, whole));
    }

    /** The share {@code part} of {@code whole} in basis points, or null when {@code whole} is 0. */
    public static @Nullable Integer basisPoints(long part, long whole) {
        return whole == 0 ? null : (int) Math.round(part * 10000.0 / whole);
    }
}
