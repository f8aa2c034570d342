package id.lindung.paritrana.report;

import id.lindung.paritrana.Category;
import id.lindung.paritrana.CycleStatus;
import id.lindung.paritrana.Indicator;
import id.lindung.paritrana.Ranking.Line;
import id.lindung.shared.Indonesian;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The texts of the Paritrana pages and exports in one language ({@code paritrana.*} of the {@code i18n/paritrana}
 * bundle) and their figures: numbers the Indonesian way in either language (1.234.567; 36,47%), British English
 * month names in English. Arguments are passed to messages already formatted, so a year never prints as "2,026".
 */
public final class ParitranaTexts {

    private final MessageSource messages;
    private final Locale locale;

    public ParitranaTexts(MessageSource messages, Locale locale) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    /** {@code paritrana.<key>} with its arguments. */
    public String label(String key, Object... args) {
        return Objects.requireNonNull(messages.getMessage("paritrana." + key, args, "paritrana." + key, locale));
    }

    public String indicator(Indicator code) {
        return label("indicator." + code.name());
    }

    public String category(Category category) {
        return label("category." + category.name());
    }

    public String status(CycleStatus status) {
        return label("status." + status.name());
    }

    public String scale(Indicator.Scale scale) {
        return label("scale." + scale.name());
    }

    public String source(Indicator.Source source) {
        return label("source." + source.name());
    }

    /** Why a row stands above the next one with the same total ({@code Ranking.Row.decidedBy}). */
    public String decidedBy(String decidedBy) {
        return "ENTRANT".equals(decidedBy)
                ? label("page.ranking.decidedByEntrant")
                : label("page.ranking.decidedBy", indicator(Indicator.valueOf(decidedBy)));
    }

    /** A raw value in its unit: "36,47%", "+1,25%", "1.234", "Rp4.300.000.000", "ya"; "tanpa data" for null. */
    public String raw(Indicator code, @Nullable Long value) {
        if (value == null) {
            return label("page.noData");
        }
        return switch (code.unit()) {
            case BASIS_POINTS ->
                (code == Indicator.COVERAGE_GROWTH && value > 0 ? "+" : "") + Indonesian.basisPoints(value);
            case RUPIAH -> Indonesian.rupiah(value);
            case YES_NO -> label(value > 0 ? "page.yes" : "page.no");
            default -> number(value);
        };
    }

    /** The raw value of a line; jury lines show the jurors' average. */
    public String raw(Line line) {
        return line.scale() == Indicator.Scale.JURY_AVERAGE && line.jurors() > 0
                ? decimals(line.score(), 2)
                : raw(line.code(), line.raw());
    }

    /** "85,50". */
    public String score(BigDecimal score) {
        return decimals(score, 2);
    }

    /** "25,6500": contributions and totals to the four decimals they are added with. */
    public String exact(BigDecimal value) {
        return decimals(value, 4);
    }

    public String number(long n) {
        return Indonesian.number(n);
    }

    /** "Desember 2025" / "December 2025". */
    public String month(YearMonth month) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Indonesian.formatLocale(locale)));
    }

    private static String decimals(BigDecimal value, int digits) {
        return Indonesian.decimals(value, digits);
    }
}
