package id.lindung.demodata;

import id.lindung.participant.Sex;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Plausible personal names of Kalimantan Barat: Melayu, Dayak, Chinese-Indonesian (Hakka and Teochew family
 * names), Javanese, Madurese, Bugis and Batak, each with its own way of putting a name together, women's and
 * men's given names kept apart. The mix per kab/kota is a rough impression for demo purposes (Dayak inland,
 * Melayu on the coast and the rivers, many Chinese-Indonesians in Singkawang and Pontianak), not a statistic.
 */
final class KalbarNames {

    enum Group {
        MELAYU,
        DAYAK,
        TIONGHOA,
        JAWA,
        MADURA,
        BUGIS,
        BATAK
    }

    private static final Group[] GROUPS = Group.values();

    /** Weights per group in the order of {@link Group}. */
    private static final Map<String, int[]> MIX = Map.ofEntries(
            Map.entry("61.01", new int[] {78, 4, 7, 5, 3, 2, 1}), // Sambas
            Map.entry("61.02", new int[] {45, 10, 10, 8, 14, 12, 1}), // Mempawah
            Map.entry("61.03", new int[] {22, 58, 7, 9, 2, 1, 1}), // Sanggau
            Map.entry("61.04", new int[] {50, 24, 5, 12, 3, 5, 1}), // Ketapang
            Map.entry("61.05", new int[] {30, 55, 5, 7, 1, 1, 1}), // Sintang
            Map.entry("61.06", new int[] {38, 55, 3, 3, 0, 0, 1}), // Kapuas Hulu
            Map.entry("61.07", new int[] {15, 60, 15, 5, 2, 2, 1}), // Bengkayang
            Map.entry("61.08", new int[] {8, 80, 4, 6, 1, 0, 1}), // Landak
            Map.entry("61.09", new int[] {20, 65, 5, 8, 1, 0, 1}), // Sekadau
            Map.entry("61.10", new int[] {30, 60, 3, 6, 0, 0, 1}), // Melawi
            Map.entry("61.11", new int[] {75, 3, 3, 8, 3, 8, 0}), // Kayong Utara
            Map.entry("61.12", new int[] {35, 10, 10, 20, 14, 10, 1}), // Kubu Raya
            Map.entry("61.71", new int[] {35, 8, 24, 12, 10, 9, 2}), // Kota Pontianak
            Map.entry("61.72", new int[] {30, 10, 42, 8, 5, 4, 1})); // Kota Singkawang

    private static final int[] DEFAULT_MIX = {34, 35, 8, 10, 6, 4, 3};

