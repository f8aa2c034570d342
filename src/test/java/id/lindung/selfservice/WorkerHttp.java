package id.lindung.selfservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for the worker's pages over real HTTP: its own cookies, no redirects followed, the CSRF token taken from
 * the last page that had a form. {@link #staff} signs a staff user in with the ordinary login form first.
 */
final class WorkerHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    record Answer(int status, String text, String location) {}

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf = "";

    WorkerHttp(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    static WorkerHttp staff(int port, String username) {
        WorkerHttp browser = new WorkerHttp(port);
        browser.get("/login");
        Answer signedIn = browser.post("/login", "username", username, "password", "lindung2026");
        if (signedIn.status() != 302 || signedIn.location().contains("error")) {
            throw new IllegalStateException("staff sign-in failed: " + signedIn);
        }
        return browser;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .GET());
    }

    /** A form post with the session's CSRF token (fields as name, value, ...). */
    Answer post(String path, String... fields) {
        StringBuilder body = new StringBuilder("_csrf=" + enc(csrf));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A request as given, with the CSRF header (for walking other chains' endpoints). */
    Answer send(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("X-CSRF-TOKEN", csrf)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Answer(
                    r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
