package id.lindung.shared.web;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one font of Lindung's documents: Noto Sans (SIL Open Font License 1.1), bundled under
 * {@code src/main/resources/fonts} with its licence and provenance. Every PDF ({@link XhtmlPdf}) and every chart
 * image is set in it, so a document looks the same on every machine and on a slim image without fonts, instead of
 * depending on the PDF viewer's Helvetica or on the host's fontconfig for Java2D's logical "SansSerif".
 */
public final class BundledFont {

    /** The family name PDF templates ask for in their CSS. */
    public static final String FAMILY = "Noto Sans";

    /** The faces bundled: regular, bold, italic, bold italic. */
    public enum Face {
        REGULAR("NotoSans-Regular.ttf", 400, false, Font.PLAIN),
        BOLD("NotoSans-Bold.ttf", 700, false, Font.BOLD),
        ITALIC("NotoSans-Italic.ttf", 400, true, Font.ITALIC),
        BOLD_ITALIC("NotoSans-BoldItalic.ttf", 700, true, Font.BOLD | Font.ITALIC);

        private final String file;
        private final int weight;
        private final boolean italic;
        private final int awtStyle;

        Face(String file, int weight, boolean italic, int awtStyle) {
            this.file = file;
            this.weight = weight;
            this.italic = italic;
            this.awtStyle = awtStyle;
        }

        /** The CSS weight: 400 or 700. */
        public int weight() {
            return weight;
        }

        public boolean italic() {
            return italic;
        }

        /** The TrueType file, read from memory (loaded once). */
        public InputStream open() {
            return new ByteArrayInputStream(BYTES.get(this));
        }
    }

    private static final Map<Face, byte[]> BYTES = new EnumMap<>(Face.class);
    private static final Map<Face, Font> AWT = new EnumMap<>(Face.class);

    static {
        for (Face face : Face.values()) {
            try (InputStream in = BundledFont.class.getResourceAsStream("/fonts/" + face.file)) {
                if (in == null) {
                    throw new IllegalStateException("bundled font missing from the classpath: fonts/" + face.file);
                }
                BYTES.put(face, in.readAllBytes());
                AWT.put(face, Font.createFont(Font.TRUETYPE_FONT, face.open()));
            } catch (IOException e) {
                throw new UncheckedIOException("fonts/" + face.file, e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("fonts/" + face.file, e);
            }
        }
    }

    private BundledFont() {}

    /**
     * The font for Java2D at {@code size} points in {@code style} ({@link Font#PLAIN}, {@link Font#BOLD},
     * {@link Font#ITALIC} or both): the bundled face of that style, never a synthesised one.
     */
    public static Font awt(int style, float size) {
        for (Face face : Face.values()) {
            if (face.awtStyle == style) {
                return Objects.requireNonNull(AWT.get(face)).deriveFont(size); // every face is loaded above
            }
        }
        throw new IllegalArgumentException("font style " + style);
    }
}