    // Melayu
    private static final String[] MELAYU_MEN = {
        "Ahmad",
        "Muhammad",
        "Abdul",
        "Hamdan",
        "Hasan",
        "Husin",
        "Rusli",
        "Zulkifli",
        "Syahrul",
        "Fadli",
        "Rizal",
        "Hendra",
        "Iwan",
        "Samsudin",
        "Jumadi",
        "Usman",
        "Ismail",
        "Yusuf",
        "Amran",
        "Junaidi",
        "Mahmud",
        "Said",
        "Ridwan",
        "Firdaus",
        "Herman",
        "Rahmat",
        "Arifin",
        "Syarifuddin",
        "Zainal",
        "Darmawan",
        "Irwan",
        "Rudi",
        "Heri",
        "Sulaiman",
        "Ilham",
        "Rizki",
        "Fajar",
        "Hamzah",
        "Harun",
        "Idris",
        "Ramli",
        "Salim",
        "Wahyu",
        "Yudi",
        "Zainudin",
        "Alwi",
        "Basri",
        "Effendi",
        "Gazali",
        "Mulyadi",
        "Azhar",
        "Bahrun",
        "Fauzan",
        "Hairul",
        "Jamaludin",
        "Khairil",
        "Maulana",
        "Nasrun",
        "Rahim",
        "Sabran",
        "Taufik",
        "Umar",
        "Wahab",
        "Yani",
        "Zakaria",
        "Andri",
        "Dedi",
        "Agus",
        "Ari"
    };
    private static final String[] MELAYU_MEN_SECOND = {
        "Abdullah",
        "Hamid",
        "Hasan",
        "Ismail",
        "Rahman",
        "Yusuf",
        "Effendi",
        "Saputra",
        "Ramadhan",
        "Hidayat",
        "Syahputra",
        "Kurniawan",
        "Pratama",
        "Firmansyah",
        "Hakim",
        "Fahrozi",
        "Alamsyah",
        "Maulana",
        "Rizaldi",
        "Hermawan",
        "Syahrial",
        "Adha",
        "Fauzi",
        "Iskandar",
        "Zulfikar",
        "Aditya",
        "Anwar",
        "Rosadi",
        "Usman",
        "Mahdi"
    };
    private static final String[] MELAYU_WOMEN = {
        "Siti",
        "Nurhayati",
        "Rohana",
        "Fatimah",
        "Aisyah",
        "Halimah",
        "Zainab",
        "Rahmah",
        "Nurul",
        "Suryani",
        "Maimunah",
        "Salmah",
        "Hamidah",
        "Mariam",
        "Juliana",
        "Khadijah",
        "Rosnah",
        "Dewi",
        "Wati",
        "Rina",
        "Nurjanah",
        "Hasanah",
        "Asmah",
        "Rukiah",
        "Zubaidah",
        "Norma",
        "Sarah",
        "Mardiana",
        "Yuliana",
        "Rusmini",
        "Nuraini",
        "Laila",
        "Fitri",
        "Eka",
        "Melati",
        "Putri",
        "Rahayu",
        "Azizah",
        "Badariah",
        "Darmiati",
        "Erna",
        "Faridah",
        "Hartini",
        "Intan",
        "Jamilah",
        "Kamariah",
        "Latifah",
        "Misnah",
        "Nurlela",
        "Rabiah",
        "Sa'adah",
        "Tuti",
        "Umi",
        "Wardah",
        "Yusnita",
        "Zaleha",
        "Anisa",
        "Dahlia"
    };
    private static final String[] MELAYU_WOMEN_SECOND = {
        "Aminah",
        "Sari",
        "Wulandari",
        "Ningsih",
        "Ramadhani",
        "Safitri",
        "Handayani",
        "Lestari",
        "Anggraini",
        "Susanti",
        "Rahmawati",
        "Maharani",
        "Novita",
        "Apriani",
        "Fitriani",
        "Khairunnisa",
        "Oktaviani",
        "Permatasari",
        "Yulianti",
        "Zahra",
        "Aulia",
        "Marlina",
        "Hasnah",
        "Rosita",
        "Syafitri"
    };

