package id.lindung.shared.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * PDF documents from Thymeleaf templates written as XHTML (the claim decision letter, the coverage report): the
 * template is processed in the document's language, then openhtmltopdf lays it out in the bundled font
 * ({@link BundledFont}, embedded as a subset), which templates ask for as {@code font-family: 'Noto Sans'}.
 *
 * <p>Templates must be well-formed XHTML (every tag closed, no named entities other than XML's); Thymeleaf's HTML
 * mode keeps markup as written and escapes text with XML-safe references only, so its output parses as XML without a
 * converter. The renderer may load nothing from outside (no network, no files); images travel inside the document
 * as {@code data:} URIs.
 *
 * <p>The few symbols of our texts beyond Windows-1252 (the repertoire of the PDF built-in fonts the documents used
 * before the bundled one) are still replaced by their plain equivalents ({@link #printable}), so the documents'
 * text stays as it was.
 *
 * <p>openhtmltopdf logs through its own console handler by default; this class sends it to SLF4J instead, its INFO
 * chatter ("Using fast-mode renderer") at DEBUG.
 */
public final class XhtmlPdf {

    static {
        XRLog.setLoggerImpl(new Slf4jXRLogger());
    }

    private XhtmlPdf() {}

    /**
     * The template processed in {@code locale} with the given variables, made {@link #printable}. The locale is
     * also the current one while the template runs, so {@link Formats} takes month names from the document's
     * language, whoever asks; the caller's locale is restored afterwards.
     */
    public static String xhtml(ITemplateEngine templates, String template, Locale locale, Map<String, ?> variables) {
        Objects.requireNonNull(locale, "locale");
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            Context context = new Context(locale);
            variables.forEach(context::setVariable);
            return printable(templates.process(template, context));
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    /** Lays XHTML out as a PDF; {@code what} names the document in the error if rendering fails. */
    public static byte[] toPdf(String xhtml, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // nothing from outside: only what the document carries inside itself (data: URIs)
            builder.useExternalResourceAccessControl(
                    (uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withProducer("Lindung");
            for (BundledFont.Face face : BundledFont.Face.values()) {
                builder.useFont(
                        face::open,
                        BundledFont.FAMILY,
                        face.weight(),
                        face.italic() ? FontStyle.ITALIC : FontStyle.NORMAL,
                        true);
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": PDF rendering failed", e);
        }
        return out.toByteArray();
    }

    /**
     * A PDF as an HTTP answer shown in the browser ({@code inline}, under {@code filename} when saved), never kept in
     * a cache: for documents made for one reader.
     */
    public static ResponseEntity<byte[]> inline(byte[] pdf, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename).build().toString())
                .body(pdf);
    }

    /** Replaces the few symbols outside the built-in fonts' Windows-1252 repertoire that our texts use. */
    public static String printable(String text) {
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
            return value >= Level.WARNING.intValue()
                    || LoggerFactory.getLogger("com.openhtmltopdf").isDebugEnabled();
        }
    }
}
