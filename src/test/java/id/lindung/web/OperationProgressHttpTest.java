package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.ApiClient;
import id.lindung.support.PaymentFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * another officer polling the same id gets 404 throughout and afterwards, as for an unknown or malformed id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperationProgressHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

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
        Session owner = Session.signIn(port, "petugas.kalbar");
        Session other = Session.signIn(port, "petugas.ketapang");
        String operation = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> upload =
                CompletableFuture.supplyAsync(() -> owner.upload("/iuran/berkas-pembayaran", operation, csv));
        List<Seen> seen = new ArrayList<>();
        List<Integer> othersAnswers = new ArrayList<>();
        while (!upload.isDone()) {
            HttpResponse<String> poll = owner.get("/ui/progress/" + operation);
            if (poll.statusCode() == 200) {
                seen.add(seen(poll));
            } else {
                assertThat(poll.statusCode())
                        .as("before the work starts: not known yet")
                        .isEqualTo(404);
                assertThat(seen).as("once known, it stays known").isEmpty();
            }
            if (seen.size() % 5 == 1) {
                othersAnswers.add(other.get("/ui/progress/" + operation).statusCode());
            }
            Thread.sleep(20);
        }
        HttpResponse<String> page = upload.get();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"file-result\"").contains("30.000");

        HttpResponse<String> last = owner.get("/ui/progress/" + operation);
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(last.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
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
        assertThat(other.get("/ui/progress/" + operation).statusCode()).isEqualTo(404);
        assertThat(owner.get("/ui/progress/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(owner.get("/ui/progress/not-an-id").statusCode()).isEqualTo(404);
        // and nobody's without signing in
        assertThat(new Session(port).get("/ui/progress/" + operation).statusCode())
                .isEqualTo(401);
    }

    private static Seen seen(HttpResponse<String> poll) {
        JsonNode s = JSON.readTree(poll.body());
        return new Seen(
                s.path("step").asInt(),
                s.path("steps").asInt(),
                s.path("done").asLong(),
                s.path("total").asLong(),
                s.path("finished").asBoolean(),
                s.path("text").asString());
    }

    /** A signed-in browser session: cookies, the CSRF token of its pages. */
    private static final class Session {

        private final String base;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private String csrf = "";

        private Session(int port) {
            this.base = "http://localhost:" + port;
        }

        static Session signIn(int port, String user) {
            Session s = new Session(port);
            String token = s.token(s.get("/login").body());
            String form =
                    "username=" + enc(user) + "&password=" + enc(ApiClient.DEMO_PASSWORD) + "&_csrf=" + enc(token);
            HttpResponse<String> login = s.send(HttpRequest.newBuilder(s.uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(login.statusCode()).isEqualTo(302);
            s.csrf = s.token(s.get("/iuran/berkas-pembayaran").body());
            return s;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        /** The payment file form: the operation id and the file, as multipart. */
        HttpResponse<String> upload(String path, String operation, byte[] content) {
            String boundary = "----progress" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                            + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"operation\"\r\n\r\n"
                            + operation + "\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bank-besar.csv\""
                            + "\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        private URI uri(String path) {
            return URI.create(base + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(
                        request.header("Accept-Language", "id")
                                .timeout(Duration.ofSeconds(120))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private String token(String html) {
            Matcher m = CSRF.matcher(html);
            assertThat(m.find()).as("a CSRF token in the page").isTrue();
            return m.group(1);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