    // Dayak: baptismal names and names of the Kanayatn, Iban, Bidayuh, Taman and other peoples
    private static final String[] DAYAK_MEN_BAPTISMAL = {
        "Yohanes",
        "Petrus",
        "Paulus",
        "Antonius",
        "Stefanus",
        "Markus",
        "Yosef",
        "Fransiskus",
        "Agustinus",
        "Benediktus",
        "Kristianus",
        "Aloysius",
        "Ignatius",
        "Yakobus",
        "Matius",
        "Lukas",
        "Andreas",
        "Robertus",
        "Simon",
        "Damianus",
        "Elias",
        "Heronimus",
        "Martinus",
        "Cornelis",
        "Thomas",
        "Philipus",
        "Bartolomeus",
        "Yulius",
        "Vinsensius",
        "Adrianus",
        "Laurensius",
        "Donatus",
        "Klemens",
        "Yustinus",
        "Valentinus",
        "Norbertus",
        "Marselinus",
        "Gregorius",
        "Kornelius",
        "Silvester",
        "Timotius",
        "Aleksius",
        "Hendrikus",
        "Nikodemus"
    };
    private static final String[] DAYAK_WOMEN_BAPTISMAL = {
        "Maria",
        "Theresia",
        "Agnes",
        "Veronika",
        "Yuliana",
        "Katarina",
        "Margareta",
        "Elisabeth",
        "Sesilia",
        "Anastasia",
        "Susana",
        "Rosalia",
        "Fransiska",
        "Helena",
        "Lusia",
        "Monika",
        "Natalia",
        "Yohana",
        "Magdalena",
        "Regina",
        "Yosefina",
        "Kristina",
        "Felisitas",
        "Agata",
        "Benedikta",
        "Skolastika",
        "Paulina",
        "Martina",
        "Karolina",
        "Bernadeta",
        "Yulita",
        "Emiliana",
        "Ursula",
        "Klara",
        "Petronela",
        "Viktoria"
    };
    private static final String[] DAYAK_MEN = {
        "Ajun",
        "Bujang",
        "Jaung",
        "Asong",
        "Nyangun",
        "Lansau",
        "Tingang",
        "Jalung",
        "Apui",
        "Rumbang",
        "Baring",
        "Anyeng",
        "Ijau",
        "Kanyan",
        "Lasah",
        "Libau",
        "Nyaru",
        "Ansau",
        "Jamat",
        "Ukau",
        "Sengkuang",
        "Linggi",
        "Ramon",
        "Sahat",
        "Jimbun",
        "Dulin",
        "Akim",
        "Aloi",
        "Bahen",
        "Atong",
        "Ranggong",
        "Suding",
        "Tekuyung",
        "Empaung",
        "Ribut"
    };
    private static final String[] DAYAK_WOMEN = {
        "Ulan", "Kumang", "Lemai", "Sumai", "Irai", "Inai", "Endu", "Bunga", "Sekar", "Dayang", "Lenti", "Mayang",
        "Rinai", "Sela", "Tipung", "Inen", "Ambun", "Jelita", "Nyai", "Tiung", "Uyun", "Sanai"
    };

    // Chinese-Indonesian (Hakka in Singkawang, Sambas and Bengkayang; Teochew in Pontianak)
    private static final String[] TIONGHOA_FAMILY = {
        "Tjhai", "Lim", "Bong", "Liu", "Tjong", "Tan", "Lie", "Ng", "Phang", "Chin", "Tjhin", "Hiu", "Wong", "Tjen",
        "Jap", "Kho", "Lo", "Sie", "Thong", "Fam", "Kong", "Yap", "Bun", "Tjia", "Then", "Lay", "Hon", "Tjiu", "Kiu",
        "Ho"
    };
    private static final String[] TIONGHOA_MEN_SYLLABLE = {
        "Kim", "Fung", "Seng", "Hin", "Fat", "Kiong", "Jun", "Khiun", "Siong", "Tjun", "Hok", "Liong", "Sen", "Khim",
        "Min", "Fui", "Kian", "Tjhoi", "Fo", "Lip", "Sin", "Tet", "Kwet", "Nam", "Bui", "Khon", "Thiam", "Tjin", "Kong",
        "Hui"
    };
    private static final String[] TIONGHOA_WOMEN_SYLLABLE = {
        "Mie", "Lan", "Lin", "Mei", "Siu", "Chui", "Fa", "Fong", "Ling", "Nyuk", "Lie", "Sui", "Jin", "Kiau", "Moi",
        "Hiong", "Ngo", "Fen", "Tshin", "Nyun", "Tju", "Yin", "Phin", "Kiun", "Njuk", "Hua"
    };
    private static final String[] TIONGHOA_MEN_GIVEN = {
        "Hendra",
        "Sugianto",
        "Rudy",
        "Budiman",
        "Anton",
        "Hartono",
        "Jimmy",
        "Kevin",
        "Steven",
        "Ferry",
        "Edy",
        "Hermanto",
        "Sutanto",
        "Johan",
        "William",
        "Rico",
        "Hengky",
        "Acun",
        "Asiong",
        "Akiong",
        "Afuk",
        "Ahin",
        "Suryadi",
        "Tommy",
        "Wiliam",
        "Yanto",
        "Darwin",
        "Alvin",
        "Frengky",
        "Sanjaya"
    };
    private static final String[] TIONGHOA_WOMEN_GIVEN = {
        "Lina",
        "Meiliana",
        "Susanti",
        "Lili",
        "Lanny",
        "Lenny",
        "Yanti",
        "Merry",
        "Fifi",
        "Sherly",
        "Vivian",
        "Jessica",
        "Erlina",
        "Herlina",
        "Linda",
        "Megawati",
        "Apin",
        "Afen",
        "Ayin",
        "Mellisa",
        "Cindy",
        "Winda",
        "Selvi",
        "Yulianti",
        "Elvina",
        "Novi",
        "Susan",
        "Ratna"
    };
    private static final String[] TIONGHOA_SURNAME = {
        "Wijaya",
        "Halim",
        "Gunawan",
        "Santoso",
        "Tanjaya",
        "Salim",
        "Kurniawan",
        "Susanto",
        "Hartanto",
        "Setiawan",
        "Sanjaya",
        "Lukito",
        "Tanoto",
        "Limanto",
        "Chandra",
        "Tjandra",
        "Hadinata",
        "Wibisono",
        "Liman",
        "Sugiarto",
        "Widjaja",
        "Halimawan",
        "Lianto",
        "Suhendra"
    };

