package id.lindung.access.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of an installation ({@link InitialUsers}).
 *
 * @param adminPassword with no users yet: creates user {@code admin} (home province scope) with this password
 *        ({@code LINDUNG_ADMIN_PASSWORD}); empty: no such user
 */
@ConfigurationProperties("lindung")
record FirstAdminProperties(@Nullable String adminPassword) {}
