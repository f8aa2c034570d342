package id.lindung.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The published Outbox API: one message per dedupe key, the recipient sealed, bad recipients refused. */
@SpringBootTest
@ActiveProfiles("test")
class OutboxTest {

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sameDedupeKeyTwiceQueuesOneMessage() {
        String key = "test-" + UUID.randomUUID();
        OutgoingMessage m = new OutgoingMessage(
                Channel.SMS, "0812-3456-7890", "sign-in-code", key, "", "Kode masuk Anda: 123456", true);

        assertThat(outbox.enqueue(m)).isTrue();
        assertThat(outbox.enqueue(m)).isFalse();

        assertThat(jdbc.sql("SELECT count(*) FROM outreach_message WHERE dedupe_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        byte[] sealed = jdbc.sql("SELECT recipient_enc FROM outreach_message WHERE dedupe_key = ?")
                .param(key)
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("6281234567890");
        assertThat(m.toString()).doesNotContain("123456").doesNotContain("0812");
    }

    @Test
    void refusesWhatIsNoRecipient() {
        assertThatThrownBy(() -> outbox.enqueue(new OutgoingMessage(
                        Channel.EMAIL, "not-an-address", "x", "test-" + UUID.randomUUID(), "s", "b", false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.enqueue(
                        new OutgoingMessage(Channel.SMS, "12", "x", "test-" + UUID.randomUUID(), "", "b", false)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