    // Javanese (transmigrants since the 1970s)
    private static final String[] JAWA_MEN = {
        "Suparman",
        "Sutrisno",
        "Slamet",
        "Joko",
        "Bambang",
        "Agus",
        "Budi",
        "Sugiyono",
        "Wahyudi",
        "Supriyadi",
        "Sumarno",
        "Heru",
        "Sunarto",
        "Mulyono",
        "Waluyo",
        "Sugeng",
        "Paijo",
        "Suyanto",
        "Darsono",
        "Kusnadi",
        "Sarwono",
        "Teguh",
        "Parno",
        "Sukirman",
        "Tukiman",
        "Warsito",
        "Ngadimin",
        "Purwanto",
        "Sutopo",
        "Gunadi",
        "Rohmat",
        "Suroso",
        "Triyono",
        "Mujiono",
        "Harjo",
        "Karno",
        "Margono"
    };
    private static final String[] JAWA_MEN_PREFIX = {"Eko", "Dwi", "Tri", "Puji", "Nur", "Adi", "Bayu", "Catur"};
    private static final String[] JAWA_MEN_SECOND = {
        "Santoso",
        "Prasetyo",
        "Wibowo",
        "Susilo",
        "Purnomo",
        "Hartono",
        "Setiawan",
        "Nugroho",
        "Raharjo",
        "Widodo",
        "Utomo",
        "Saputro",
        "Cahyono",
        "Kurniawan",
        "Sulistyo",
        "Wicaksono",
        "Riyadi",
        "Hidayat",
        "Supriyanto",
        "Handoko"
    };
    private static final String[] JAWA_WOMEN = {
        "Sulastri",
        "Endang",
        "Sumiati",
        "Suwarni",
        "Wahyuningsih",
        "Sukarti",
        "Ngatini",
        "Parmi",
        "Rini",
        "Sumarni",
        "Tumini",
        "Wagiyem",
        "Kasinem",
        "Suparti",
        "Yuni",
        "Ratna",
        "Endah",
        "Sriyani",
        "Tugiyem",
        "Partini",
        "Sukinah",
        "Warsini",
        "Rukmini",
        "Sarinah",
        "Juwariyah",
        "Mujiati",
        "Kustini",
        "Painem",
        "Suminah",
        "Lasmini"
    };
    private static final String[] JAWA_WOMEN_PREFIX = {"Sri", "Siti", "Tri", "Dwi", "Puji", "Nur", "Eka", "Dyah"};
    private static final String[] JAWA_WOMEN_SECOND = {
        "Rahayu",
        "Lestari",
        "Astuti",
        "Wahyuni",
        "Handayani",
        "Suryani",
        "Purwanti",
        "Mulyani",
        "Ningsih",
        "Utami",
        "Wulandari",
        "Susilowati",
        "Rahmawati",
        "Hastuti",
        "Kusumawati",
        "Setyaningsih",
        "Widayati",
        "Sulistyowati",
        "Yuliani",
        "Pratiwi"
    };

