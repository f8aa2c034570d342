package id.lindung.participant;

import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.support.Niks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Valid bulk rows for tests of this module (the demo generator lives in a module that depends on this one): real
 * desa of Kalimantan Barat, NIKs that pass {@link NikRules}, every third participant with a spouse and a child
 * without a NIK yet, every twentieth with a business, and every thousandth registered a second time under another
 * NIK (same name and birth date).
 */
final class BulkRows {

    private static final String[] GIVEN = {
        "Ahmad",
        "Yohanes",
        "Siti",
        "Maria",
        "Hendra",
        "Kumang",
        "Slamet",
        "Nurhayati",
        "Paulus",
        "Fatimah",
        "Rudy",
        "Sulastri",
        "Agustinus",
        "Halimah",
        "Bujang",
        "Lina"
    };
    private static final String[] FAMILY = {
        "Tjhai", "Lim", "Bong", "Ajun", "Hasan", "Saputra", "Wijaya", "Rahman", "Ulan", "Lestari", "Sitorus", "Hidayat",
        "Liu", "Jaung", "Effendi", "Pratama", "Rahayu"
    };

    private final List<String> desa = new ArrayList<>();
    private final Map<String, Integer> serials = new HashMap<>();

    BulkRows(RegionDirectory regions) {
        for (Region kabKota : regions.children("61")) {
            for (Region kecamatan : regions.children(kabKota.code())) {
                regions.children(kecamatan.code()).forEach(d -> desa.add(d.code()));
            }
        }
    }

    /** Rows number {@code from} to {@code to - 1}. NIK serials go on across calls, so NIKs stay unique. */
    List<BulkParticipant> rows(int from, int to) {
        List<BulkParticipant> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    private BulkParticipant row(int i) {
        boolean again = i % 1000 == 999;
        int person = again ? i - 1 : i;
        Sex sex = person % 2 == 0 ? Sex.L : Sex.P;
        LocalDate birth = LocalDate.of(1965, 1, 1).plusDays((person * 37L) % 14_000);
        String name = GIVEN[(person / 2) % GIVEN.length] + " " + FAMILY[(person * 7) % FAMILY.length] + " "
                + FAMILY[(person / 17) % FAMILY.length];
        String address = desa.get((i * 31) % desa.size());
        List<BulkRelative> relatives = new ArrayList<>();
        BulkBusiness business = null;
        if (!again && i % 3 == 0) {
            Sex spouseSex = sex == Sex.L ? Sex.P : Sex.L;
            LocalDate spouseBirth = birth.plusDays(400);
            relatives.add(new BulkRelative(
                    RelationType.SPOUSE,
                    "Rina Wati",
                    nik(address, spouseBirth, spouseSex),
                    spouseBirth,
                    spouseSex,
                    true));
            relatives.add(new BulkRelative(RelationType.CHILD, "Budi", null, LocalDate.of(2025, 6, 1), Sex.L, true));
        }
        if (!again && i % 20 == 0) {
            business = new BulkBusiness(
                    String.format(Locale.ROOT, "91%011d", i),
                    "Warung Makan " + i,
                    "56102",
                    BusinessScale.MIKRO,
                    address,
                    2);
        }
        return new BulkParticipant(
                nik(address, birth, sex),
                again ? name.toUpperCase(Locale.ROOT) : name,
                birth,
                sex,
                address,
                "0812" + String.format(Locale.ROOT, "%08d", i),
                "Petani sawit",
                relatives,
                business);
    }

    private String nik(String desaCode, LocalDate birth, Sex sex) {
        String kecamatan = desaCode.substring(0, 8).replace(".", "");
        return Niks.of(kecamatan, birth, sex == Sex.P, serials.merge(kecamatan + birth, 1, Integer::sum));
    }
}
