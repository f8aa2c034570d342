package id.lindung.support;

import java.time.LocalDate;

/** KUR disbursement files for browser tests. */
public final class KurFiles {

    private KurFiles() {}

    /**
     * A Bank Kalbar file of one branch, four rows with loan ids {@code <branch>-1} to {@code -4}: a KUR Mikro borrower
     * known only by kab/kota (61.04), a KUR Kecil of Rp150.000.000 whose borrower must be enrolled (desa
     * 61.04.01.2011), a KUR Super Mikro in Kota Pontianak, and a row refused for its plafond (line 5, "banyak").
     */
    public static String kalbar(String branch, LocalDate disbursedOn) {
        String disbursed = disbursedOn.toString();
        return "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n"
                + "KALBAR;" + branch + ";" + branch + "-1;" + Niks.nik("610401", LocalDate.of(1992, 2, 2), true)
                + ";Wati;MIKRO;20000000;" + disbursed + ";Warung;61.04\n"
                + "KALBAR;" + branch + ";" + branch + "-2;" + Niks.nik("610401", LocalDate.of(1975, 7, 17), false)
                + ";Yohanes Ding;KECIL;150000000;" + disbursed + ";Sawit;61.04.01.2011\n"
                + "KALBAR;" + branch + ";" + branch + "-3;" + Niks.nik("617101", LocalDate.of(1988, 3, 9), true)
                + ";Rina Anggraini;SUPER_MIKRO;5000000;" + disbursed + ";Dagang;61.71\n"
                + "KALBAR;" + branch + ";" + branch + "-4;" + Niks.nik("610401", LocalDate.of(1980, 1, 1), false)
                + ";Budi;MIKRO;banyak;" + disbursed + ";Kebun;61.04\n";
    }
}