    // Madurese
    private static final String[] MADURA_MEN = {
        "Sahlan",
        "Marsuki",
        "Hosnan",
        "Munawar",
        "Busiri",
        "Matsani",
        "Juhri",
        "Samsul",
        "Fathorrahman",
        "Syaiful",
        "Marzuki",
        "Hamdani",
        "Holil",
        "Sahri",
        "Rasid",
        "Kholis",
        "Nasir",
        "Jamaluddin",
        "Hosaini",
        "Mahfud",
        "Ruslan",
        "Subairi",
        "Mukhlis",
        "Zainuri",
        "Hairul",
        "Maksum",
        "Rofi'i",
        "Sunarto",
        "Abd. Rahem",
        "Hozairi"
    };
    private static final String[] MADURA_MEN_PREFIX = {"Moh.", "Mat", "Abdul", "Ach."};
    private static final String[] MADURA_MEN_SECOND = {
        "Holil", "Sahri", "Arifin", "Hadi", "Rahman", "Hasan", "Munir", "Qadir", "Fauzi", "Ridwan", "Sholeh", "Ma'ruf",
        "Hasyim", "Ghazali"
    };
    private static final String[] MADURA_WOMEN = {
        "Misnawati",
        "Holisah",
        "Suhaimah",
        "Maryati",
        "Masriyah",
        "Sunaryah",
        "Rukayah",
        "Hamidah",
        "Bunati",
        "Hosniyah",
        "Mutmainnah",
        "Jamilah",
        "Nurhasanah",
        "Farida",
        "Zaitun",
        "Maimunah",
        "Juma'ati",
        "Sutiyah",
        "Asiyah",
        "Marhamah",
        "Khotijah",
        "Hatija",
        "Saniyah",
        "Romlah"
    };
    private static final String[] MADURA_WOMEN_SECOND = {
        "Aminah", "Hasanah", "Fatimah", "Rahmah", "Zahro", "Mardiyah", "Sholehah", "Munawaroh"
    };

    // Bugis
    private static final String[] BUGIS_MEN = {
        "Muhammad",
        "Haeruddin",
        "Syamsuddin",
        "Baharuddin",
        "Amiruddin",
        "Nasaruddin",
        "Jamaluddin",
        "Ansar",
        "Hasanuddin",
        "Sudirman",
        "Arsyad",
        "Darwis",
        "Jufri",
        "Syahrir",
        "Taufik",
        "Yusran",
        "Zulkarnain",
        "Asri",
        "Hamka",
        "Kamaruddin",
        "Mustafa",
        "Nurdin",
        "Rusdi",
        "Saharuddin",
        "Tajuddin",
        "Wahid",
        "Abdul Latif",
        "Akbar",
        "Burhanuddin",
        "Irfan"
    };
    private static final String[] BUGIS_WOMEN = {
        "Hasnah",
        "Hasnawati",
        "Nurhaedah",
        "Sitti",
        "Haerani",
        "Rosmini",
        "Darmawati",
        "Nurmiati",
        "Hasmawati",
        "Kasmawati",
        "Murni",
        "Nurbaya",
        "Rahmawati",
        "Sukmawati",
        "Wahida",
        "Rosdiana",
        "Jumriah",
        "Masnah",
        "Nurhayati",
        "Sitti Aisyah",
        "Hamsinah",
        "Syamsiah"
    };
    private static final String[] BUGIS_SECOND = {
        "Arsyad", "Rahman", "Daeng", "Amir", "Saleh", "Latif", "Hamid", "Basri", "Mansyur", "Yunus", "Kadir", "Tahir"
    };

