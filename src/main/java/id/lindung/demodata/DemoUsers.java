package id.lindung.demodata;

import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserProvisioning;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users listed in the README, with the published password, while demo data is on
 * ({@code lindung.demo.enabled}); never otherwise (docs/decisions.md, "Demo users and data only while LINDUNG_DEMO is
 * on"), with plausible positions (jabatan) for what they sign. Their scopes are the demo's Kalimantan Barat
 * ({@link DemoDataLoader#PROVINCE}) and two of its kab/kota.
 */
@Component
@Order(1)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "lindung2026";

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UserProvisioning users;
    private final boolean enabled;

    DemoUsers(UserProvisioning users, DemoProperties properties) {
        this.users = users;
        this.enabled = properties.enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        String province = DemoDataLoader.PROVINCE;
        int created = 0;
        created += add("admin", "Administrator Lindung", "Administrator Sistem", Role.ADMIN, province);
        created += add("petugas.kalbar", "Rahmat Hidayat", "Kepala Bidang Pelayanan", Role.OFFICER, province);
        created += add("petugas.pontianak", "Dewi Lestari", "Penata Madya Pelayanan", Role.OFFICER, "61.71");
        created +=
                add("petugas.ketapang", "Yohanes Eko Saputra", "Kepala Kantor Cabang Perintis", Role.OFFICER, "61.04");
        created +=
                add("analis.provinsi", "Analis Disnakertrans Provinsi", "Analis Kebijakan", Role.GOV_ANALYST, province);
        created += add("analis.ketapang", "Analis Disnaker Ketapang", "Analis Kebijakan", Role.GOV_ANALYST, "61.04");
        created += add("bank.kalbar", "Petugas Bank Kalbar", "Account Officer KUR", Role.BANK_OFFICER, province);
        // No position: documents name the role instead (Agen Perisai).
        created += add("agen.ketapang", "Agen Perisai Ketapang", null, Role.AGENT, "61.04");
        if (created > 0) {
            log.info("Created {} demo users (password '{}', see README)", created, PASSWORD);
        }
    }

    private int add(String username, String name, @Nullable String position, Role role, String scope) {
        return users.createIfAbsent(username, PASSWORD, name, position, role, RegionScope.of(scope)) ? 1 : 0;
    }
}
