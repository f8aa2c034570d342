package id.lindung.access.internal;

import id.lindung.access.ApiTokens;
import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.shared.Bounds;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens in the {@code api_token} table. A token is {@code lkt_} and 32 random bytes (base64url); the table
 * keeps only its hex SHA-256, which is enough for 256 random bits (nothing to guess, so no slow hash needed) and
 * lets a request find its token with one index look-up.
 */
@Service
class JdbcApiTokens implements ApiTokens {

    static final int MAX_NAME = 120;
    /** {@code last_used_at} is written at most this often per token, not on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final int RANDOM_BYTES = 32;
    private static final int TOKEN_LENGTH = TOKEN_PREFIX.length() + 43;
    private static final int SHOWN_PREFIX = TOKEN_PREFIX.length() + 4;

    private static final String INFO_COLUMNS = "t.id, t.username, t.name, t.prefix, t.region_scope, t.created_by,"
            + " t.created_at,"
            + " t.expires_at, t.revoked_at, t.last_used_at";

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    private final Bounds bounds;

    JdbcApiTokens(JdbcClient jdbc, UserAccounts accounts, AuditTrail audit, Clock clock, Bounds bounds) {
        this.bounds = bounds;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IssuedToken issue(
            @Nullable String username,
            String name,
            @Nullable LocalDate expiresOn,
            @Nullable String scope,
            LindungUser by) {
        by.requireSignedInAsThemselves("access.token.signed-in");
        String cleanName = name == null ? "" : name.strip();
        List<FieldIssue> issues = new java.util.ArrayList<>();
        if (username != null && !username.isBlank() && !username.strip().equals(by.username())) {
            // a token acts as its creator: nobody, administrators included, mints one that acts as someone else
            issues.add(FieldIssue.error("username", "access.token.user.self", username.strip()));
        }
        String tokenScope = scope == null ? "" : scope.strip();
        if (!tokenScope.isEmpty()
                && (!tokenScope.matches("\\d{2}(\\.\\d{2})?") || !by.scope().includes(tokenScope))) {
            issues.add(FieldIssue.error("scope", "access.token.scope", tokenScope));
        }
        if (cleanName.isEmpty()) {
            issues.add(FieldIssue.error("name", "access.token.name.required"));
        } else if (cleanName.length() > MAX_NAME) {
            issues.add(FieldIssue.error("name", "access.token.name.too-long", MAX_NAME));
        }
        if (expiresOn != null && expiresOn.isBefore(LocalDate.now(clock))) {
            issues.add(FieldIssue.error("expiresOn", "access.token.expires.past"));
        } else {
            bounds.checkTokenExpiry("expiresOn", expiresOn, issues);
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        LindungUser user =
                accounts.find(by.username()).orElseThrow(() -> new ForbiddenException("access.token.signed-in"));
        String effectiveScope = tokenScope.isEmpty() ? user.scope().code() : tokenScope;

        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = token.substring(0, SHOWN_PREFIX);
        Instant now = clock.instant();
        Instant expiresAt = expiresOn == null
                ? null
                : expiresOn.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        long id = jdbc.sql("""
                INSERT INTO api_token (username, name, token_hash, prefix, created_by, created_at, expires_at,
                                       region_scope)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        user.username(),
                        cleanName,
                        sha256(token),
                        prefix,
                        user.username(),
                        Timestamp.from(now),
                        expiresAt == null ? null : Timestamp.from(expiresAt),
                        tokenScope.isEmpty() ? null : tokenScope)
                .query(Long.class)
                .single();

        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("username", user.username());
        changes.put("name", cleanName);
        changes.put("prefix", prefix);
        changes.put("scope", effectiveScope);
        changes.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        audit.record("API_TOKEN_ISSUED", "api_token", Long.toString(id), regionOf(user.scope()), changes);
        return new IssuedToken(id, token, prefix, user.username(), cleanName, effectiveScope, expiresAt);
    }

    @Override
    public List<TokenInfo> list(LindungUser by) {
        if (by.role() == Role.ADMIN) {
            String scope = by.scope().code();
            return jdbc.sql("SELECT " + INFO_COLUMNS + " FROM api_token t JOIN app_user u ON u.username = t.username"
                            + " WHERE ? = '' OR u.region_scope = ? OR u.region_scope LIKE ?"
                            + " ORDER BY t.created_at DESC, t.id DESC")
                    .params(scope, scope, scope + ".%")
                    .query((rs, i) -> info(rs))
                    .list();
        }
        return jdbc.sql("SELECT " + INFO_COLUMNS + " FROM api_token t WHERE t.username = ?"
                        + " ORDER BY t.created_at DESC, t.id DESC")
                .param(by.username())
                .query((rs, i) -> info(rs))
                .list();
    }

    @Override
    @Transactional
    public void revoke(long id, LindungUser by) {
        record Owner(String username, RegionScope scope, boolean revoked) {}
        Owner owner = jdbc.sql("SELECT t.username, u.region_scope, t.revoked_at IS NOT NULL FROM api_token t"
                        + " JOIN app_user u ON u.username = t.username WHERE t.id = ? FOR UPDATE OF t")
                .param(id)
                .query((rs, i) -> new Owner(rs.getString(1), RegionScope.of(rs.getString(2)), rs.getBoolean(3)))
                .optional()
                .filter(o -> o.username().equals(by.username())
                        || by.role() == Role.ADMIN
                                && by.scope().includes(o.scope().code()))
                .orElseThrow(() -> new NotFoundException("api token " + id));
        if (owner.revoked()) {
            return;
        }
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        audit.record(
                "API_TOKEN_REVOKED",
                "api_token",
                Long.toString(id),
                regionOf(owner.scope()),
                Map.of("username", owner.username()));
    }

    /**
     * The person a presented token acts as: the token is known, not revoked, not expired, its user is enabled and
     * (for a token narrowed to a region) the user's scope still holds that region. The user comes with the token's
     * id and name ({@link LindungUser#token()}) and the token's scope. Records the use at most once a minute per
     * token. Public only so that the call goes through the proxy.
     */
    public Optional<LindungUser> authenticate(@Nullable String token) {
        if (token == null || token.length() != TOKEN_LENGTH || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        record Found(
                long id,
                @Nullable Instant lastUsed,
                @Nullable LindungUser user) {}
        Optional<Found> found = jdbc.sql("""
                SELECT t.id, t.last_used_at, u.username, u.display_name, u.role, u.region_scope, t.name,
                       t.region_scope
                  FROM api_token t JOIN app_user u ON u.username = t.username
                 WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
                   AND u.enabled AND t.created_by = t.username""")
                .params(sha256(token), Timestamp.from(now))
                .query((rs, i) -> {
                    RegionScope userScope = RegionScope.of(rs.getString(6));
                    String narrowed = rs.getString(8);
                    if (narrowed != null && !userScope.includes(narrowed)) {
                        return new Found(rs.getLong(1), null, null); // the creator's scope no longer holds it
                    }
                    return new Found(
                            rs.getLong(1),
                            instant(rs, 2),
                            new LindungUser(
                                    rs.getString(3),
                                    rs.getString(4),
                                    Role.valueOf(rs.getString(5)),
                                    narrowed == null ? userScope : RegionScope.of(narrowed),
                                    new LindungUser.ViaToken(rs.getLong(1), rs.getString(7))));
                })
                .optional()
                .filter(f -> f.user() != null);
        found.ifPresent(f -> {
            Instant staleBefore = now.minus(LAST_USED_PRECISION);
            if (f.lastUsed() == null || f.lastUsed().isBefore(staleBefore)) {
                // the condition again in SQL: of several requests at once, only one writes
                jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?"
                                + " AND (last_used_at IS NULL OR last_used_at < ?)")
                        .params(Timestamp.from(now), f.id(), Timestamp.from(staleBefore))
                        .update();
            }
        });
        return found.map(Found::user);
    }

    static String sha256(String token) {
        return id.lindung.shared.Sha256.hex(token);
    }

    private static @Nullable String regionOf(RegionScope scope) {
        return scope.code().isEmpty() ? null : scope.code();
    }

    private static TokenInfo info(ResultSet rs) throws SQLException {
        return new TokenInfo(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getString("region_scope"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"),
                instant(rs, "last_used_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
