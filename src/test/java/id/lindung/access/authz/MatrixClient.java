package id.lindung.access.authz;

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
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One caller of the matrix over real HTTP: a browser session (form login once, its CSRF token reused for every form
 * post) for the pages, and an {@code Authorization} header (HTTP Basic, or an API token) for the REST API. Anonymous
 * callers have a session too (from the login page), so that their form posts are refused for not being signed in
 * rather than for a missing CSRF token. Redirects are not followed: the test looks at each hop.
 */
public final class MatrixClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String base;
    private final HttpClient http;
    /** The API's client: no cookies, so every API request authenticates with its own header (no session). */
    private final HttpClient api;

    private final @Nullable String authorization;
    /** HTTP Basic of the caller, for the API requests that refuse API tokens ({@link #PERSONAL}). */
    private @Nullable String personal;

    private String csrf = "";

    /**
     * API requests a person makes signed in as themselves, never with a token (docs/decisions.md, "People act as
     * themselves"): issuing a token, the steps of a two-person rule.
     */
    static final Pattern PERSONAL = Pattern.compile("POST /api/(tokens|claims/[^/]+/approve"
            + "|start-corrections/[^/]+/(approve|reject)|memberships/[^/]+/start-corrections)");

    private MatrixClient(int port, @Nullable String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
        this.api = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** An anonymous caller with a session and CSRF token from the login page. */
    public static MatrixClient anonymous(int port) {
        MatrixClient client = new MatrixClient(port, null);
        client.csrf =
                client.token(client.send("GET", "/login", Body.none(), false).text());
        return client;
    }

    /**
     * A signed-in caller: {@code apiAuthorization} for the API (e.g. {@link #basic}), and a page session from one
     * form login with {@code password}.
     */
    public static MatrixClient signedIn(int port, String username, String password, String apiAuthorization) {
        MatrixClient client = new MatrixClient(port, apiAuthorization);
        client.personal = basic(username, password);
        String loginToken =
                client.token(client.send("GET", "/login", Body.none(), false).text());
        Answer login = client.send(
                "POST",
                "/login",
                Body.form(Map.of("username", username, "password", password, "_csrf", loginToken)),
                false);
        String location = login.location();
        if (login.status() != 302 || location.contains("/login")) {
            throw new IllegalStateException(
                    "form login of " + username + " failed: " + login.status() + " " + location);
        }
        client.csrf = client.token(client.send("GET", "/", Body.none(), false).text());
        return client;
    }

    public static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    /** What a request sends after the request line. */
    public record Body(
            String kind,
            Map<String, String> fields,
            @Nullable String fileName,
            byte @Nullable [] file,
            @Nullable String text) {

        public static Body none() {
            return new Body("none", Map.of(), null, null, null);
        }

        public static Body json(String json) {
            return new Body("json", Map.of(), null, null, json);
        }

        public static Body csv(String csv) {
            return new Body("csv", Map.of(), null, null, csv);
        }

        public static Body form(Map<String, String> fields) {
            return new Body("form", fields, null, null, null);
        }

        public static Body multipart(Map<String, String> fields, String fileName, byte[] file) {
            return new Body("multipart", fields, fileName, file, null);
        }

        public String describe() {
            return switch (kind) {
                case "none" -> "";
                case "json", "csv" -> " " + text;
                case "form" -> " " + fields;
                default -> " multipart " + fields + " + " + fileName;
            };
        }
    }

    /** A response: status, where it redirects, its content type and (for text answers) its body. */
    public record Answer(int status, String location, String contentType, String text) {}

    /**
     * Sends a request. {@code api}: with the API's {@code Authorization} header and without the session cookie
     * mattering; otherwise as the browser (Accept text/html, the session's CSRF token on every non-GET).
     */
    public Answer send(String method, String path, Body body, boolean api) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept-Language", "id");
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        if (api) {
            request.header("Accept", "application/json, application/problem+json, */*");
            String path0 = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            String auth =
                    personal != null && PERSONAL.matcher(method + " " + path0).matches() ? personal : authorization;
            if (auth != null) {
                request.header("Authorization", auth);
            }
        } else {
            request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            if (write && !csrf.isEmpty()) {
                request.header("X-CSRF-TOKEN", csrf);
            }
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        switch (body.kind()) {
            case "json" -> {
                request.header("Content-Type", "application/json");
                publisher = HttpRequest.BodyPublishers.ofString(body.text());
            }
            case "csv" -> {
                request.header("Content-Type", "text/csv");
                publisher = HttpRequest.BodyPublishers.ofString(body.text());
            }
            case "form" -> {
                Map<String, String> fields = new LinkedHashMap<>(body.fields());
                if (!api && write && !csrf.isEmpty()) {
                    fields.putIfAbsent("_csrf", csrf);
                }
                StringBuilder form = new StringBuilder();
                fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                        .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
                request.header("Content-Type", "application/x-www-form-urlencoded");
                publisher = HttpRequest.BodyPublishers.ofString(form.toString());
            }
            case "multipart" -> {
                String boundary = "----matrix" + System.nanoTime();
                Map<String, String> fields = new LinkedHashMap<>(body.fields());
                if (!api && write && !csrf.isEmpty()) {
                    fields.putIfAbsent("_csrf", csrf);
                }
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
                publisher = HttpRequest.BodyPublishers.ofByteArray(
                        multipart(boundary, fields, body.fileName(), body.file()));
            }
            default -> {}
        }
        request.method(method, publisher);
        try {
            HttpResponse<byte[]> response =
                    (api ? this.api : http).send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean text = type.contains("html") || type.contains("json") || type.startsWith("text/plain");
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(""),
                    type,
                    text ? new String(response.body(), StandardCharsets.UTF_8) : "");
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A redirect's target as the browser would ask for it next (same session). */
    public Answer follow(String location) {
        URI uri = URI.create(base).resolve(location);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return send("GET", path, Body.none(), false);
    }

    private static byte[] multipart(
            String boundary, Map<String, String> fields, @Nullable String fileName, byte @Nullable [] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        if (fileName != null && file != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
