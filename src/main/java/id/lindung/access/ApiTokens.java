package id.lindung.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * API tokens for machines (a KUR bank's host-to-host link): sent as {@code Authorization: Bearer lkt_…} instead
 * of HTTP Basic, a token acts as its user (same role, same region scope). Only administrators issue tokens, for
 * users inside their scope; the token is returned once and stored only as its SHA-256 hash. Issuing and revoking
 * are audited (never the token itself).
 */
public interface ApiTokens {

    /** What every token starts with, so that a leaked one is easy to recognise (e.g. by secret scanners). */
    String TOKEN_PREFIX = "lkt_";

    /**
     * Issues a token for {@code username}, valid through {@code expiresOn} (end of that day, Kalimantan Barat
     * time) or without end when {@code null}.
     *
     * @throws id.lindung.shared.ForbiddenException when {@code by} is no administrator
     * @throws id.lindung.shared.InvalidInputException naming the field: unknown user or one outside the
     *         administrator's scope, missing or too long name, expiry date in the past
     */
    IssuedToken issue(String username, String name, @Nullable LocalDate expiresOn, LindungUser by);

    /** An administrator sees the tokens of the users in their scope, anyone else their own; never the token. */
    List<TokenInfo> list(LindungUser by);

    /**
     * Revokes a token at once (an administrator for users in their scope, or the token's own user); revoking twice
     * changes nothing.
     *
     * @throws id.lindung.shared.NotFoundException when there is no such token the caller may see
     */
    void revoke(long id, LindungUser by);

    /** A token just issued: the only time the token is shown. */
    record IssuedToken(long id, String token, String prefix, String username, String name,
            @Nullable Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", prefix=" + prefix + ", username=" + username + ", name=" + name
                    + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** A token as lists show it: no secret, only its prefix. */
    record TokenInfo(long id, String username, String name, String prefix, String createdBy, Instant createdAt,
            @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
    }
}
