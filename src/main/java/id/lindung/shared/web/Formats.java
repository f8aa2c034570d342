package id.lindung.shared.web;

import id.lindung.shared.Indonesian;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Indonesian formats for templates ({@code ${@fmt.number(n)}}): thousands with a dot (1.234.567), dates as
 * "17 Mei 1990", times in WIB, rupiah as "Rp1.234.567". English pages get English month names but keep the
 * Indonesian number grouping, which is what the figures look like in every Indonesian source. The numbers are
 * {@link Indonesian}'s, as everywhere else.
 */
@Component("fmt")
public class Formats {

    private static final ZoneId WIB = ZoneId.of("Asia/Pontianak");

    public String number(@Nullable Number n) {
        return n == null ? "" : Indonesian.number(n);
    }

    public String rupiah(@Nullable Number n) {
        return n == null ? "" : Indonesian.rupiah(n);
    }

    /** A share as a percentage with one decimal and a decimal comma: 36,5%. */
    public String percent(long part, long whole) {
        if (whole == 0) {
            return "–";
        }
        return Indonesian.decimals(100.0 * part / whole, 1) + "%";
    }

    /** Basis points of a percent: 3647 gives "36,47%", null "–". */
    public String basisPoints(@Nullable Number basisPoints) {
        return basisPoints == null ? "–" : Indonesian.basisPoints(basisPoints.longValue());
    }

    public String date(@Nullable LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale()));
    }

    /** A month: "Desember 2026". */
    public String month(@Nullable YearMonth m) {
        return m == null ? "" : m.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale()));
    }

    public String dateTime(@Nullable Instant i) {
        return i == null
                ? ""
                : i.atZone(WIB).format(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale())) + " WIB";
    }

    private static Locale locale() {
        return Indonesian.formatLocale(LocaleContextHolder.getLocale());
    }
}
