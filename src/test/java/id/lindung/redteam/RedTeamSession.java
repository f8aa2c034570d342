package id.lindung.redteam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An attacker's HTTP client: a browser session of a demo user (form login, its CSRF token sent as a header), or the
 * API with HTTP Basic, and requests whose bodies are written byte by byte — truncated multipart included.
 */
final class RedTeamSession {

    static final String PASSWORD = "lindung2026";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final @Nullable String basic;
    private String csrf = "";

    /** An answer: status, content type and body as text. */
    record Answer(int status, String contentType, String text, byte[] bytes, String location) {}

    private RedTeamSession(int port, @Nullable String user) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        this.basic = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A signed-in browser session (pages) that also calls the API with HTTP Basic. */
    static RedTeamSession signIn(int port, String user) {
        RedTeamSession session = new RedTeamSession(port, user);
        String token = session.token(session.page("/login").text());
        Answer login = session.send(HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + enc(user) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token))));
        if (login.status() != 302) {
            throw new IllegalStateException("login of " + user + " failed: " + login.status());
        }
        session.csrf = session.token(session.page("/").text());
        return session;
    }

    /** No one signed in, but with a session (and its CSRF token) from the login page. */
    static RedTeamSession anonymous(int port) {
        RedTeamSession session = new RedTeamSession(port, null);
        session.csrf = session.token(session.page("/login").text());
        return session;
    }

    Answer page(String path) {
        return send(
                HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
    }

    /** A page answer, or where it redirects to (a form that shows its errors after a redirect). */
    Answer pageAfterRedirect(Answer answer) {
        if (answer.status() != 302
                || answer.location().isEmpty()
                || answer.location().contains("/login")) {
            return answer;
        }
        URI target = URI.create(base).resolve(answer.location());
        return page(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }

    Answer api(String path) {
        return send(apiRequest(path).GET());
    }

    Answer apiJson(String method, String path, String json) {
        return send(apiRequest(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A multipart upload with one file part (field {@code file}), as a page form or to the API. */
    Answer upload(String path, boolean api, String fileName, byte[] content) {
        String boundary = "----redteam" + System.nanoTime();
        byte[] body = multipart(boundary, fileName, content, true);
        return post(path, api, "multipart/form-data; boundary=" + boundary, body);
    }

    /** Sends {@code body} as it is, with the given content type. */
    Answer post(String path, boolean api, String contentType, byte[] body) {
        HttpRequest.Builder request = api
                ? apiRequest(path)
                : HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/html")
                        .header("X-CSRF-TOKEN", csrf);
        return send(request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A multipart body with the {@code file} part; {@code complete=false} cuts it in the file's middle. */
    static byte[] multipart(String boundary, String fileName, byte[] content, boolean complete) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (!complete) {
            out.write(content, 0, content.length / 2);
            return out.toByteArray();
        }
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpRequest.Builder apiRequest(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json, application/problem+json, */*")
                .header("Accept-Language", "id");
        if (basic != null) {
            request.header("Authorization", basic);
        }
        if (!csrf.isEmpty()) {
            // the session's token, as the UI's own API calls send it (Basic with the session's user is not checked
            // again by Spring, so the request counts as the session's: docs/decisions.md "Keys and sessions")
            request.header("X-CSRF-TOKEN", csrf);
        }
        return request;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(
                    request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8),
                    response.body(),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> map(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
