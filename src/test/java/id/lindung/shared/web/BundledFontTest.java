package id.lindung.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/** PDFs and chart images are set in the bundled Noto Sans, not in whatever the host or the viewer has. */
public class BundledFontTest {

    /** The names of the fonts a PDF uses, each checked to be embedded in it. */
    public static List<String> embeddedFonts(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded())
                            .as(font.getName() + " embedded")
                            .isTrue();
                    names.add(font.getName());
                }
            }
        }
        return names;
    }

    @Test
    void aPdfEmbedsTheBundledFontInEachStyleItUses() throws IOException {
        byte[] pdf = XhtmlPdf.toPdf("""
                <html xmlns="http://www.w3.org/1999/xhtml"><head><style>
                  body { font-family: 'Noto Sans', sans-serif; }
                </style></head><body><p>Rp1.234.567 – <b>tebal</b> <i>miring</i> <b><i>keduanya</i></b></p>
                </body></html>""", "font test");
        // subset fonts are named with a six-letter tag: ABCDEF+NotoSans-Bold
        assertThat(embeddedFonts(pdf))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).matches("[A-Z]{6}\\+NotoSans-(Regular|Bold|Italic|BoldItalic)"))
                .extracting(name -> name.substring(7))
                .containsExactlyInAnyOrder(
                        "NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic");
    }

    @Test
    void everyPdfTemplateAsksForIt() throws IOException {
        List<Path> pdfTemplates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(f, StandardCharsets.UTF_8).contains("rendered to PDF")) {
                    pdfTemplates.add(f);
                }
            }
        }
        assertThat(pdfTemplates).hasSize(4);
        for (Path f : pdfTemplates) {
            assertThat(Files.readString(f, StandardCharsets.UTF_8))
                    .as(f.toString())
                    .contains("body { font-family: 'Noto Sans', sans-serif;")
                    .doesNotContain("Helvetica");
        }
    }

    @Test
    void chartImagesGetTheBundledFaceOfEachStyle() {
        assertThat(BundledFont.awt(Font.PLAIN, 14).getFontName()).isEqualTo("Noto Sans Regular");
        assertThat(BundledFont.awt(Font.BOLD, 14).getFontName()).isEqualTo("Noto Sans Bold");
        assertThat(BundledFont.awt(Font.ITALIC, 14).getFontName()).isEqualTo("Noto Sans Italic");
        assertThat(BundledFont.awt(Font.BOLD, 15).getSize2D()).isEqualTo(15f);
        assertThat(BundledFont.awt(Font.PLAIN, 14).canDisplayUpTo("Kapuas Hulu 36,12% – Rp1.234 ×"))
                .isEqualTo(-1);
    }
}