    // Batak (mostly in Pontianak, Sanggau and the plantation areas)
    private static final String[] BATAK_MEN = {
        "Robert",
        "Jhonson",
        "Sahat",
        "Tigor",
        "Parlindungan",
        "Martua",
        "Binsar",
        "Hotman",
        "Poltak",
        "Maruli",
        "Togar",
        "Bonar",
        "Richard",
        "Daniel",
        "Jansen",
        "Ronald"
    };
    private static final String[] BATAK_WOMEN = {
        "Rosmawati",
        "Lamtiur",
        "Rut",
        "Debora",
        "Ester",
        "Sondang",
        "Tiurma",
        "Romauli",
        "Nurmaida",
        "Rosdiana",
        "Lenny",
        "Hotnida",
        "Juliana",
        "Melva",
        "Friska"
    };
    private static final String[] BATAK_MARGA = {
        "Simanjuntak",
        "Siregar",
        "Sitorus",
        "Nainggolan",
        "Manurung",
        "Simatupang",
        "Hutapea",
        "Pardede",
        "Sinaga",
        "Situmorang",
        "Panjaitan",
        "Tampubolon",
        "Silalahi",
        "Hutagalung",
        "Sihombing",
        "Simbolon",
        "Pasaribu",
        "Napitupulu",
        "Gultom",
        "Sitompul"
    };

    private static final Set<String> FAMILY_NAMES = Set.of(TIONGHOA_FAMILY);
    private static final Set<String> MARGA = Set.of(BATAK_MARGA);

    private KalbarNames() {}

