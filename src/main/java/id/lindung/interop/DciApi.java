package id.lindung.interop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DCI registry core API v1.0.0 ({@code /dci/registry/...}, the standard's paths under {@code /dci}): machine to
 * machine, on the stateless chain (no session, no CSRF); who calls is settled by {@link DciSearch#verify}. A refused
 * message answers with its HTTP status and the standard's code in the {@code HttpErrorResponse} shape, never 5xx.
 */
@RestController
@Tag(name = "DCI", description = "DCI (spdci.org) registry core API v1.0.0 for partner social programmes")
// the refusals both operations share (springdoc adds class-level responses to every operation)
@ApiResponse(
        responseCode = "401",
        description = "err.request.unauthorized, err.sender_id.invalid, err.signature.missing or err.signature.invalid",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
@ApiResponse(
        responseCode = "409",
        description = "rjct.message_id.duplicate: the message_id was received before",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
@ApiResponse(
        responseCode = "413",
        description = "rjct.total_count.limit_exceeded: more queries than the partner's max_batch",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
@ApiResponse(
        responseCode = "429",
        description = "err.request.too_many_requests: past the partner's look-ups per hour",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
@SecurityScheme(
        name = "dciBearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "A compact JWS (EdDSA) signed with the partner's registered Ed25519 key: iss its sender_id,"
                + " aud Lindung's receiver id, iat and exp at most an hour apart")
class DciApi {

    static final String SYNC_SEARCH = "/dci/registry/sync/search";
    static final String SEARCH = "/dci/registry/search";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DciSearch search;
    private final DciCallbacks callbacks;
    private final TransactionTemplate transactions;

    DciApi(DciSearch search, DciCallbacks callbacks, TransactionTemplate transactions) {
        this.search = search;
        this.callbacks = callbacks;
        this.transactions = transactions;
    }

    @PostMapping(path = SYNC_SEARCH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Search the registry by NIK or membership number, answered at once (DCI sync search)",
            description = "A signed DCI message with one or more idtype-value queries (type NIK or"
                    + " MEMBERSHIP_NUMBER); the answer is the signed on-search message with, per query, only the"
                    + " fields of the partner's agreement: registered, programmes, protected and protected_until.")
    @SecurityRequirement(name = "dciBearer")
    @ApiResponse(responseCode = "200", description = "The signed on-search answer (header, message, signature)")
    @ApiResponse(
            responseCode = "400",
            description = "Malformed JSON (err.request.bad) or a header refused: rjct.action.invalid,"
                    + " rjct.version.invalid, rjct.message_ts.invalid, rjct.total_count.invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    ResponseEntity<ObjectNode> syncSearch(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody(required = false) @Nullable String body) {
        try {
            // the message id, the look-up and the audit line in one transaction: one commit per message
            ObjectNode answer = transactions.execute(tx -> search.answer(search.verify(authorization, body), "sync"));
            return ResponseEntity.ok(java.util.Objects.requireNonNull(answer));
        } catch (DciRefusal refusal) {
            return refused(refusal);
        }
    }

    @PostMapping(path = SEARCH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Search the registry, answered later to the partner's on-search callback (DCI async search)",
            description = "Checked like the sync search, then acknowledged (ack_status ACK with a correlation_id);"
                    + " the signed on-search message goes to the callback URL registered for the partner, retried"
                    + " with doubling waits. A sender_uri other than the registered one is refused.")
    @SecurityRequirement(name = "dciBearer")
    @ApiResponse(responseCode = "200", description = "The acknowledgement (message.ack_status ACK)")
    @ApiResponse(
            responseCode = "400",
            description = "As for the sync search; also err.sender_uri.invalid (no callback registered, or another)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    ResponseEntity<ObjectNode> asyncSearch(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody(required = false) @Nullable String body) {
        try {
            ObjectNode answer = transactions.execute(tx -> {
                DciSearch.Verified verified = search.verify(authorization, body);
                URI callback = verified.partner().callbackUrl();
                String senderUri = DciSearch.text(verified.header(), "sender_uri");
                if (callback == null || (senderUri != null && !senderUri.equals(callback.toString()))) {
                    throw DciRefusal.bad("err.sender_uri.invalid", "sender_uri is not the registered callback");
                }
                ObjectNode unsigned = search.unsignedAnswer(verified, "async");
                callbacks.enqueue(verified.partner(), verified.messageId(), unsigned);
                return unsigned;
            });
            ObjectNode ack = JSON.createObjectNode();
            ObjectNode message = ack.putObject("message");
            message.put("ack_status", "ACK");
            message.put("timestamp", search.stamp());
            message.put(
                    "correlation_id",
                    answer == null
                            ? ""
                            : answer.path("message").path("correlation_id").asString());
            return ResponseEntity.ok(ack);
        } catch (DciRefusal refusal) {
            return refused(refusal);
        }
    }

    /** The standard's {@code HttpErrorResponse}: {@code {"errors": [{"code", "message"}]}}. */
    static ResponseEntity<ObjectNode> refused(DciRefusal refusal) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("errors").addObject().put("code", refusal.code()).put("message", refusal.getMessage());
        return ResponseEntity.status(refusal.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
