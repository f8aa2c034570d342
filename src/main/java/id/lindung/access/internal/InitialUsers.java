package id.lindung.access.internal;

import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first users. With demo data on ({@code lindung.demo.enabled}) the demo users listed in the README;
 * otherwise, if the table is empty and {@code LINDUNG_ADMIN_PASSWORD} is set, one {@code admin} for the province.
 */
@Component
@Order(0)
class InitialUsers implements ApplicationRunner {

    static final String DEMO_PASSWORD = "lindung2026";

    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

    private final UserAccounts accounts;
    private final boolean demo;
    private final String adminPassword;

    InitialUsers(UserAccounts accounts, @Value("${lindung.demo.enabled:false}") boolean demo,
            @Value("${lindung.admin-password:}") String adminPassword) {
        this.accounts = accounts;
        this.demo = demo;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo) {
            int created = 0;
            created += add("admin", "Administrator Lindung", Role.ADMIN, "61");
            created += add("petugas.kalbar", "Petugas BPJS Kanwil Kalimantan", Role.OFFICER, "61");
            created += add("petugas.pontianak", "Petugas KC Pontianak", Role.OFFICER, "61.71");
            created += add("petugas.ketapang", "Petugas KCP Ketapang", Role.OFFICER, "61.04");
            created += add("analis.provinsi", "Analis Disnakertrans Provinsi", Role.GOV_ANALYST, "61");
            created += add("analis.ketapang", "Analis Disnaker Ketapang", Role.GOV_ANALYST, "61.04");
            created += add("bank.kalbar", "Petugas Bank Kalbar", Role.BANK_OFFICER, "61");
            created += add("agen.ketapang", "Agen Perisai Ketapang", Role.AGENT, "61.04");
            if (created > 0) {
                log.info("Created {} demo users (password '{}', see README)", created, DEMO_PASSWORD);
            }
        } else if (!adminPassword.isBlank() && accounts.count() == 0) {
            add("admin", "Administrator", Role.ADMIN, "61", adminPassword);
            log.info("Created the first administrator 'admin'");
        }
    }

    private int add(String username, String name, Role role, String scope) {
        return add(username, name, role, scope, DEMO_PASSWORD);
    }

    private int add(String username, String name, Role role, String scope, String password) {
        return accounts.createIfAbsent(username, password, name, role, RegionScope.of(scope)) ? 1 : 0;
    }
}
