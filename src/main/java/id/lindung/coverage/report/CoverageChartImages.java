package id.lindung.coverage.report;

import id.lindung.coverage.CoverageDashboard;
import id.lindung.coverage.CoverageDashboard.ChildFigure;
import id.lindung.coverage.CoverageDashboard.TrendPoint;
import id.lindung.shared.web.BundledFont;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coverage dashboard's charts as PNG images, drawn with Java2D (headless, anti-aliased) for the PDF report:
 * <ul>
 * <li>{@link #map}: the kab/kota of the province from their GeoJSON boundaries (equirectangular, scaled to fit),
 * filled by coverage in five classes from light to dark green (grey without a figure), with a legend;</li>
 * <li>{@link #ranking}: the regions one level down as horizontal bars by coverage, with the target line;</li>
 * <li>{@link #trend}: coverage per month as a line, with the target of each month's year dashed.</li>
 * </ul>
 * Figures are written the Indonesian way (36,47%) whatever the language of the labels. Every method is a pure
 * function of its arguments.
 */
public final class CoverageChartImages {

    public static final int MAP_WIDTH = 1000;
    public static final int MAP_HEIGHT = 760;
    public static final int RANKING_WIDTH = 1000;
    /** Top of the first bar row; each row is {@link #RANKING_ROW} high, {@link #RANKING_BOTTOM} below the last. */
    public static final int RANKING_TOP = 70;

    public static final int RANKING_ROW = 30;
    public static final int RANKING_BOTTOM = 50;
    /** Where the bars start (0%) and where the axis ends. */
    public static final int RANKING_LEFT = 280;

    public static final int RANKING_RIGHT = 910;
    public static final int TREND_WIDTH = 1000;
    public static final int TREND_HEIGHT = 440;
    public static final int TREND_LEFT = 80;
    public static final int TREND_RIGHT = 950;
    public static final int TREND_TOP = 76;
    public static final int TREND_BOTTOM = 380;

    /** Fill of a region without a figure. */
    public static final Color NO_DATA = new Color(0xD9D9D9);
    /** Bars of regions below their target and at or above it; the coverage line of the trend. */
    public static final Color BAR = new Color(0x41AB5D);

    public static final Color BAR_REACHED = new Color(0x006D2C);
    public static final Color LINE = new Color(0x1B7F3B);
    public static final Color TARGET = new Color(0xC0392B);
    /** ColorBrewer "Greens", five classes, light to dark. */
    static final Color[] GREENS = {
        new Color(0xEDF8E9), new Color(0xBAE4B3), new Color(0x74C476), new Color(0x31A354), new Color(0x006D2C)
    };

    private static final Color TEXT = new Color(0x222222);
    private static final Color MUTED = new Color(0x666666);
    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color BORDER = Color.WHITE;
    private static final Color HIGHLIGHT = new Color(0x222222);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private CoverageChartImages() {}

    // ----------------------------------------------------------------------------------------------------- map

    /**
     * The choropleth map of the province that {@code d}'s region lies in, {@link #MAP_WIDTH} × {@link #MAP_HEIGHT}.
     * A province's kab/kota are filled by their coverage (its children); a kab/kota's own outline is drawn heavy and
     * filled by its total, a kecamatan's kab/kota is drawn heavy; other regions are grey.
     *
     * @param geoJson FeatureCollection of kab/kota ({@code properties.code} "61.04", optional {@code properties.lat},
     *        {@code lng} for the label; Polygon or MultiPolygon in lon/lat); features of other provinces are ignored
     */
    public static byte[] map(CoverageDashboard d, String geoJson, CoverageReportTexts t) {
        String province = provinceOf(d.region().code());
        List<Area> areas = areas(geoJson, province);
        Map<String, Integer> values = mapValues(d);
        MapScale scale = MapScale.of(values.values());
        MapFrame frame = MapFrame.fit(areas);
        String highlight = switch (d.region().level()) {
            case "KABKOTA" -> d.region().code();
            case "KECAMATAN" -> d.region().parentCode();
            default -> null;
        };

        BufferedImage image = canvas(MAP_WIDTH, MAP_HEIGHT);
        Graphics2D g = graphics(image);
        title(g, t.label("chart.map.title", t.month(d.month())), 20, 36);

        List<Shape> shapes = new ArrayList<>();
        for (Area a : areas) {
            Shape shape = frame.shape(a);
            shapes.add(shape);
            g.setColor(scale.colourOf(values.get(a.code())));
            g.fill(shape);
        }
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(BORDER);
        shapes.forEach(g::draw);
        for (int i = 0; i < areas.size(); i++) {
            if (areas.get(i).code().equals(highlight)) {
                g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(HIGHLIGHT);
                g.draw(shapes.get(i));
            }
        }
        Map<String, String> names = new HashMap<>();
        d.children().forEach(c -> names.put(c.region().code(), c.region().name()));
        names.put(d.region().code(), d.region().name());
        for (int i = 0; i < areas.size(); i++) {
            Area a = areas.get(i);
            if (shapes.get(i).getBounds2D().getWidth() < 60) {
                continue; // a city of a few pixels: the ranking names it
            }
            Point2D at = frame.pixel(a.labelLon(), a.labelLat());
            Integer value = values.get(a.code());
            String name = shortName(names.getOrDefault(a.code(), a.name()));
            float top = (float) at.getY() + 5;
            haloText(g, name, (float) at.getX(), top + 13, BundledFont.awt(Font.BOLD, 13));
            if (value != null) {
                haloText(g, t.percent(value), (float) at.getX(), top + 29, BundledFont.awt(Font.PLAIN, 13));
            }
        }
        mapLegend(g, scale, d, t, MAP_WIDTH - 215, 90);
        return png(image, g);
    }

    /** The coverage each kab/kota of the map is filled by (only those that have one). */
    static Map<String, Integer> mapValues(CoverageDashboard d) {
        Map<String, Integer> values = new HashMap<>();
        switch (d.region().level()) {
            case "PROVINCE" ->
                d.children().stream()
                        .filter(c -> c.figure().coverage() != null)
                        .forEach(c -> values.put(c.region().code(), c.figure().coverage()));
            case "KABKOTA" -> {
                if (d.total().coverage() != null) {
                    values.put(d.region().code(), d.total().coverage());
                }
            }
            default -> {
                // no kecamatan boundaries: the kab/kota is outlined only
            }
        }
        return values;
    }

    /** The colour classes of {@code d}'s map. */
    public static MapScale mapScale(CoverageDashboard d) {
        return MapScale.of(mapValues(d).values());
    }

    /** Where {@link #map} puts a longitude and latitude for this GeoJSON and province. */
    public static MapFrame mapFrame(String geoJson, String provinceCode) {
        return MapFrame.fit(areas(geoJson, provinceCode));
    }

    private static void mapLegend(
            Graphics2D g, MapScale scale, CoverageDashboard d, CoverageReportTexts t, int x, int y) {
        g.setColor(TEXT);
        g.setFont(BundledFont.awt(Font.BOLD, 15));
        g.drawString(t.label("chart.coverage"), x, y);
        g.setFont(BundledFont.awt(Font.PLAIN, 14));
        int row = y + 14;
        if (scale.hasClasses()) {
            for (int i = GREENS.length - 1; i >= 0; i--) {
                legendBox(g, GREENS[i], x, row);
                g.setColor(TEXT);
                g.drawString(t.percentShort(scale.lower(i)) + " – " + t.percentShort(scale.upper(i)), x + 34, row + 16);
                row += 28;
            }
        }
        legendBox(g, NO_DATA, x, row);
        g.setColor(TEXT);
        g.drawString(t.label("chart.noData"), x + 34, row + 16);
        row += 28;
        if (d.total().target() != null) {
            row += 14;
            g.setColor(TARGET);
            g.setFont(BundledFont.awt(Font.BOLD, 14));
            g.drawString(t.label("chart.target", t.percent(d.total().target())), x, row + 6);
        }
        if (d.total().coverage() != null) {
            row += 24;
            g.setColor(TEXT);
            g.setFont(BundledFont.awt(Font.PLAIN, 14));
            g.drawString(d.region().name() + ": " + t.percent(d.total().coverage()), x, row + 6);
        }
    }

    private static void legendBox(Graphics2D g, Color colour, int x, int y) {
        g.setColor(colour);
        g.fillRect(x, y, 26, 20);
        g.setColor(new Color(0xAAAAAA));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, 26, 20);
    }

    /**
     * Five equal classes of coverage with a round width (0,05%, 0,1%, ... 1%, 2%, 2,5%, 5%, 10%, 20%) that start at a
     * multiple of that width and cover the values: 22,15% to 58,30% gives 20%–70% in steps of 10%, 0,43% to 0,64%
     * gives 0,4%–0,65% in steps of 0,05%; light to dark green, grey where there is no value. A single value falls in
     * the middle class. Without any value there are no classes.
     */
    public record MapScale(int low, int high) {

        private static final int[] STEPS = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000};

        static MapScale of(Collection<Integer> values) {
            if (values.isEmpty()) {
                return new MapScale(0, 0);
            }
            int min = Collections.min(values);
            int max = Collections.max(values);
            int classes = GREENS.length;
            if (min == max) {
                int step = niceStep(Math.max(1, max / classes));
                int low = Math.max(0, Math.floorDiv(max, step) * step - classes / 2 * step);
                return new MapScale(low, low + classes * step);
            }
            for (int step : STEPS) {
                int low = Math.floorDiv(min, step) * step;
                if (low + classes * step >= max) {
                    return new MapScale(low, low + classes * step);
                }
            }
            return new MapScale(0, 10000);
        }

        private static int niceStep(int atLeast) {
            for (int step : STEPS) {
                if (step >= atLeast) {
                    return step;
                }
            }
            return STEPS[STEPS.length - 1];
        }

        boolean hasClasses() {
            return high > low;
        }

        /** The class of a coverage, 0 (lightest) to 4 (darkest). */
        public int classOf(int basisPoints) {
            int i = (int) ((long) (basisPoints - low) * GREENS.length / (high - low));
            return Math.max(0, Math.min(GREENS.length - 1, i));
        }

        public Color colourOf(@Nullable Integer basisPoints) {
            return basisPoints == null || !hasClasses() ? NO_DATA : GREENS[classOf(basisPoints)];
        }

        int lower(int i) {
            return low + (high - low) * i / GREENS.length;
        }

        int upper(int i) {
            return low + (high - low) * (i + 1) / GREENS.length;
        }
    }

    /** The equirectangular projection of the map, fitted into the map's drawing area. */
    public static final class MapFrame {
        private static final Rectangle2D AREA = new Rectangle2D.Double(20, 60, 740, 680);
        private final double minLon;
        private final double maxLat;
        private final double lonFactor;
        private final double scale;
        private final double x0;
        private final double y0;

        private MapFrame(double minLon, double maxLon, double minLat, double maxLat) {
            this.minLon = minLon;
            this.maxLat = maxLat;
            this.lonFactor = Math.cos(Math.toRadians((minLat + maxLat) / 2));
            double width = Math.max(1e-6, (maxLon - minLon) * lonFactor);
            double height = Math.max(1e-6, maxLat - minLat);
            this.scale = Math.min(AREA.getWidth() / width, AREA.getHeight() / height);
            this.x0 = AREA.getX() + (AREA.getWidth() - width * scale) / 2;
            this.y0 = AREA.getY() + (AREA.getHeight() - height * scale) / 2;
        }

        static MapFrame fit(List<Area> areas) {
            double minLon = Double.MAX_VALUE;
            double maxLon = -Double.MAX_VALUE;
            double minLat = Double.MAX_VALUE;
            double maxLat = -Double.MAX_VALUE;
            for (Area a : areas) {
                for (double[] ring : a.rings()) {
                    for (int i = 0; i < ring.length; i += 2) {
                        minLon = Math.min(minLon, ring[i]);
                        maxLon = Math.max(maxLon, ring[i]);
                        minLat = Math.min(minLat, ring[i + 1]);
                        maxLat = Math.max(maxLat, ring[i + 1]);
                    }
                }
            }
            return areas.isEmpty() ? new MapFrame(0, 1, 0, 1) : new MapFrame(minLon, maxLon, minLat, maxLat);
        }

        /** The pixel of a longitude and latitude. */
        public Point2D pixel(double lon, double lat) {
            return new Point2D.Double(x0 + (lon - minLon) * lonFactor * scale, y0 + (maxLat - lat) * scale);
        }

        Shape shape(Area a) {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] ring : a.rings()) {
                for (int i = 0; i < ring.length; i += 2) {
                    Point2D p = pixel(ring[i], ring[i + 1]);
                    if (i == 0) {
                        path.moveTo(p.getX(), p.getY());
                    } else {
                        path.lineTo(p.getX(), p.getY());
                    }
                }
                path.closePath();
            }
            return path;
        }
    }

    /** A kab/kota of the GeoJSON: its rings as lon, lat, lon, lat, ... and where its label goes. */
    record Area(String code, String name, List<double[]> rings, double labelLon, double labelLat) {}

    static List<Area> areas(String geoJson, String provinceCode) {
        JsonNode features = JSON.readTree(geoJson).path("features");
        List<Area> areas = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            JsonNode feature = features.get(f);
            JsonNode properties = feature.path("properties");
            String code = properties.path("code").asString("");
            if (!code.startsWith(provinceCode + ".")) {
                continue;
            }
            JsonNode geometry = feature.path("geometry");
            JsonNode coordinates = geometry.path("coordinates");
            List<double[]> rings = new ArrayList<>();
            switch (geometry.path("type").asString("")) {
                case "Polygon" -> addRings(coordinates, rings);
                case "MultiPolygon" -> {
                    for (int p = 0; p < coordinates.size(); p++) {
                        addRings(coordinates.get(p), rings);
                    }
                }
                default -> {
                    continue;
                }
            }
            if (rings.isEmpty()) {
                continue;
            }
            double lon;
            double lat;
            if (properties.path("lng").isNumber() && properties.path("lat").isNumber()) {
                lon = properties.path("lng").asDouble();
                lat = properties.path("lat").asDouble();
            } else {
                double[] largest = rings.stream()
                        .max((a, b) -> Integer.compare(a.length, b.length))
                        .orElseThrow();
                lon = centre(largest, 0);
                lat = centre(largest, 1);
            }
            areas.add(new Area(code, properties.path("name").asString(code), rings, lon, lat));
        }
        return areas;
    }

    private static void addRings(JsonNode polygon, List<double[]> rings) {
        for (int r = 0; r < polygon.size(); r++) {
            JsonNode ring = polygon.get(r);
            double[] points = new double[ring.size() * 2];
            for (int i = 0; i < ring.size(); i++) {
                points[2 * i] = ring.get(i).path(0).asDouble();
                points[2 * i + 1] = ring.get(i).path(1).asDouble();
            }
            if (points.length >= 6) {
                rings.add(points);
            }
        }
    }

    private static double centre(double[] ring, int offset) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = offset; i < ring.length; i += 2) {
            min = Math.min(min, ring[i]);
            max = Math.max(max, ring[i]);
        }
        return (min + max) / 2;
    }

    // ------------------------------------------------------------------------------------------------- ranking

    /** The height of the ranking chart of {@code rows} regions. */
    public static int rankingHeight(int rows) {
        return RANKING_TOP + Math.max(1, rows) * RANKING_ROW + RANKING_BOTTOM;
    }

    /**
     * The regions one level down, in the dashboard's order (highest coverage first), as horizontal bars from 0% on a
     * scale of round tens of percent; the region's target as a dashed red line (a child with a target of its own gets
     * a red mark in its row); a region without a figure says so. {@link #RANKING_WIDTH} × {@link #rankingHeight}.
     */
    public static byte[] ranking(CoverageDashboard d, CoverageReportTexts t) {
        List<ChildFigure> rows = d.children();
        int height = rankingHeight(rows.size());
        Integer target = d.total().target();
        int top = 0;
        for (ChildFigure c : rows) {
            top = Math.max(top, c.figure().coverage() == null ? 0 : c.figure().coverage());
            top = Math.max(top, c.figure().target() == null ? 0 : c.figure().target());
        }
        top = Math.max(top, target == null ? 0 : target);
        int axisMax = Math.min(10000, Math.max(1000, -Math.floorDiv(-top, 1000) * 1000));
        double perPoint = (double) (RANKING_RIGHT - RANKING_LEFT) / axisMax;

        BufferedImage image = canvas(RANKING_WIDTH, height);
        Graphics2D g = graphics(image);
        title(g, t.label("chart.ranking.title", t.month(d.month())), 20, 36);
        int bottom = RANKING_TOP + Math.max(1, rows.size()) * RANKING_ROW;
        int step = axisMax <= 4000 ? 500 : 1000;
        g.setFont(BundledFont.awt(Font.PLAIN, 14));
        FontMetrics fm = g.getFontMetrics();
        for (int v = 0; v <= axisMax; v += step) {
            int x = (int) Math.round(RANKING_LEFT + v * perPoint);
            g.setColor(v == 0 ? MUTED : GRID);
            g.setStroke(new BasicStroke(1f));
            g.drawLine(x, RANKING_TOP - 4, x, bottom);
            g.setColor(MUTED);
            String label = t.percentShort(v);
            g.drawString(label, x - fm.stringWidth(label) / 2, bottom + 20);
        }

        Font name = BundledFont.awt(Font.PLAIN, 15);
        Font value = BundledFont.awt(Font.BOLD, 14);
        int barHeight = Math.round(RANKING_ROW * 0.62f);
        for (int i = 0; i < rows.size(); i++) {
            ChildFigure c = rows.get(i);
            int y = RANKING_TOP + i * RANKING_ROW;
            int middle = y + RANKING_ROW / 2;
            g.setFont(name);
            g.setColor(TEXT);
            String label = fit(g, c.region().name(), RANKING_LEFT - 30);
            g.drawString(label, RANKING_LEFT - 12 - g.getFontMetrics().stringWidth(label), middle + 5);
            Integer coverage = c.figure().coverage();
            if (coverage == null) {
                g.setColor(MUTED);
                g.setFont(BundledFont.awt(Font.ITALIC, 14));
                g.drawString(t.label("chart.noData"), RANKING_LEFT + 8, middle + 5);
                continue;
            }
            Integer own = c.figure().target();
            boolean reached = own != null && coverage >= own;
            double width = Math.min(axisMax, coverage) * perPoint;
            g.setColor(reached ? BAR_REACHED : BAR);
            g.fill(new Rectangle2D.Double(RANKING_LEFT, middle - barHeight / 2.0, width, barHeight));
            g.setFont(value);
            g.setColor(TEXT);
            g.drawString(t.percent(coverage), (float) (RANKING_LEFT + width + 6), middle + 5);
            if (own != null && !own.equals(target) && !c.figure().targetInherited()) {
                double x = RANKING_LEFT + Math.min(axisMax, own) * perPoint;
                g.setColor(TARGET);
                g.setStroke(new BasicStroke(3f));
                g.draw(new Line2D.Double(x, y + 2, x, y + RANKING_ROW - 2));
            }
        }
        if (target != null) {
            double x = RANKING_LEFT + Math.min(axisMax, target) * perPoint;
            g.setColor(TARGET);
            g.setStroke(
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f));
            g.draw(new Line2D.Double(x, RANKING_TOP - 10, x, bottom));
            g.setFont(BundledFont.awt(Font.BOLD, 14));
            String label = t.label("chart.target", t.percent(target));
            int w = g.getFontMetrics().stringWidth(label);
            g.drawString(label, (float) Math.min(x - w / 2.0, RANKING_WIDTH - w - 8), RANKING_TOP - 16);
        }
        return png(image, g);
    }

    // --------------------------------------------------------------------------------------------------- trend

    /** The x of the {@code i}-th of {@code n} months on the trend chart. */
    public static double trendX(int i, int n) {
        return n <= 1
                ? (TREND_LEFT + TREND_RIGHT) / 2.0
                : TREND_LEFT + (double) i * (TREND_RIGHT - TREND_LEFT) / (n - 1);
    }

    /**
     * Coverage per month (green line with points, the last one labelled) and the target of each month's year (red,
     * dashed) on a percent axis between round values around them. {@link #TREND_WIDTH} × {@link #TREND_HEIGHT}.
     */
    public static byte[] trend(CoverageDashboard d, CoverageReportTexts t) {
        List<TrendPoint> points = d.trend();
        int n = points.size();
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (TrendPoint p : points) {
            for (Integer v : new Integer[] {p.coverage(), p.target()}) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 1000;
        }
        int low = Math.max(0, Math.floorDiv(min - 200, 1000) * 1000);
        int high = Math.min(10000, Math.max(low + 1000, -Math.floorDiv(-(max + 200), 1000) * 1000));
        int step = 100;
        for (int s : new int[] {100, 200, 250, 500, 1000, 2000}) {
            step = s;
            if ((high - low) / s <= 8) {
                break;
            }
        }
        final int lo = low;
        final int range = high - low;

        BufferedImage image = canvas(TREND_WIDTH, TREND_HEIGHT);
        Graphics2D g = graphics(image);
        YearMonth from = n == 0 ? d.month() : points.get(0).month();
        YearMonth to = n == 0 ? d.month() : points.get(n - 1).month();
        title(g, t.label("chart.trend.title", t.month(from), t.month(to)), 20, 36);
        legendLine(g, LINE, false, t.label("chart.coverage"), TREND_RIGHT - 250, 56);
        legendLine(g, TARGET, true, t.label("chart.targetLine"), TREND_RIGHT - 110, 56);

        g.setFont(BundledFont.awt(Font.PLAIN, 14));
        FontMetrics fm = g.getFontMetrics();
        for (int v = low; v <= high; v += step) {
            double y = trendY(v, lo, range);
            g.setColor(v == low ? MUTED : GRID);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Line2D.Double(TREND_LEFT, y, TREND_RIGHT, y));
            g.setColor(MUTED);
            String label = t.percentShort(v);
            g.drawString(label, TREND_LEFT - 10 - fm.stringWidth(label), (float) y + 5);
        }
        int every = Math.max(1, (int) Math.ceil(n / 12.0));
        for (int i = 0; i < n; i += every) {
            String label = t.shortMonth(points.get(i).month());
            g.setColor(MUTED);
            g.drawString(label, (float) (trendX(i, n) - fm.stringWidth(label) / 2.0), TREND_BOTTOM + 24);
        }
        if (n == 0) {
            g.setColor(MUTED);
            g.drawString(t.label("chart.noData"), (TREND_LEFT + TREND_RIGHT) / 2 - 30, (TREND_TOP + TREND_BOTTOM) / 2);
            return png(image, g);
        }

        g.setColor(TARGET);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f));
        polyline(g, points, TrendPoint::target, true, lo, range);
        g.setColor(LINE);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        polyline(g, points, TrendPoint::coverage, false, lo, range);
        Integer last = null;
        int lastIndex = -1;
        for (int i = 0; i < n; i++) {
            Integer v = points.get(i).coverage();
            if (v != null) {
                double x = trendX(i, n);
                double y = trendY(v, lo, range);
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(x - 5, y - 5, 10, 10));
                g.setColor(LINE);
                g.setStroke(new BasicStroke(2.5f));
                g.draw(new Ellipse2D.Double(x - 5, y - 5, 10, 10));
                last = v;
                lastIndex = i;
            }
        }
        if (last != null) {
            g.setFont(BundledFont.awt(Font.BOLD, 15));
            String label = t.percent(last);
            double x = trendX(lastIndex, n);
            int w = g.getFontMetrics().stringWidth(label);
            haloText(
                    g,
                    label,
                    (float) Math.min(x, TREND_WIDTH - w / 2.0 - 4),
                    (float) trendY(last, lo, range) - 12,
                    BundledFont.awt(Font.BOLD, 15));
        }
        return png(image, g);
    }

    private static double trendY(int basisPoints, int low, int range) {
        return TREND_BOTTOM - (double) (basisPoints - low) * (TREND_BOTTOM - TREND_TOP) / range;
    }

    /**
     * A line through the months that have a value; a month without one breaks it. As {@code steps} the value holds
     * until half-way to the next month and changes there (a target changes with the year, it does not slope).
     */
    private static void polyline(
            Graphics2D g,
            List<TrendPoint> points,
            Function<TrendPoint, @Nullable Integer> value,
            boolean steps,
            int low,
            int range) {
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        double previousY = 0;
        for (int i = 0; i < points.size(); i++) {
            Integer v = value.apply(points.get(i));
            if (v == null) {
                open = false;
                continue;
            }
            double x = trendX(i, points.size());
            double y = trendY(v, low, range);
            if (!open) {
                path.moveTo(x, y);
                open = true;
            } else if (steps && y != previousY) {
                double half = (trendX(i - 1, points.size()) + x) / 2;
                path.lineTo(half, previousY);
                path.lineTo(half, y);
                path.lineTo(x, y);
            } else {
                path.lineTo(x, y);
            }
            previousY = y;
        }
        g.draw(path);
    }

    private static void legendLine(Graphics2D g, Color colour, boolean dashed, String label, int x, int y) {
        g.setColor(colour);
        g.setStroke(
                dashed
                        ? new BasicStroke(
                                2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f)
                        : new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x, y - 5, x + 30, y - 5));
        g.setColor(TEXT);
        g.setFont(BundledFont.awt(Font.PLAIN, 14));
        g.drawString(label, x + 38, y);
    }

    // ------------------------------------------------------------------------------------------------- drawing

    private static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static void title(Graphics2D g, String text, int x, int y) {
        g.setColor(TEXT);
        g.setFont(BundledFont.awt(Font.BOLD, 20));
        g.drawString(text, x, y);
    }

    /** Text centred on {@code x} with its baseline at {@code y}, on a white halo so it reads on any fill. */
    private static void haloText(Graphics2D g, String text, float x, float y, Font font) {
        FontRenderContext frc = g.getFontRenderContext();
        TextLayout layout = new TextLayout(text, font, frc);
        float left = x - layout.getAdvance() / 2;
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(left, y));
        g.setColor(new Color(255, 255, 255, 210));
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(TEXT);
        g.fill(outline);
    }

    /** "Kabupaten Kapuas Hulu" gives "Kapuas Hulu"; a city keeps "Kota". */
    private static String shortName(String name) {
        return name.startsWith("Kabupaten ") ? name.substring("Kabupaten ".length()) : name;
    }

    /** The text, cut with "…" to fit {@code width} pixels in the current font. */
    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && fm.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }

    private static String provinceOf(String code) {
        return code.length() >= 2 ? code.substring(0, 2) : code;
    }

    private static byte[] png(BufferedImage image, Graphics2D g) {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("coverage chart: PNG encoding failed", e);
        }
        return out.toByteArray();
    }
}