    static Group group(String kabKotaCode, SplittableRandom rnd) {
        int[] weights = MIX.getOrDefault(kabKotaCode, DEFAULT_MIX);
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return GROUPS[i];
            }
        }
        return Group.MELAYU;
    }

    /** A full name; {@code familyName}, when given, is a Chinese family name or Batak marga passed on by a father. */
    static String fullName(Group group, Sex sex, SplittableRandom rnd, @Nullable String familyName) {
        boolean man = sex == Sex.L;
        return switch (group) {
            case MELAYU -> melayu(man, rnd);
            case DAYAK -> dayak(man, rnd);
            case TIONGHOA -> tionghoa(man, rnd, familyName);
            case JAWA -> jawa(man, rnd);
            case MADURA -> madura(man, rnd);
            case BUGIS -> bugis(man, rnd);
            case BATAK ->
                (man ? pick(BATAK_MEN, rnd) : pick(BATAK_WOMEN, rnd)) + " "
                        + (familyName != null ? familyName : pick(BATAK_MARGA, rnd));
        };
    }

    /** The family name (Chinese, first word) or marga (Batak, last word) a father passes on, if the name has one. */
    static @Nullable String familyNameOf(Group group, String fullName) {
        if (group == Group.TIONGHOA) {
            int space = fullName.indexOf(' ');
            String first = space < 0 ? fullName : fullName.substring(0, space);
            return FAMILY_NAMES.contains(first) ? first : null;
        }
        if (group == Group.BATAK) {
            String last = fullName.substring(fullName.lastIndexOf(' ') + 1);
            return MARGA.contains(last) ? last : null;
        }
        return null;
    }

    private static String melayu(boolean man, SplittableRandom rnd) {
        StringBuilder name = new StringBuilder(32);
        int title = rnd.nextInt(100);
        if (title < 3) {
            name.append(man ? "Syarif " : "Syarifah ");
        } else if (title < 5) {
            name.append("Uray ");
        } else if (title < 6) {
            name.append(man ? "Gusti " : "Utin ");
        }
        name.append(man ? pick(MELAYU_MEN, rnd) : pick(MELAYU_WOMEN, rnd));
        int parts = rnd.nextInt(100);
        if (parts < 92) {
            name.append(' ').append(man ? pick(MELAYU_MEN_SECOND, rnd) : pick(MELAYU_WOMEN_SECOND, rnd));
        }
        if (parts < 30) {
            name.append(' ').append(man ? pick(MELAYU_MEN_SECOND, rnd) : pick(MELAYU_WOMEN_SECOND, rnd));
        }
        return dedupe(name.toString());
    }

    private static String dayak(boolean man, SplittableRandom rnd) {
        int form = rnd.nextInt(100);
        String baptismal = man ? pick(DAYAK_MEN_BAPTISMAL, rnd) : pick(DAYAK_WOMEN_BAPTISMAL, rnd);
        String own = man ? pick(DAYAK_MEN, rnd) : pick(DAYAK_WOMEN, rnd);
        if (form < 65) {
            return baptismal + " " + own;
        }
        if (form < 80) {
            // baptismal name and the father's name
            return baptismal + " " + own + " " + pick(DAYAK_MEN, rnd);
        }
        if (form < 92) {
            return baptismal + " " + pick(man ? DAYAK_MEN_BAPTISMAL : DAYAK_WOMEN_BAPTISMAL, rnd) + " " + own;
        }
        return own + " " + pick(DAYAK_MEN, rnd);
    }

    private static String tionghoa(boolean man, SplittableRandom rnd, @Nullable String familyName) {
        int form = rnd.nextInt(100);
        if (form < 55 || familyName != null) {
            String[] syllables = man ? TIONGHOA_MEN_SYLLABLE : TIONGHOA_WOMEN_SYLLABLE;
            String family = familyName != null ? familyName : pick(TIONGHOA_FAMILY, rnd);
            return family + " " + pick(syllables, rnd) + " " + pick(syllables, rnd);
        }
        String given = man ? pick(TIONGHOA_MEN_GIVEN, rnd) : pick(TIONGHOA_WOMEN_GIVEN, rnd);
        if (form < 96) {
            return given + " " + pick(TIONGHOA_SURNAME, rnd);
        }
        return given;
    }

    private static String jawa(boolean man, SplittableRandom rnd) {
        int form = rnd.nextInt(100);
        if (form < 15) {
            return man ? pick(JAWA_MEN, rnd) : pick(JAWA_WOMEN, rnd);
        }
        if (form < 55) {
            return (man ? pick(JAWA_MEN_PREFIX, rnd) : pick(JAWA_WOMEN_PREFIX, rnd)) + " "
                    + (man ? pick(JAWA_MEN_SECOND, rnd) : pick(JAWA_WOMEN_SECOND, rnd));
        }
        return (man ? pick(JAWA_MEN, rnd) : pick(JAWA_WOMEN, rnd)) + " "
                + (man ? pick(JAWA_MEN_SECOND, rnd) : pick(JAWA_WOMEN_SECOND, rnd));
    }

    private static String madura(boolean man, SplittableRandom rnd) {
        int form = rnd.nextInt(100);
        if (!man) {
            return form < 20 ? pick(MADURA_WOMEN, rnd) : pick(MADURA_WOMEN, rnd) + " " + pick(MADURA_WOMEN_SECOND, rnd);
        }
        if (form < 35) {
            return pick(MADURA_MEN_PREFIX, rnd) + " " + pick(MADURA_MEN, rnd);
        }
        if (form < 70) {
            return pick(MADURA_MEN, rnd) + " " + pick(MADURA_MEN_SECOND, rnd);
        }
        return dedupe(pick(MADURA_MEN_PREFIX, rnd) + " " + pick(MADURA_MEN, rnd) + " " + pick(MADURA_MEN_SECOND, rnd));
    }

    private static String bugis(boolean man, SplittableRandom rnd) {
        int form = rnd.nextInt(100);
        String given = man ? pick(BUGIS_MEN, rnd) : pick(BUGIS_WOMEN, rnd);
        String name = form < 12 ? "Andi " + given : given;
        if (form % 7 != 0) {
            name = name + " " + pick(BUGIS_SECOND, rnd);
        }
        return dedupe(name);
    }

    /** Drops a word repeated right after itself ({@code Hasan Hasan}). */
    private static String dedupe(String name) {
        String[] words = name.split(" ");
        StringBuilder sb = new StringBuilder(name.length());
        String previous = null;
        for (String word : words) {
            if (!word.equals(previous)) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(word);
            }
            previous = word;
        }
        return sb.toString();
    }

    static String pick(String[] values, SplittableRandom rnd) {
        return values[rnd.nextInt(values.length)];
    }
}
