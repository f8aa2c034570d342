package id.lindung.claim.letter;

import id.lindung.shared.web.Formats;
import id.lindung.shared.web.XhtmlPdf;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;

/**
 * Renders a {@link DecisionLetter} as an A4 PDF: the Thymeleaf template {@code templates/claim/letter.html}
 * (texts {@code letter.*} from the {@code i18n/claim} bundle, rupiah and dates by {@link Formats}) gives XHTML,
 * which openhtmltopdf lays out with the PDF's built-in fonts ({@link XhtmlPdf}: well-formed XHTML, nothing loaded
 * from outside, symbols beyond the built-in fonts replaced by plain equivalents).
 */
@Component
public class DecisionLetters {

    static final String TEMPLATE = "claim/letter";

    private final ITemplateEngine templates;
    private final Formats formats;

    public DecisionLetters(ITemplateEngine templates, Formats formats) {
        this.templates = templates;
        this.formats = formats;
    }

    /** The letter as a PDF in {@code locale}'s language (Bahasa Indonesia unless English is asked for). */
    public byte[] render(DecisionLetter letter, Locale locale) {
        return XhtmlPdf.toPdf(xhtml(letter, locale), "claim letter");
    }

    /** The letter as XHTML: the template processed in {@code locale}. */
    String xhtml(DecisionLetter letter, Locale locale) {
        Objects.requireNonNull(letter, "letter");
        return XhtmlPdf.xhtml(templates, TEMPLATE, locale, Map.of("letter", letter, "fmt", formats));
    }
}
