package id.lindung.outreach;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS and WhatsApp through the gateway's webhook: a JSON POST ({@code id}, {@code kind}, {@code to}, {@code text})
 * with {@code X-Lindung-Timestamp} (epoch seconds) and {@code X-Lindung-Signature}: {@code sha256=} and the hex
 * HMAC-SHA256, under the configured secret, of the timestamp, a dot and the body's bytes. {@code X-Lindung-Message-Id}
 * lets the gateway drop a repeat (a retry after a lost answer). Any 2xx answer is a delivery.
 */
@Component
class WebhookDelivery {

    static final String TIMESTAMP = "X-Lindung-Timestamp";
    static final String SIGNATURE = "X-Lindung-Signature";
    static final String MESSAGE_ID = "X-Lindung-Message-Id";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutreachProperties properties;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookDelivery(OutreachProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    boolean configured() {
        return properties.webhookConfigured();
    }

    void send(long id, String kind, String to, String text) throws Dispatcher.DeliveryException {
        URI url = properties.webhookUrl();
        String secret = properties.webhookSecret();
        if (url == null || secret == null || secret.isBlank()) {
            throw new Dispatcher.DeliveryException("webhook not configured");
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("kind", kind);
        message.put("to", to);
        message.put("text", text);
        byte[] body = JSON.writeValueAsBytes(message);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + signature(secret, timestamp, body))
                .header(MESSAGE_ID, Long.toString(id))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 != 2) {
                throw new Dispatcher.DeliveryException("webhook: HTTP " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new Dispatcher.DeliveryException("webhook: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Dispatcher.DeliveryException("webhook: interrupted");
        }
    }

    /** The hex HMAC-SHA256 under {@code secret} of the timestamp, a dot and the body. */
    static String signature(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing", e);
        }
    }
}
