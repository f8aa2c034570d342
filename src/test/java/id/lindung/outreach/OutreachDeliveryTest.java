package id.lindung.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.shared.NotFoundException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dispatcher against an in-process SMTP server (GreenMail) and a local webhook receiver that checks the
 * signature: delivery on both channels, retries with doubling waits while the receiver fails, FAILED after the last
 * attempt, opt-out honoured when queued and when sent, a sensitive body erased once delivered or expired.
 */
@SpringBootTest
@ActiveProfiles("test")
class OutreachDeliveryTest {

    private static final String SECRET = "test-webhook-secret";
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpServer RECEIVER;
    private static final List<Map<String, String>> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final AtomicInteger BAD_SIGNATURES = new AtomicInteger();

    static {
        SMTP.start();
        try {
            RECEIVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RECEIVER.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String timestamp = exchange.getRequestHeaders().getFirst(WebhookDelivery.TIMESTAMP);
            String signature = exchange.getRequestHeaders().getFirst(WebhookDelivery.SIGNATURE);
            int status;
            if (timestamp == null
                    || !("sha256=" + WebhookDelivery.signature(SECRET, timestamp, body)).equals(signature)) {
                BAD_SIGNATURES.incrementAndGet();
                status = 401;
            } else if (FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 503;
            } else {
                RECEIVED.add(Map.of(
                        "body",
                        new String(body, StandardCharsets.UTF_8),
                        "id",
                        exchange.getRequestHeaders().getFirst(WebhookDelivery.MESSAGE_ID)));
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        RECEIVER.start();
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add(
                "lindung.outreach.webhook-url",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hook");
        registry.add("lindung.outreach.webhook-secret", () -> SECRET);
        registry.add("lindung.outreach.max-attempts", () -> "3");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
        RECEIVER.stop(0);
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Deliveries deliveries;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() throws Exception {
        jdbc.sql("DELETE FROM outreach_message").update();
        jdbc.sql("DELETE FROM outreach_opt_out").update();
        RECEIVED.clear();
        FAILURES_LEFT.set(0);
        BAD_SIGNATURES.set(0);
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void emailGoesOutThroughSmtp() throws Exception {
        assertThat(outbox.enqueue(new OutgoingMessage(
                        Channel.EMAIL, "Siti@Example.co.id", "test", key(), "Pengingat iuran", "Iuran Anda", false)))
                .isTrue();

        assertThat(dispatcher.dispatch()).isEqualTo(1);

        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("siti@example.co.id");
        assertThat(mails[0].getSubject()).isEqualTo("Pengingat iuran");
        assertThat(row("status")).isEqualTo("DELIVERED");
        assertThat(row("body")).isEqualTo("Iuran Anda");
    }

    @Test
    void smsGoesOutSignedAndASensitiveBodyIsErasedOnceDelivered() {
        outbox.enqueue(new OutgoingMessage(
                Channel.SMS, "081234567890", "sign-in-code", key(), "", "Kode masuk: 482913", true));

        assertThat(dispatcher.dispatch()).isEqualTo(1);

        assertThat(BAD_SIGNATURES).hasValue(0);
        assertThat(RECEIVED).hasSize(1);
        assertThat(RECEIVED.get(0).get("body"))
                .contains("\"to\":\"6281234567890\"")
                .contains("Kode masuk: 482913");
        assertThat(row("status")).isEqualTo("DELIVERED");
        assertThat(row("body")).isNull();
        assertThat(row("delivered_at")).isNotNull();
    }

    @Test
    void aFailingReceiverIsRetriedWithDoublingWaitsThenDelivered() {
        outbox.enqueue(new OutgoingMessage(Channel.SMS, "081234567891", "test", key(), "", "Halo", false));
        FAILURES_LEFT.set(2);

        assertThat(dispatcher.dispatch()).isZero();
        assertThat(row("status")).isEqualTo("QUEUED");
        assertThat(row("last_error")).isEqualTo("webhook: HTTP 503");
        assertThat(waitSeconds()).isBetween(55L, 65L);
        assertThat(dispatcher.dispatch()).as("not due before the wait").isZero();
        assertThat(attempts()).isEqualTo(1);

        makeDue();
        assertThat(dispatcher.dispatch()).isZero();
        assertThat(waitSeconds()).as("the second wait doubles").isBetween(115L, 125L);

        makeDue();
        assertThat(dispatcher.dispatch()).isEqualTo(1);
        assertThat(row("status")).isEqualTo("DELIVERED");
        assertThat(attempts()).isEqualTo(3);
        assertThat(RECEIVED).hasSize(1);
    }

    @Test
    void afterTheLastAttemptAMessageFailsAndASensitiveBodyIsErased() {
        outbox.enqueue(new OutgoingMessage(Channel.SMS, "081234567892", "sign-in-code", key(), "", "Kode 1", true));
        FAILURES_LEFT.set(10);
        for (int i = 0; i < 3; i++) {
            makeDue();
            dispatcher.dispatch();
        }
        assertThat(row("status")).isEqualTo("FAILED");
        assertThat(row("body")).isNull();
        makeDue();
        assertThat(dispatcher.dispatch()).isZero();
        assertThat(attempts()).isEqualTo(3);
    }

    @Test
    void anOfficerFindsAFailedMessageByTheRecipientSeesItMaskedAndRetriesIt() {
        outbox.enqueue(new OutgoingMessage(Channel.SMS, "081234567895", "test", key(), "", "Halo", false));
        FAILURES_LEFT.set(10);
        for (int i = 0; i < 3; i++) {
            makeDue();
            dispatcher.dispatch();
        }
        LindungUser officer = new LindungUser("petugas.kalbar", "Petugas", Role.OFFICER, RegionScope.of("61"));
        LindungUser kabKota = new LindungUser("petugas.ketapang", "Petugas", Role.OFFICER, RegionScope.of("61.04"));

        var found = deliveries.find("FAILED", null, "0812-3456-7895", 0, officer);
        assertThat(found.items()).hasSize(1);
        assertThat(found.items().get(0).recipient()).isEqualTo("6281******895");
        assertThat(deliveries.find(null, null, "081234567899", 0, officer).items())
                .isEmpty();
        assertThat(deliveries.counts(officer)).containsEntry("FAILED", 1L).containsEntry("DELIVERED", 0L);
        assertThat(deliveries.counts(kabKota))
                .as("a message without a region: province-wide users only")
                .containsEntry("FAILED", 0L);
        long id = found.items().get(0).id();
        assertThatThrownBy(() -> deliveries.retry(id, kabKota)).isInstanceOf(NotFoundException.class);

        assertThat(deliveries.retry(id, officer)).isTrue();
        assertThat(deliveries.retry(id, officer)).as("no longer FAILED").isFalse();
        FAILURES_LEFT.set(0);
        assertThat(dispatcher.dispatch()).isEqualTo(1);
        assertThat(row("status")).isEqualTo("DELIVERED");
    }

    @Test
    void anOptOutIsHonouredWhenQueuedAndWhenSent() {
        outbox.enqueue(new OutgoingMessage(Channel.SMS, "0812 3456 7893", "test", key(), "", "Pertama", false));
        outbox.optOut(Channel.SMS, "+6281234567893");

        assertThat(dispatcher.dispatch()).isZero();
        assertThat(row("status")).isEqualTo("CANCELLED");
        assertThat(RECEIVED).isEmpty();

        assertThat(outbox.enqueue(new OutgoingMessage(Channel.SMS, "081234567893", "test", key(), "", "Kedua", false)))
                .isFalse();
        assertThat(outbox.enqueue(new OutgoingMessage(
                        Channel.EMAIL, "x@example.co.id", "test", key(), "s", "Surel tetap boleh", false)))
                .as("an opt-out is per channel")
                .isTrue();
    }

    @Test
    void anOptOutStopsRemindersButNotACodeTheRecipientAskedFor() {
        outbox.optOut(Channel.SMS, "081234567895");
        outbox.enqueue(new OutgoingMessage(Channel.SMS, "081234567895", "sign-in-code", key(), "", "Kode 3", true));

        assertThat(dispatcher.dispatch())
                .as("a one-time code is not stopped by the opt-out")
                .isEqualTo(1);
        assertThat(row("status")).isEqualTo("DELIVERED");
        assertThat(outbox.hasOptedOut(Channel.SMS, "+62 812-3456-7895")).isTrue();
        assertThat(outbox.enqueue(new OutgoingMessage(
                        Channel.SMS, "081234567895", "reminder-missed", key(), "", "Pengingat", false)))
                .isFalse();
    }

    @Test
    void anUndeliveredSensitiveMessageExpires() {
        outbox.enqueue(new OutgoingMessage(Channel.SMS, "081234567894", "sign-in-code", key(), "", "Kode 2", true));
        jdbc.sql("UPDATE outreach_message SET expires_at = lindung_now() - interval '1 second'")
                .update();
        FAILURES_LEFT.set(10);

        dispatcher.dispatch();

        assertThat(row("status")).isEqualTo("CANCELLED");
        assertThat(row("body")).isNull();
        assertThat(RECEIVED).isEmpty();
    }

    private static String key() {
        return "test-" + UUID.randomUUID();
    }

    private @Nullable Object row(String column) {
        List<@Nullable Object> values = jdbc.sql("SELECT " + column + " AS v FROM outreach_message")
                .query((rs, n) -> rs.getObject("v"))
                .list();
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private int attempts() {
        return jdbc.sql("SELECT attempts FROM outreach_message")
                .query(Integer.class)
                .single();
    }

    private long waitSeconds() {
        Instant next = jdbc.sql("SELECT next_attempt_at FROM outreach_message")
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .single();
        Instant now = jdbc.sql("SELECT lindung_now()")
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .single();
        return Duration.between(now, next).toSeconds();
    }

    private void makeDue() {
        jdbc.sql("UPDATE outreach_message SET next_attempt_at = lindung_now() - interval '1 second'"
                        + " WHERE status = 'QUEUED'")
                .update();
    }
}
