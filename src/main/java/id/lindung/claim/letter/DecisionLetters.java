package id.lindung.claim.letter;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import id.lindung.shared.web.Formats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a {@link DecisionLetter} as an A4 PDF: the Thymeleaf template {@code templates/claim/letter.html}
 * (texts {@code letter.*} from the {@code i18n/claim} bundle, rupiah and dates by {@link Formats}) gives XHTML,
 * which openhtmltopdf lays out with the PDF's built-in fonts.
 *
 * <p>The template is written as well-formed XHTML (every tag closed, no named entities other than XML's), and
 * Thymeleaf's HTML mode keeps markup as written and escapes text with XML-safe references only, so its output
 * parses as XML without a converter. The renderer may load nothing from outside (no network, no files).
 *
 * <p>The built-in fonts cover Windows-1252 (all Indonesian text, "×", "–", "—", "…"); a few symbols the benefit
 * formulas use beyond it are replaced by their plain equivalents ({@link #printable}) so they never print as "#".
 *
 * <p>openhtmltopdf logs through its own console handler by default; this class sends it to SLF4J instead, its
 * INFO chatter ("Using fast-mode renderer") at DEBUG.
 */
@Component
public class DecisionLetters {

    static final String TEMPLATE = "claim/letter";

    static {
        XRLog.setLoggerImpl(new Slf4jXRLogger());
    }

    private final ITemplateEngine templates;
    private final Formats formats;

    public DecisionLetters(ITemplateEngine templates, Formats formats) {
        this.templates = templates;
        this.formats = formats;
    }

    /** The letter as a PDF in {@code locale}'s language (Bahasa Indonesia unless English is asked for). */
    public byte[] render(DecisionLetter letter, Locale locale) {
        return toPdf(xhtml(letter, locale));
    }

    /** The letter as XHTML: the template processed in {@code locale}. */
    String xhtml(DecisionLetter letter, Locale locale) {
        Objects.requireNonNull(letter, "letter");
        Objects.requireNonNull(locale, "locale");
        // Formats takes the month names from the current locale: the letter's, whoever asks.
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            Context context = new Context(locale);
            context.setVariable("letter", letter);
            context.setVariable("fmt", formats);
            return printable(templates.process(TEMPLATE, context));
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    static byte[] toPdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withProducer("Lindung");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("claim letter: PDF rendering failed", e);
        }
        return out.toByteArray();
    }

    /** Replaces the few symbols outside the built-in fonts' Windows-1252 repertoire that our texts use. */
    static String printable(String text) {
        return text.replace('\u2212', '-') // minus sign (formulas: "min(40%; 100% − 70%)")
                .replace("\u2192", "->") // arrow
                .replace("\u2264", "&lt;=") // less than or equal (in XHTML text)
                .replace("\u2265", "&gt;=") // greater than or equal
                .replace('\u202F', ' '); // narrow no-break space
    }

    /** openhtmltopdf's log lines to SLF4J, one logger per openhtmltopdf category; INFO is demoted to DEBUG. */
    private static final class Slf4jXRLogger implements XRLogger {

        @Override
        public void log(String where, Level level, String msg) {
            log(where, level, msg, null);
        }

        @Override
        public void log(String where, Level level, String msg, @Nullable Throwable th) {
            Logger logger = LoggerFactory.getLogger(where);
            int value = level.intValue();
            if (value >= Level.SEVERE.intValue()) {
                logger.error(msg, th);
            } else if (value >= Level.WARNING.intValue()) {
                logger.warn(msg, th);
            } else if (value >= Level.INFO.intValue()) {
                logger.debug(msg, th);
            } else {
                logger.trace(msg, th);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
            // levels are the logging system's business
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            int value = diagnostic.getLevel().intValue();
            return value >= Level.WARNING.intValue() || LoggerFactory.getLogger("com.openhtmltopdf").isDebugEnabled();
        }
    }
}
