package id.lindung.coverage.report;

import id.lindung.coverage.CoverageDashboard;
import id.lindung.coverage.CoverageDashboard.ChannelFigure;
import id.lindung.coverage.CoverageDenominators.Denominator;
import id.lindung.shared.web.Formats;
import id.lindung.shared.web.XhtmlPdf;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;

/**
 * The coverage dashboard as an A4 PDF report: the Thymeleaf template {@code templates/coverage/report.xhtml} (texts
 * {@code coverage.report.*} from the {@code i18n/coverage-report} bundle) laid out by openhtmltopdf through
 * {@link XhtmlPdf}, like the claim decision letter. It holds the headline figures and the forecast, the map, the
 * ranking (when a region one level down has a coverage) and the trend ({@link CoverageChartImages}, embedded as PNG
 * {@code data:} URIs: the renderer loads nothing from outside), the tables of the regions one level down, segments,
 * channels and KUR borrowers, the denominator sources with their estimate flags, and when it was generated.
 */
@Component
public class CoverageReportPdf {

    static final String TEMPLATE = "coverage/report.xhtml";

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Formats formats;

    public CoverageReportPdf(ITemplateEngine templates, MessageSource messages, Formats formats) {
        this.templates = templates;
        this.messages = messages;
        this.formats = formats;
    }

    /**
     * The report of {@code d} in {@code locale}'s language.
     *
     * @param geoJson the kab/kota boundaries of the region's province, or {@code null} (no map)
     * @param sources the denominator rows behind the figures (the region's and its children's), may be empty
     */
    public byte[] render(
            CoverageDashboard d,
            @Nullable String geoJson,
            List<Denominator> sources,
            Instant generatedAt,
            Locale locale) {
        return XhtmlPdf.toPdf(xhtml(d, geoJson, sources, generatedAt, locale), "coverage report");
    }

    /** The report as XHTML: the template processed in {@code locale}, the charts inside as data URIs. */
    public String xhtml(
            CoverageDashboard d,
            @Nullable String geoJson,
            List<Denominator> sources,
            Instant generatedAt,
            Locale locale) {
        Objects.requireNonNull(d, "dashboard");
        CoverageReportTexts t = new CoverageReportTexts(messages, locale);
        Map<String, Object> variables = new HashMap<>();
        variables.put("d", d);
        variables.put("t", t);
        variables.put("fmt", formats);
        variables.put("sources", sources);
        variables.put("generatedAt", generatedAt);
        variables.put(
                "childLevel",
                d.children().isEmpty() ? "" : d.children().get(0).region().level());
        variables.put(
                "channelTotal",
                d.channels().stream().mapToLong(ChannelFigure::active).sum());
        variables.put(
                "estimated",
                d.total().denominatorEstimated()
                        || d.children().stream().anyMatch(c -> c.figure().denominatorEstimated())
                        || d.segments().stream().anyMatch(s -> s.figure().denominatorEstimated()));
        variables.put(
                "inherited",
                d.children().stream().anyMatch(c -> c.figure().targetInherited())
                        || d.total().targetInherited());
        if (geoJson != null) {
            variables.put("mapImage", dataUri(CoverageChartImages.map(d, geoJson, t)));
        }
        if (d.children().stream().anyMatch(c -> c.figure().coverage() != null)) {
            // a ranking of regions that all lack a denominator would be a list of "no data": the table says it
            variables.put("rankingImage", dataUri(CoverageChartImages.ranking(d, t)));
        }
        variables.put("trendImage", dataUri(CoverageChartImages.trend(d, t)));
        return XhtmlPdf.xhtml(templates, TEMPLATE, locale, variables);
    }

    private static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
