package id.lindung.access.internal;

import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.region.RegionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator: if the user table is empty and {@code LINDUNG_ADMIN_PASSWORD} is set, one
 * {@code admin} for the home province. (The demo users are the demo data module's, through
 * {@link id.lindung.access.UserProvisioning}.)
 */
@Component
@Order(0)
class InitialUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

    private final UserAccounts accounts;
    private final String adminPassword;
    private final String homeProvince;

    InitialUsers(UserAccounts accounts, FirstAdminProperties properties, RegionProperties region) {
        this.accounts = accounts;
        this.adminPassword = properties.adminPassword() == null ? "" : properties.adminPassword();
        this.homeProvince = region.homeProvince();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!adminPassword.isBlank() && accounts.count() == 0) {
            accounts.createIfAbsent("admin", adminPassword, "Administrator", Role.ADMIN, RegionScope.of(homeProvince));
            log.info("Created the first administrator 'admin'");
        }
    }
}
