package id.lindung.outreach;

import id.lindung.shared.crypto.Vault;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opt-outs that members send themselves, without signing in (the public, stateless chain of {@code /api/public/**}):
 *
 * <ul>
 *   <li>{@code POST /api/public/pesan/balasan}: the SMS gateway posts a member's reply ({@code {"from": …, "text":
 *       …}}), signed as Lindung signs its own webhook ({@code X-Lindung-Timestamp}, {@code X-Lindung-Signature:
 *       sha256=} HMAC-SHA256 of timestamp, dot and body under {@code lindung.outreach.webhook-secret}). Refused (401):
 *       no secret configured, no or a forged signature, a timestamp more than {@link #WINDOW} away; refused (409) a
 *       signature already taken. "BERHENTI" (or STOP) records an SMS opt-out for the sender's number; other replies
 *       are taken and ignored.
 *   <li>{@code /api/public/pesan/berhenti?m=…&t=…}: the link at the foot of each e-mail. The token is the Vault's
 *       keyed index of the message id, so it unsubscribes only that message's recipient; a GET shows a button (a
 *       mail scanner fetching the link changes nothing), the POST records the opt-out.
 * </ul>
 */
@RestController
@Tag(name = "Pesan", description = "Members' own opt-outs from reminders")
class InboundOptOuts {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final String TOKEN_INDEX = "outreach_unsubscribe";
    private static final Set<String> STOP_WORDS = Set.of("BERHENTI", "STOP", "UNREG");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Vault vault;
    private final Outbox outbox;
    private final OutreachProperties properties;
    private final Clock clock;
    private final MessageSource messages;

    InboundOptOuts(
            JdbcClient jdbc,
            Vault vault,
            Outbox outbox,
            OutreachProperties properties,
            Clock clock,
            MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.vault = vault;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = "/api/public/pesan/balasan", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The SMS gateway posts a member's reply; BERHENTI (or STOP) opts the sender out of SMS",
            description = "Body {\"from\": the member's number, \"text\": the reply}, signed with the webhook "
                    + "secret: X-Lindung-Timestamp (epoch seconds, at most 5 minutes away) and X-Lindung-Signature "
                    + "(sha256= and the hex HMAC-SHA256 of timestamp, dot and body). Refusals carry no body.",
            security = @SecurityRequirement(name = "gatewaySignature"),
            responses = {
                @ApiResponse(responseCode = "204", description = "Taken (an opt-out recorded, or a reply ignored)"),
                @ApiResponse(responseCode = "400", description = "The body is no JSON, or the number no number"),
                @ApiResponse(
                        responseCode = "401",
                        description = "No webhook secret configured, no or a forged signature, or a stale timestamp"),
                @ApiResponse(responseCode = "409", description = "This signature was taken already (a replay)")
            })
    @Transactional
    public ResponseEntity<Void> reply(
            @RequestHeader(name = WebhookDelivery.TIMESTAMP, required = false) @Nullable String timestamp,
            @RequestHeader(name = WebhookDelivery.SIGNATURE, required = false) @Nullable String signature,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schemaProperties = {
                                                @SchemaProperty(name = "from", schema = @Schema(type = "string")),
                                                @SchemaProperty(name = "text", schema = @Schema(type = "string"))
                                            },
                                            examples =
                                                    @ExampleObject(name = "a member stops SMS reminders", value = """
                                                                    {"from": "+6281234567890", "text": "BERHENTI"}""")))
                    @RequestBody
                    byte[] body) {
        String secret = properties.webhookSecret();
        if (secret == null || secret.isBlank() || timestamp == null || signature == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > WINDOW.toSeconds()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        byte[] expected =
                ("sha256=" + WebhookDelivery.signature(secret, timestamp, body)).getBytes(StandardCharsets.UTF_8);
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        jdbc.sql("DELETE FROM outreach_inbound_seen WHERE received_at < ?")
                .param(Timestamp.from(clock.instant().minus(WINDOW.multipliedBy(2))))
                .update();
        int fresh = jdbc.sql("INSERT INTO outreach_inbound_seen (signature) VALUES (?) ON CONFLICT DO NOTHING")
                .param(HexFormat.of().parseHex(signature.substring("sha256=".length())))
                .update();
        if (fresh == 0) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(body);
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        String from = reply.path("from").asString("");
        String text = reply.path("text").asString("").strip().toUpperCase(Locale.ROOT);
        if (STOP_WORDS.contains(text.split("\\s+", 2)[0])) {
            try {
                outbox.optOut(Channel.SMS, from);
            } catch (IllegalArgumentException e) {
                return ResponseEntity.badRequest().build();
            }
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/public/pesan/berhenti", produces = MediaType.TEXT_HTML_VALUE)
    @Hidden // a page for people following an e-mail's link, not part of the API
    public ResponseEntity<String> unsubscribePage(
            @RequestParam(name = "m", required = false) @Nullable Long message,
            @RequestParam(name = "t", required = false) @Nullable String token) {
        if (recipient(message, token) == null) {
            return page(HttpStatus.NOT_FOUND, "<p>" + text("outreach.unsubscribe.invalid") + "</p>");
        }
        return page(
                HttpStatus.OK,
                "<form method=\"post\"><p>" + text("outreach.unsubscribe.ask") + "</p><button type=\"submit\">"
                        + text("outreach.unsubscribe.button") + "</button></form>");
    }

    @PostMapping(path = "/api/public/pesan/berhenti", produces = MediaType.TEXT_HTML_VALUE)
    @Hidden // the page's button
    public ResponseEntity<String> unsubscribe(
            @RequestParam(name = "m", required = false) @Nullable Long message,
            @RequestParam(name = "t", required = false) @Nullable String token) {
        String recipient = recipient(message, token);
        if (recipient == null) {
            return page(HttpStatus.NOT_FOUND, "<p>" + text("outreach.unsubscribe.invalid") + "</p>");
        }
        outbox.optOut(Channel.EMAIL, recipient);
        return page(HttpStatus.OK, "<p>" + text("outreach.unsubscribe.done") + "</p>");
    }

    /** The token of an e-mail's unsubscribe link: the Vault's keyed index of its message id, base64url. */
    static String token(Vault vault, long message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(vault.index(TOKEN_INDEX, "message:" + message));
    }

    /** The e-mail address the link of {@code message} unsubscribes, when the token is that message's; else null. */
    private @Nullable String recipient(@Nullable Long message, @Nullable String token) {
        if (message == null || token == null || token.length() > 100) {
            return null;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean valid = vault.indexes(TOKEN_INDEX, "message:" + message).stream()
                .anyMatch(i -> MessageDigest.isEqual(i, given));
        if (!valid) {
            return null;
        }
        byte[] sealed = jdbc.sql("SELECT recipient_enc FROM outreach_message WHERE id = ? AND channel = 'EMAIL'")
                .param(message)
                .query(byte[].class)
                .optional()
                .orElse(null);
        return sealed == null ? null : vault.openText(sealed, Recipients.COLUMN);
    }

    /** A fixed text of the bundle (no markup, no argument: nothing from the request reaches the page). */
    private String text(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<String> page(HttpStatus status, String content) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>Lindung</title></head><body>" + content + "</body></html>");
    }
}
