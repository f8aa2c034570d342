package id.lindung.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * API tokens for machines (a KUR bank's host-to-host link, an integration): sent as {@code Authorization: Bearer
 * lkt_…} instead of HTTP Basic. A token belongs to the person who created it and acts as them: their role and
 * their region scope, or a narrower kab/kota of it. Every user issues tokens for themselves only, signed in with
 * their own password (a token cannot issue tokens); nobody mints a token that acts as someone else. The token is
 * returned once and stored only as its SHA-256 hash. Issuing and revoking are audited (never the token itself).
 */
public interface ApiTokens {

    /** What every token starts with, so that a leaked one is easy to recognise (e.g. by secret scanners). */
    String TOKEN_PREFIX = "lkt_";

    /**
     * Issues a token for {@code by} themselves, valid through {@code expiresOn} (end of that day, Kalimantan Barat
     * time) or without end when {@code null}, over {@code scope} (a region inside {@code by}'s scope) or {@code by}'s
     * whole scope when blank.
     *
     * @param username who the token is for: blank or {@code by}'s own username, never anyone else's
     * @throws id.lindung.shared.ForbiddenException when {@code by} came with a token
     * @throws id.lindung.shared.InvalidInputException naming the field: another user ({@code username}), a scope
     *         outside {@code by}'s or no province or kab/kota code, missing or too long name, expiry in the past
     */
    IssuedToken issue(
            @Nullable String username,
            String name,
            @Nullable LocalDate expiresOn,
            @Nullable String scope,
            LindungUser by);

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
    record IssuedToken(
            long id,
            String token,
            String prefix,
            String username,
            String name,
            String scope,
            @Nullable Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", prefix=" + prefix + ", username=" + username + ", name=" + name
                    + ", scope=" + scope + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** A token as lists show it: no secret, only its prefix. */
    record TokenInfo(
            long id,
            String username,
            String name,
            String prefix,
            @Nullable String scope,
            String createdBy,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt) {}
}
