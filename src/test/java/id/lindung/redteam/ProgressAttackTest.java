package id.lindung.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.PaymentFiles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The progress of a running operation over HTTP (issue 18, point 8), driven by a real bank payment file of 30,000
 * rows posted as the page's form does (with an operation id): while it runs, its uploader polls
 * {@code /ui/progress/{id}} and sees the steps and rows move forward only, ending finished with everything done;
 * another officer polling the same id gets 404 throughout and afterwards, as for an unknown or malformed id; without
 * a session, the sign-in page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProgressAttackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    Clock clock;

    record Seen(int step, int steps, long done, long total, boolean finished, String text) {}

    @Test
    void theUploaderAloneSeesThePaymentFileMoveForwardToTheEnd() throws Exception {
        long membership = PaymentFiles.newBpuMembership(participants, enrolment, clock);
        byte[] csv = PaymentFiles.csv(membership, 30_000, LocalDate.now(clock));
        RedTeamSession owner = RedTeamSession.signIn(port, "petugas.kalbar");
        RedTeamSession other = RedTeamSession.signIn(port, "petugas.ketapang");
        String operation = UUID.randomUUID().toString();

        // the form's fields: the operation id (in the query here: Spring reads request parameters from both) and the
        // file
        CompletableFuture<RedTeamSession.Answer> upload = CompletableFuture.supplyAsync(
                () -> owner.upload("/iuran/berkas-pembayaran?operation=" + operation, false, "bank-besar.csv", csv));
        List<Seen> seen = new ArrayList<>();
        List<Integer> othersAnswers = new ArrayList<>();
        while (!upload.isDone()) {
            RedTeamSession.Answer poll = owner.api("/ui/progress/" + operation);
            if (poll.status() == 200) {
                seen.add(seen(poll));
            } else {
                assertThat(poll.status())
                        .as("before the work starts: not known yet")
                        .isEqualTo(404);
                assertThat(seen).as("once known, it stays known").isEmpty();
            }
            if (seen.size() % 5 == 1) {
                othersAnswers.add(other.api("/ui/progress/" + operation).status());
            }
            Thread.sleep(20);
        }
        RedTeamSession.Answer page = upload.get();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"file-result\"").contains("30.000");

        RedTeamSession.Answer last = owner.api("/ui/progress/" + operation);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.contentType()).startsWith("application/json");
        Seen end = seen(last);
        seen.add(end);
        assertThat(end.finished()).isTrue();
        assertThat(end.step()).isEqualTo(end.steps()).isEqualTo(4);
        assertThat(end.done()).isEqualTo(end.total()).isPositive();
        assertThat(end.text()).isEqualTo("Selesai; menyiapkan hasil…");

        // seen while it ran, and only forward: step by step, and within a step the rows or bytes done
        List<Seen> running = seen.stream().filter(s -> !s.finished()).toList();
        assertThat(running).as("progress seen while the file was applied").isNotEmpty();
        assertThat(running.stream().map(Seen::text).distinct().count()).isGreaterThanOrEqualTo(2);
        for (int i = 1; i < seen.size(); i++) {
            Seen before = seen.get(i - 1);
            Seen now = seen.get(i);
            assertThat(now.step() > before.step() || now.step() == before.step() && now.done() >= before.done())
                    .as("%s after %s", now, before)
                    .isTrue();
        }
        assertThat(running)
                .anySatisfy(s -> assertThat(s.text()).startsWith("Langkah ").contains(" dari 4: "));
        assertThat(running)
                .filteredOn(s -> s.step() >= 2)
                .allSatisfy(s -> assertThat(s.text()).contains("30.000"));

        // not the other officer's, during or after; nor an id never started, nor one that is not a UUID
        assertThat(othersAnswers).isNotEmpty().containsOnly(404);
        assertThat(other.api("/ui/progress/" + operation).status()).isEqualTo(404);
        assertThat(owner.api("/ui/progress/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(owner.api("/ui/progress/not-an-id").status()).isEqualTo(404);
        // and nobody's without signing in
        RedTeamSession.Answer anonymous = RedTeamSession.anonymous(port).page("/ui/progress/" + operation);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login");
    }

    private static Seen seen(RedTeamSession.Answer poll) {
        JsonNode s = JSON.readTree(poll.text());
        return new Seen(
                s.path("step").asInt(),
                s.path("steps").asInt(),
                s.path("done").asLong(),
                s.path("total").asLong(),
                s.path("finished").asBoolean(),
                s.path("text").asString());
    }
}
