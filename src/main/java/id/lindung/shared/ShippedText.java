package id.lindung.shared;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Texts shipped with reference data (a rate's note and source, a retention rule's note), stored in Indonesian where
 * the data live (a migration, a CSV file) and shown in the reader's language: the bundles hold the Indonesian text
 * and its English twin under a key of the row; a stored text that is no longer the shipped one (corrected by an
 * administrator, or an operator's own file) is shown as stored.
 */
public final class ShippedText {

    /** How a stored source begins when the figure is not confirmed in the regulation's text. */
    public static final String UNCONFIRMED_SEE = "belum dikonfirmasi, lihat ";

    private ShippedText() {}

    /** The stored text in the reader's language when it is still the shipped text under {@code key}. */
    public static @Nullable String inReadersLanguage(
            MessageSource messages, String key, @Nullable String stored, Locale locale) {
        if (stored == null) {
            return null;
        }
        String shipped = messages.getMessage(key, null, null, Indonesian.LOCALE);
        if (!stored.equals(shipped)) {
            return stored;
        }
        return messages.getMessage(key, null, stored, locale);
    }

    /** A stored source; one that is only "belum dikonfirmasi, lihat …" reads so in the reader's language. */
    public static String source(MessageSource messages, String stored, Locale locale) {
        if (!stored.startsWith(UNCONFIRMED_SEE)) {
            return stored;
        }
        String see = stored.substring(UNCONFIRMED_SEE.length());
        String shown = messages.getMessage("source.unconfirmed-see", new Object[] {see}, stored, locale);
        return shown == null ? stored : shown;
    }
}
