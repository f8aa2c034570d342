package id.lindung.access.web;

import id.lindung.access.ApiTokens;
import id.lindung.access.ApiTokens.IssuedToken;
import id.lindung.access.ApiTokens.TokenInfo;
import id.lindung.access.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of API tokens: every user issues tokens for their own machines (acting as them), revokes their own, and
 * an administrator revokes those of the users in their scope.
 */
@RestController
@RequestMapping("/api/tokens")
@Tag(
        name = "Token API",
        description = "API tokens for machines (e.g. a KUR bank's host-to-host link): "
                + "send 'Authorization: Bearer lkt_…'; a token acts as the person who created it")
@SecurityRequirement(name = "basicAuth")
@SecurityRequirement(name = "bearerAuth")
class ApiTokenApi {

    private final ApiTokens tokens;
    private final CurrentUser currentUser;

    ApiTokenApi(ApiTokens tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    record TokenRequest(
            @Nullable String username,
            @Nullable String name,
            @Nullable LocalDate expiresOn,
            @Nullable String scope) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Issue a token for oneself (signed in with one's own password, not with a token)",
            description = "The token acts as the caller: the caller's role and scope, or the narrower region given "
                    + "as scope. username may be left out; naming anyone else is refused (422). The answer is the "
                    + "only time the token is shown: store it at once. Without expiresOn the token is valid until "
                    + "revoked; with it, through the end of that day (WIB).")
    @ApiResponse(
            responseCode = "201",
            description = "The token, shown this once; Location: /api/tokens/{id}",
            useReturnTypeSchema = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @ExampleObject(name = "a bank's host-to-host token", value = """
                                                    {"id": 7, "token": "lkt_3fQm9xV2kP0aZr7TbW1cYd5EhN8uLs4G",
                                                     "prefix": "lkt_3fQm", "username": "bank.kalbar",
                                                     "name": "H2H upload", "scope": "61",
                                                     "expiresAt": "2027-06-30T16:59:59.999999999Z"}""")))
    ResponseEntity<IssuedToken> issue(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "a bank's host-to-host token", value = """
                                                                    {"name": "H2H upload", "expiresOn": "2027-06-30"}""")))
                    @RequestBody
                    TokenRequest request) {
        IssuedToken issued = tokens.issue(
                request.username(),
                request.name() == null ? "" : request.name(),
                request.expiresOn(),
                request.scope(),
                currentUser.require());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.id()))
                .cacheControl(CacheControl.noStore())
                .body(issued);
    }

    @GetMapping
    @Operation(summary = "Tokens: an administrator's users' or one's own (never the token, only its prefix)")
    List<TokenInfo> list() {
        return tokens.list(currentUser.require());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a token at once")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id, currentUser.require());
        return ResponseEntity.noContent().build();
    }
}
