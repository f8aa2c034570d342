package id.lindung.shared.crypto;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keyring: keys that encrypt specific personal data and index NIKs, in a file outside the database.
 *
 * @param keyring the keyring file ({@code LINDUNG_KEYRING}); keep it outside the database and its backups, e.g. a
 *        secrets mount
 * @param createKeyring create a keyring with fresh random keys when there is none, on the first installation
 *        ({@code LINDUNG_CREATE_KEYRING}, as demo data by default); off, a missing keyring stops the start
 */
@ConfigurationProperties("lindung.crypto")
@Validated
record CryptoProperties(@NotNull Path keyring, @NotNull Boolean createKeyring) {}
