package id.lindung.paritrana.report;

import id.lindung.paritrana.CycleStatus;
import id.lindung.paritrana.Ranking;
import id.lindung.shared.web.Formats;
import id.lindung.shared.web.XhtmlPdf;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;

/**
 * An entrant's certificate as an A4 landscape PDF: the template {@code templates/paritrana/certificate.xhtml}
 * laid out through {@link XhtmlPdf} like the coverage report. It names the entrant, its rank among the cycle's
 * entrants, the category and year, the total, and the breakdown (value, score, weight, contribution per indicator,
 * unconfirmed weights marked); a cycle not yet closed prints as provisional.
 */
@Component
public class CertificatePdf {

    static final String TEMPLATE = "paritrana/certificate.xhtml";

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Formats formats;

    public CertificatePdf(ITemplateEngine templates, MessageSource messages, Formats formats) {
        this.templates = templates;
        this.messages = messages;
        this.formats = formats;
    }

    /** The certificate of {@code row} (a row of {@code ranking}) in {@code locale}'s language. */
    public byte[] render(Ranking ranking, Ranking.Row row, Instant generatedAt, Locale locale) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("ranking", ranking);
        variables.put("c", ranking.cycle());
        variables.put("row", row);
        variables.put("t", new ParitranaTexts(messages, locale));
        variables.put("fmt", formats);
        variables.put("generatedAt", generatedAt);
        variables.put("provisional", ranking.cycle().status() != CycleStatus.CLOSED);
        variables.put("unconfirmed", ranking.cycle().indicators().stream().anyMatch(w -> w.weightUnconfirmed()));
        return XhtmlPdf.toPdf(XhtmlPdf.xhtml(templates, TEMPLATE, locale, variables), "Paritrana certificate");
    }
}
