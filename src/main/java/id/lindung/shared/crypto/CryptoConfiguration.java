package id.lindung.shared.crypto;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The keyring ({@code lindung.crypto.keyring}), the {@link Vault} and the {@link KeyRotation} over every declared column. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    Vault vault(CryptoProperties properties) {
        return new Vault(Keyring.load(properties.keyring(), properties.createKeyring()));
    }

    @Bean
    KeyRotation keyRotation(
            Vault vault, List<SealedColumn> columns, JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new KeyRotation(vault, columns, jdbc, new TransactionTemplate(transactions));
    }
}
