package id.lindung.access.internal;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.Signatories;
import id.lindung.access.UserProvisioning;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user table: look-up for sign-in, and creation (passwords are stored only as BCrypt hashes). */
@Service
class UserAccounts implements UserDetailsService, UserProvisioning, Signatories {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, display_name, role, region_scope, password_hash, enabled FROM app_user"
                        + " WHERE username = ?")
                .param(username)
                .query((rs, i) -> new LindungUserDetails(
                        new LindungUser(
                                rs.getString(1),
                                rs.getString(2),
                                Role.valueOf(rs.getString(3)),
                                RegionScope.of(rs.getString(4))),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Override
    @Transactional
    public boolean createIfAbsent(
            String username,
            String rawPassword,
            String displayName,
            @Nullable String position,
            Role role,
            RegionScope scope) {
        String held = position == null || position.isBlank() ? null : position.strip();
        boolean created = jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, position, role, region_scope)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""")
                        .params(username, passwords.encode(rawPassword), displayName, held, role.name(), scope.code())
                        .update()
                == 1;
        if (created) {
            java.util.Map<String, Object> changes = new java.util.LinkedHashMap<>();
            changes.put("displayName", displayName);
            if (held != null) {
                changes.put("position", held);
            }
            changes.put("role", role.name());
            changes.put("scope", scope.code());
            audit.record("USER_CREATED", "user", username, scope.code().isEmpty() ? null : scope.code(), changes);
        }
        return created;
    }

    @Override
    public Optional<Signatory> of(String username) {
        return jdbc.sql("SELECT username, display_name, position, role FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, i) ->
                        new Signatory(rs.getString(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4))))
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    List<LindungUser> all() {
        return jdbc.sql("SELECT username, display_name, role, region_scope FROM app_user ORDER BY username")
                .query((rs, i) -> new LindungUser(
                        rs.getString(1),
                        rs.getString(2),
                        Role.valueOf(rs.getString(3)),
                        RegionScope.of(rs.getString(4))))
                .list();
    }

    Optional<LindungUser> find(String username) {
        try {
            return Optional.of(((LindungUserDetails) loadUserByUsername(username)).user());
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
