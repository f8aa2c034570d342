package id.lindung.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.CardTokens;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The card's QR code reads back as the text it was given, for texts of a card's length (fixed seed). */
class QrCodesTest {

    @Test
    void readsBackAsWritten() throws Exception {
        Random random = new Random(19);
        for (int i = 0; i < 40; i++) {
            byte[] bytes = new byte[240];
            random.nextBytes(bytes);
            String text = "https://lindung.example/verifikasi-kartu#"
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(bytes)
                            .replace('A', '.');
            String uri = QrCodes.dataUri(text);
            BufferedImage image = ImageIO.read(
                    new ByteArrayInputStream(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1))));
            assertThat(CardTokens.readQr(image)).as("text " + i).isEqualTo(text);
        }
    }
}
