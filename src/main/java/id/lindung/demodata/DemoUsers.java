package id.lindung.demodata;

import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserProvisioning;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionProperties;
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
 * on"), with plausible positions (jabatan) for what they sign. Their scopes are Kalimantan Barat and two of its
 * kab/kota; the administrator's is the installation's home scope ({@code lindung.region.home-province}, national when
 * empty), and {@code analis.nasional} sees every province. When the demo registry is of another province
 * ({@code lindung.demo.province}), an officer, an analyst and a kab/kota analyst of that province are added, named
 * after their scope: {@code petugas.63}, {@code analis.63}, {@code analis.63.01} (its first kab/kota).
 */
@Component
@Order(1)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "lindung2026";

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UserProvisioning users;
    private final boolean enabled;
    private final String demoProvince;
    private final String homeScope;
    private final RegionDirectory regions;

    DemoUsers(UserProvisioning users, DemoProperties properties, RegionProperties region, RegionDirectory regions) {
        this.users = users;
        this.enabled = properties.enabled();
        this.demoProvince = properties.province();
        this.homeScope = region.homeProvince();
        this.regions = regions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        String province = DemoProperties.KALBAR;
        int created = 0;
        created += add("admin", "Administrator Lindung", "Administrator Sistem", Role.ADMIN, homeScope);
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
        created += add("analis.nasional", "Analis Kemnaker", "Analis Kebijakan", Role.GOV_ANALYST, "");
        if (!demoProvince.equals(province)) {
            created += otherProvince(demoProvince);
        }
        if (created > 0) {
            log.info("Created {} demo users (password '{}', see README)", created, PASSWORD);
        }
    }

    /** The demo users of another province: an officer and an analyst of the province, an analyst of a kab/kota. */
    private int otherProvince(String code) {
        String name = regions.nameOf(code);
        int created = 0;
        created += add("petugas." + code, "Petugas " + name, "Kepala Bidang Pelayanan", Role.OFFICER, code);
        created += add("analis." + code, "Analis Provinsi " + name, "Analis Kebijakan", Role.GOV_ANALYST, code);
        for (Region kabKota : regions.children(code).stream().limit(1).toList()) {
            created += add(
                    "analis." + kabKota.code(),
                    "Analis " + kabKota.name(),
                    "Analis Kebijakan",
                    Role.GOV_ANALYST,
                    kabKota.code());
        }
        return created;
    }

    private int add(String username, String name, @Nullable String position, Role role, String scope) {
        return users.createIfAbsent(username, PASSWORD, name, position, role, RegionScope.of(scope)) ? 1 : 0;
    }
}
