package id.lindung.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.shared.crypto.Vault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Opt-outs members send themselves, and what an attacker may try: the gateway's signed "BERHENTI" reply records an
 * SMS opt-out; unsigned, forged, stale and replayed replies are refused and record nothing. An e-mail's unsubscribe
 * link opts out its own recipient only (by POST; the GET changes nothing); its token cannot unsubscribe another
 * message's address, and a made-up token nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InboundOptOutAttackTest {

    private static final String SECRET = "test-inbound-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void secret(DynamicPropertyRegistry registry) {
        registry.add("lindung.outreach.webhook-secret", () -> SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    Outbox outbox;

    @Autowired
    Vault vault;

    @Autowired
    Clock clock;

    @Autowired
    MailDelivery mailDelivery;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignedBerhentiOptsTheSenderOut_unsignedForgedStaleAndReplayedRepliesAreRefused() throws Exception {
        String body = "{\"from\":\"0812 5550 0001\",\"text\":\" berhenti \"}";
        long now = clock.instant().getEpochSecond();

        assertThat(reply(body, null, null)).isEqualTo(401);
        assertThat(reply(
                        body,
                        Long.toString(now),
                        "sha256=" + WebhookDelivery.signature("guess", "" + now, bytes(body))))
                .isEqualTo(401);
        String stale = Long.toString(now - 600);
        assertThat(reply(body, stale, "sha256=" + WebhookDelivery.signature(SECRET, stale, bytes(body))))
                .as("signed ten minutes ago")
                .isEqualTo(401);
        String other = "{\"from\":\"081255500001\",\"text\":\"halo\"}";
        assertThat(reply(body, "" + now, "sha256=" + WebhookDelivery.signature(SECRET, "" + now, bytes(other))))
                .as("the signature of another body")
                .isEqualTo(401);
        assertThat(outbox.optedOut(Channel.SMS, "6281255500001")).isFalse();

        String signature = "sha256=" + WebhookDelivery.signature(SECRET, "" + now, bytes(body));
        assertThat(reply(body, "" + now, signature)).isEqualTo(204);
        assertThat(outbox.optedOut(Channel.SMS, "6281255500001")).isTrue();
        assertThat(reply(body, "" + now, signature))
                .as("the same request again")
                .isEqualTo(409);

        String chat = "{\"from\":\"081255500002\",\"text\":\"terima kasih\"}";
        assertThat(reply(chat, "" + now, "sha256=" + WebhookDelivery.signature(SECRET, "" + now, bytes(chat))))
                .isEqualTo(204);
        assertThat(outbox.optedOut(Channel.SMS, "6281255500002")).isFalse();
    }

    @Test
    void anUnsubscribeLinkOptsOutItsOwnRecipientOnly() throws Exception {
        String a = "ani." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id";
        String b = "budi." + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id";
        long aMessage = mail(a);
        long bMessage = mail(b);
        String link = mailDelivery.unsubscribeLink(URI.create("https://peserta.example.go.id/"), aMessage);
        assertThat(link).startsWith("https://peserta.example.go.id/api/public/pesan/berhenti?m=" + aMessage + "&t=");
        String aToken = link.substring(link.indexOf("&t=") + 3);

        assertThat(unsubscribe("GET", aMessage, aToken)).isEqualTo(200);
        assertThat(outbox.optedOut(Channel.EMAIL, a))
                .as("a GET (a mail scanner) changes nothing")
                .isFalse();

        assertThat(unsubscribe("POST", bMessage, aToken))
                .as("a's token on b's message")
                .isEqualTo(404);
        assertThat(unsubscribe("POST", bMessage, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .isEqualTo(404);
        assertThat(unsubscribe("POST", bMessage, "%%%")).isEqualTo(404);
        assertThat(outbox.optedOut(Channel.EMAIL, b)).isFalse();

        assertThat(unsubscribe("POST", aMessage, aToken)).isEqualTo(200);
        assertThat(outbox.optedOut(Channel.EMAIL, a)).isTrue();
        assertThat(outbox.optedOut(Channel.EMAIL, b)).isFalse();
    }

    private long mail(String to) {
        String key = "test-mail-" + UUID.randomUUID();
        outbox.enqueue(new OutgoingMessage(Channel.EMAIL, to, "test", key, "Halo", "Isi", false));
        return jdbc.sql("SELECT id FROM outreach_message WHERE dedupe_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    private int unsubscribe(String method, long message, String token) throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + port + "/api/public/pesan/berhenti?m=" + message + "&t="
                + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        request = method.equals("GET") ? request.GET() : request.POST(HttpRequest.BodyPublishers.noBody());
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private int reply(String body, String timestamp, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/public/pesan/balasan"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header(WebhookDelivery.TIMESTAMP, timestamp);
        }
        if (signature != null) {
            request.header(WebhookDelivery.SIGNATURE, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
