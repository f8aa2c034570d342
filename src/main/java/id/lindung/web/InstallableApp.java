package id.lindung.web;

import id.lindung.shared.web.PageMessages;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lindung as an installable web app for the field agent (issue 18; docs/decisions.md, "Drafts on the agent's
 * device"): the web app manifest (names in the user's language: the layout links it with the language cookie), the
 * service worker's script from the root, so that its scope is the whole application, and a fresh CSRF token for the
 * drafts the device sends when the network returns (a form kept from before holds a token that may be stale by then).
 * Manifest and script are public: a browser may ask for them without the session; both are revalidated on every use
 * ({@code no-cache}), so a new release reaches the device at once.
 */
@RestController
class InstallableApp {

    static final String SERVICE_WORKER = "static/sw.js";

    /** The header's green (lindung.css {@code --green}), which the phone shows around the installed app. */
    static final String THEME_COLOUR = "#0b7a3e";

    private final PageMessages messages;
    private final byte[] serviceWorker;

    InstallableApp(PageMessages messages) throws IOException {
        this.messages = messages;
        try (InputStream in = new ClassPathResource(SERVICE_WORKER).getInputStream()) {
            this.serviceWorker = in.readAllBytes();
        }
    }

    @GetMapping("/sw.js")
    ResponseEntity<String> serviceWorker() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .body(new String(serviceWorker, StandardCharsets.UTF_8));
    }

    @GetMapping("/manifest.webmanifest")
    ResponseEntity<Map<String, Object>> manifest() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", messages.message("app.install.name"));
        manifest.put("short_name", messages.message("app.name"));
        manifest.put("description", messages.message("app.tagline"));
        manifest.put("lang", messages.message("app.install.lang"));
        manifest.put("start_url", "/");
        manifest.put("scope", "/");
        manifest.put("display", "standalone");
        manifest.put("theme_color", THEME_COLOUR);
        manifest.put("background_color", "#f5f8f6");
        manifest.put(
                "icons",
                List.of(
                        icon("/img/lindung.svg", "any", "image/svg+xml"),
                        icon("/img/lindung-192.png", "192x192", "image/png"),
                        icon("/img/lindung-512.png", "512x512", "image/png")));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.parseMediaType("application/manifest+json"))
                .body(manifest);
    }

    private static Map<String, String> icon(String src, String sizes, String type) {
        return Map.of("src", src, "sizes", sizes, "type", type);
    }

    /** The session's CSRF token now, and the header to send it in, for a draft sent after the network returns. */
    @GetMapping("/api/drafts/csrf")
    @Hidden // the installable app's own call (session and CSRF), not part of the API
    ResponseEntity<Map<String, String>> csrf(CsrfToken token) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(Map.of("headerName", token.getHeaderName(), "token", token.getToken()));
    }
}
