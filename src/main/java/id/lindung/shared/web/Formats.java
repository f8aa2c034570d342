package id.lindung.shared.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Indonesian formats for templates ({@code ${@fmt.number(n)}}): thousands with a dot (1.234.567), dates as
 * "17 Mei 1990", times in WIB, rupiah as "Rp1.234.567". English pages get English month names but keep the
 * Indonesian number grouping, which is what the figures look like in every Indonesian source.
 */
@Component("fmt")
public class Formats {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final ZoneId WIB = ZoneId.of("Asia/Pontianak");

    public String number(@Nullable Number n) {
        return n == null ? "" : NumberFormat.getIntegerInstance(INDONESIAN).format(n);
    }

    public String rupiah(@Nullable Number n) {
        return n == null ? "" : "Rp" + number(n);
    }

    /** A share as a percentage with one decimal and a decimal comma: 36,5%. */
    public String percent(long part, long whole) {
        if (whole == 0) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(INDONESIAN);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(100.0 * part / whole) + "%";
    }

    public String date(@Nullable LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale()));
    }

    public String dateTime(@Nullable Instant i) {
        return i == null ? "" : i.atZone(WIB).format(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale())) + " WIB";
    }

    private static Locale locale() {
        Locale current = LocaleContextHolder.getLocale();
        return "en".equals(current.getLanguage()) ? Locale.UK : INDONESIAN;
    }
}
