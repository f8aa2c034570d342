package id.lindung.demodata;

import id.lindung.demodata.KalbarNames.Group;
import id.lindung.participant.BulkBusiness;
import id.lindung.participant.BulkParticipant;
import id.lindung.participant.BulkRelative;
import id.lindung.participant.BusinessScale;
import id.lindung.participant.RelationType;
import id.lindung.participant.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Makes a plausible registry of workers of one province, row by row: pure and deterministic (the same seed and
 * reference date give the same rows, and the first N rows do not depend on how many are asked for), lazy (a
 * million rows need no more memory than ten), and usable without Spring (benchmarks, tests).
 *
 * <ul>
 * <li>Kab/kota in proportion to Dukcapil population; a random kecamatan of it, a random real desa of that.</li>
 * <li>Age {@value #MIN_AGE}–{@value #MAX_AGE} on the reference date, {@code 52 %} men.</li>
 * <li>NIK {@code PPKKCC DDMMYY SSSS}: the kecamatan of first registration (mostly the address's own, sometimes
 * another of the kab/kota or of the province: people move), the birth date with 40 added to the day for women,
 * and a serial from 0001 unique per kecamatan and birth date — across participants and family members, so every
 * NIK is unique and passes {@link id.lindung.participant.NikRules}.</li>
 * <li>Names of the Melayu, Dayak, Chinese-Indonesian, Javanese, Madurese, Bugis and Batak people of the province,
 * occupations typical of its towns, coasts and interior, Indonesian mobile numbers.</li>
 * <li>About 60 % declare family: a spouse (heir), children (heirs while under 23; the youngest often without a NIK
 * yet) or, for young single workers, a parent.</li>
 * <li>About 5 % own an UMKM business with a unique 13-digit NIB, a real KBLI code, mostly micro.</li>
 * <li>About 0.1 % are registered a second time under another NIK (same name and birth date; the name sometimes in
 * capitals as on the KTP), so the duplicate review has work. Common names also coincide by chance.</li>
 * </ul>
 */
public final class DemoRegistryGenerator {

    /** The day ages are counted to (not the wall clock, so that the output never changes). */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);

    public static final int MIN_AGE = 18;
    public static final int MAX_AGE = 64;
    static final double MALE_SHARE = 0.52;
    static final double FAMILY_SHARE = 0.60;
    static final double BUSINESS_SHARE = 0.05;
    static final double DUPLICATE_SHARE = 0.001;

    /** Oldest birth date a NIK serial is kept for: spouses and parents of the oldest workers. */
    private static final int SERIAL_YEARS = 80;

    private static final int MAX_SERIAL = 9999;
    private static final int RECENT = 1024;

    /** Kalimantan Barat's kab/kota on the coast; other provinces' kabupaten count as inland (no list is held). */
    private static final Set<String> COASTAL = Set.of("61.01", "61.02", "61.04", "61.11", "61.12");

    /** A kota: Kemendagri numbers them from 71 in every province (61.71 Pontianak, 63.71 Banjarmasin). */
    static boolean urban(String kabKotaCode) {
        return Integer.parseInt(kabKotaCode.substring(3, 5)) >= 71;
    }

    /** Occupations with a weight for men and one for women. */
    private static final Jobs URBAN_JOBS = new Jobs()
            .add("Pedagang", 12, 16)
            .add("Karyawan swasta", 12, 12)
            .add("Pengemudi ojek", 15, 1)
            .add("Buruh harian lepas", 12, 7)
            .add("Tukang bangunan", 11, 0)
            .add("Pekerja rumah tangga", 1, 13)
            .add("Penjahit", 2, 7)
            .add("Guru honorer", 3, 6)
            .add("Wiraswasta", 9, 9)
            .add("Montir", 6, 0)
            .add("Sopir", 7, 0)
            .add("Pedagang kaki lima", 6, 6)
            .add("Pramuniaga", 3, 8)
            .add("Nelayan", 2, 0)
            .add("Tenaga kesehatan honorer", 1, 4)
            .add("Buruh pelabuhan", 4, 0)
            .add("Juru parkir", 4, 0)
            .add("Petugas kebersihan", 2, 3)
            .add("Pembuat kue", 0, 4);

    private static final Jobs COASTAL_JOBS = new Jobs()
            .add("Petani sawit", 13, 10)
            .add("Petani karet", 6, 6)
            .add("Petani padi", 8, 9)
            .add("Nelayan", 20, 2)
            .add("Buruh perkebunan sawit", 9, 7)
            .add("Buruh harian lepas", 12, 10)
            .add("Pedagang", 6, 12)
            .add("Pengemudi ojek", 6, 0)
            .add("Tukang bangunan", 8, 0)
            .add("Guru honorer", 2, 7)
            .add("Pekerja rumah tangga", 0, 7)
            .add("Penjahit", 1, 5)
            .add("Pembudi daya ikan", 4, 2)
            .add("Petani kelapa", 3, 3)
            .add("Sopir", 5, 0)
            .add("Wiraswasta", 4, 4)
            .add("Perangkat desa", 2, 1)
            .add("Pengolah ikan asin", 1, 6)
            .add("Pembuat kue", 0, 4);
    private static final Jobs INLAND_JOBS = new Jobs()
            .add("Petani sawit", 18, 16)
            .add("Petani karet", 16, 18)
            .add("Peladang", 6, 7)
            .add("Buruh perkebunan sawit", 13, 9)
            .add("Buruh harian lepas", 11, 8)
            .add("Pedagang", 5, 10)
            .add("Pengemudi ojek", 6, 0)
            .add("Tukang bangunan", 7, 0)
            .add("Guru honorer", 3, 7)
            .add("Pekerja rumah tangga", 0, 4)
            .add("Penjahit", 1, 4)
            .add("Nelayan sungai", 3, 1)
            .add("Peternak", 2, 2)
            .add("Pengrajin anyaman", 0, 4)
            .add("Sopir", 5, 0)
            .add("Wiraswasta", 3, 3)
            .add("Perangkat desa", 2, 1)
            .add("Buruh sadap karet", 3, 4);

    /** KBLI 2020 codes with a business name pattern. */
    private record Kbli(String code, String pattern) {}

    private static final Weighted<Kbli> URBAN_KBLI = new Weighted<Kbli>()
            .add(new Kbli("47112", "Toko Kelontong %s"), 20)
            .add(new Kbli("56102", "Warung Makan %s"), 18)
            .add(new Kbli("56303", "Warung Kopi %s"), 10)
            .add(new Kbli("56103", "Kedai %s"), 6)
            .add(new Kbli("10792", "Kue Basah %s"), 6)
            .add(new Kbli("45407", "Bengkel Motor %s"), 7)
            .add(new Kbli("14111", "Konveksi %s"), 4)
            .add(new Kbli("47211", "Toko Beras %s"), 3)
            .add(new Kbli("47711", "Toko Pakaian %s"), 5)
            .add(new Kbli("96021", "Pangkas Rambut %s"), 4)
            .add(new Kbli("31001", "Mebel %s"), 2)
            .add(new Kbli("47111", "Minimarket %s"), 3);
    private static final Weighted<Kbli> COASTAL_KBLI = new Weighted<Kbli>()
            .add(new Kbli("01262", "Kebun Sawit %s"), 16)
            .add(new Kbli("47112", "Toko Kelontong %s"), 20)
            .add(new Kbli("56102", "Warung Makan %s"), 12)
            .add(new Kbli("03111", "Usaha Tangkap Ikan %s"), 10)
            .add(new Kbli("10792", "Kue Basah %s"), 5)
            .add(new Kbli("45407", "Bengkel Motor %s"), 6)
            .add(new Kbli("56303", "Warung Kopi %s"), 4)
            .add(new Kbli("47211", "Toko Beras %s"), 3)
            .add(new Kbli("01291", "Kebun Karet %s"), 4)
            .add(new Kbli("14111", "Konveksi %s"), 2)
            .add(new Kbli("31001", "Mebel %s"), 2);
    private static final Weighted<Kbli> INLAND_KBLI = new Weighted<Kbli>()
            .add(new Kbli("01262", "Kebun Sawit %s"), 22)
            .add(new Kbli("01291", "Kebun Karet %s"), 12)
            .add(new Kbli("47112", "Toko Kelontong %s"), 20)
            .add(new Kbli("56102", "Warung Makan %s"), 10)
            .add(new Kbli("10792", "Kue Basah %s"), 4)
            .add(new Kbli("45407", "Bengkel Motor %s"), 6)
            .add(new Kbli("56303", "Warung Kopi %s"), 3)
            .add(new Kbli("47211", "Toko Beras %s"), 3)
            .add(new Kbli("31001", "Mebel %s"), 3)
            .add(new Kbli("01450", "Ternak Babi %s"), 2);
    private static final String[] BUSINESS_WORDS = {
        "Berkah",
        "Sinar Jaya",
        "Maju Bersama",
        "Sumber Rezeki",
        "Harapan Baru",
        "Karya Mandiri",
        "Barokah",
        "Makmur",
        "Sejahtera",
        "Setia Kawan",
        "Bintang Timur",
        "Khatulistiwa",
        "Kapuas",
        "Borneo",
        "Mitra Tani",
        "Sahabat",
        "Cahaya",
        "Amanah",
        "Bersaudara",
        "Jaya Abadi",
        "Sinar Kapuas",
        "Lancar",
        "Rezeki Kita",
        "Mandiri",
        "Tunas Harapan",
        "Keluarga",
        "Sepakat",
        "Usaha Bersama"
    };

    /** Mobile prefixes, repeated by rough market share (Telkomsel leads outside the cities). */
    private static final String[] PHONE_PREFIXES = {
        "0811", "0812", "0812", "0813", "0813", "0821", "0821", "0822", "0822", "0823", "0852", "0852", "0853", "0853",
        "0851", "0814", "0815", "0816", "0856", "0857", "0857", "0858", "0817", "0818", "0819", "0859", "0877", "0878",
        "0878", "0831", "0832", "0838", "0895", "0896", "0896", "0897", "0898", "0899", "0881", "0882", "0887", "0888"
    };

    private final long seed;
    private final LocalDate referenceDate;
    private final long minSerialDay;
    private final int serialDays;

    private final String[] kabCode;
    private final double[] kabCumulative;
    private final int[] kabFirstKec;
    private final int[] kabKecCount;
    private final char[][] kecDigits;
    private final String[][] kecDesa;

    public DemoRegistryGenerator(DemoGeography geography, long seed) {
        this(geography, seed, REFERENCE_DATE);
    }

    public DemoRegistryGenerator(DemoGeography geography, long seed, LocalDate referenceDate) {
        this.seed = seed;
        this.referenceDate = referenceDate;
        this.minSerialDay = referenceDate.minusYears(SERIAL_YEARS).toEpochDay();
        this.serialDays = (int) (referenceDate.toEpochDay() - minSerialDay + 1);
        List<DemoGeography.KabKota> kabs = geography.kabKota();
        int kecTotal = kabs.stream().mapToInt(k -> k.kecamatan().size()).sum();
        kabCode = new String[kabs.size()];
        kabCumulative = new double[kabs.size()];
        kabFirstKec = new int[kabs.size()];
        kabKecCount = new int[kabs.size()];
        kecDigits = new char[kecTotal][];
        kecDesa = new String[kecTotal][];
        double total =
                kabs.stream().mapToDouble(DemoGeography.KabKota::population).sum();
        double cumulative = 0;
        int kec = 0;
        for (int k = 0; k < kabs.size(); k++) {
            DemoGeography.KabKota kab = kabs.get(k);
            kabCode[k] = kab.code();
            cumulative += kab.population() / total;
            kabCumulative[k] = cumulative;
            kabFirstKec[k] = kec;
            kabKecCount[k] = kab.kecamatan().size();
            for (DemoGeography.Kecamatan kc : kab.kecamatan()) {
                kecDigits[kec] = kc.code().replace(".", "").toCharArray();
                if (kecDigits[kec].length != 6) {
                    throw new IllegalArgumentException("not a kecamatan code: " + kc.code());
                }
                kecDesa[kec] = kc.desa().toArray(String[]::new);
                kec++;
            }
        }
        kabCumulative[kabs.size() - 1] = 1.0;
    }

    public long seed() {
        return seed;
    }

    public LocalDate referenceDate() {
        return referenceDate;
    }

    /** The first {@code count} rows, made one at a time as they are read. */
    public Iterator<BulkParticipant> iterator(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        return new Run(count);
    }

    /** The first {@code count} rows as a sequential, lazy stream. */
    public Stream<BulkParticipant> stream(long count) {
        return StreamSupport.stream(
                Spliterators.spliterator(
                        iterator(count), count, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
                false);
    }

    /** One pass over the rows: its own random sequence and NIK serials. */
    private final class Run implements Iterator<BulkParticipant> {

        private final SplittableRandom rnd = new SplittableRandom(seed);
        /** Last serial used per kecamatan and birth date (index kecamatan * serialDays + day). */
        private final char[] serials = new char[kecDigits.length * serialDays];

        private final long nibOffset;
        private long remaining;
        private long businesses;

        // recent participants, the pool a second registration copies from
        private final String[] recentName = new String[RECENT];
        private final long[] recentBirth = new long[RECENT];
        private final Sex[] recentSex = new Sex[RECENT];
        private final int[] recentKab = new int[RECENT];
        private final String[] recentJob = new String[RECENT];
        private int recentCount;

        Run(long count) {
            this.remaining = count;
            this.nibOffset = Math.floorMod(rnd.nextLong(), 10_000_000_000L);
        }

        @Override
        public boolean hasNext() {
            return remaining > 0;
        }

        @Override
        public BulkParticipant next() {
            if (remaining <= 0) {
                throw new NoSuchElementException();
            }
            remaining--;
            if (recentCount > 0 && rnd.nextDouble() < DUPLICATE_SHARE) {
                return secondRegistration();
            }
            int kab = pickKab();
            int kec = kabFirstKec[kab] + rnd.nextInt(kabKecCount[kab]);
            String desa = KalbarNames.pick(kecDesa[kec], rnd);
            Sex sex = rnd.nextDouble() < MALE_SHARE ? Sex.L : Sex.P;
            int age = MIN_AGE + rnd.nextInt(MAX_AGE - MIN_AGE + 1);
            long birth = birthDayForAge(age);
            Group group = KalbarNames.group(kabCode[kab], rnd);
            String name = KalbarNames.fullName(group, sex, rnd, null);
            String nik = nik(registrationKecamatan(kab, kec), birth, sex);
            String job = occupation(kab, sex);
            BulkBusiness business = null;
            if (rnd.nextDouble() < BUSINESS_SHARE) {
                business = business(kab, kec, desa, name, group, sex);
                if (rnd.nextInt(10) < 7) {
                    job = "Wiraswasta";
                }
            }
            List<BulkRelative> relatives =
                    rnd.nextDouble() < FAMILY_SHARE ? family(kab, kec, sex, age, birth, group, name) : List.of();
            remember(name, birth, sex, kab, job);
            return new BulkParticipant(
                    nik, name, LocalDate.ofEpochDay(birth), sex, desa, phone(), job, relatives, business);
        }

        /** The same person registered again elsewhere: same name and birth date, another NIK and address. */
        private BulkParticipant secondRegistration() {
            int i = rnd.nextInt(recentCount);
            int kab = recentKab[i];
            int kec = kabFirstKec[kab] + rnd.nextInt(kabKecCount[kab]);
            String desa = KalbarNames.pick(kecDesa[kec], rnd);
            String name = rnd.nextInt(10) < 3 ? recentName[i].toUpperCase(Locale.ROOT) : recentName[i];
            String nik = nik(kec, recentBirth[i], recentSex[i]);
            return new BulkParticipant(
                    nik,
                    name,
                    LocalDate.ofEpochDay(recentBirth[i]),
                    recentSex[i],
                    desa,
                    phone(),
                    recentJob[i],
                    List.of(),
                    null);
        }

        private void remember(String name, long birth, Sex sex, int kab, String job) {
            int slot = recentCount < RECENT ? recentCount++ : rnd.nextInt(RECENT);
            recentName[slot] = name;
            recentBirth[slot] = birth;
            recentSex[slot] = sex;
            recentKab[slot] = kab;
            recentJob[slot] = job;
        }

        private int pickKab() {
            double u = rnd.nextDouble();
            for (int k = 0; k < kabCumulative.length; k++) {
                if (u < kabCumulative[k]) {
                    return k;
                }
            }
            return kabCumulative.length - 1;
        }

        /** Where the NIK was first issued: mostly here, sometimes elsewhere in the kab/kota or the province. */
        private int registrationKecamatan(int kab, int kec) {
            int u = rnd.nextInt(100);
            if (u < 85) {
                return kec;
            }
            int from = u < 95 ? kab : pickKab();
            return kabFirstKec[from] + rnd.nextInt(kabKecCount[from]);
        }

        /** A birth day (epoch day) of someone who is {@code age} on the reference date. */
        private long birthDayForAge(int age) {
            long latest = referenceDate.minusYears(age).toEpochDay();
            long earliest = referenceDate.minusYears(age + 1L).toEpochDay() + 1;
            return earliest + rnd.nextLong(latest - earliest + 1);
        }

        private int ageOn(long birth) {
            LocalDate born = LocalDate.ofEpochDay(birth);
            int age = referenceDate.getYear() - born.getYear();
            return born.plusYears(age).isAfter(referenceDate) ? age - 1 : age;
        }

        /** The next free serial of the kecamatan for the birth date (another kecamatan of the kab/kota if full). */
        private String nik(int kec, long birth, Sex sex) {
            int day = (int) (birth - minSerialDay);
            if (day < 0 || day >= serialDays) {
                throw new IllegalStateException(
                        "birth date outside the NIK serial range: " + LocalDate.ofEpochDay(birth));
            }
            int kab = kabOf(kec);
            int candidate = kec;
            for (int tries = 0; tries < kabKecCount[kab]; tries++) {
                int slot = candidate * serialDays + day;
                if (serials[slot] < MAX_SERIAL) {
                    int serial = ++serials[slot];
                    return nikDigits(kecDigits[candidate], LocalDate.ofEpochDay(birth), sex, serial);
                }
                candidate = kabFirstKec[kab] + (candidate - kabFirstKec[kab] + 1) % kabKecCount[kab];
            }
            throw new IllegalStateException("NIK serials exhausted for " + LocalDate.ofEpochDay(birth));
        }

        private int kabOf(int kec) {
            for (int k = kabFirstKec.length - 1; k >= 0; k--) {
                if (kec >= kabFirstKec[k]) {
                    return k;
                }
            }
            throw new IllegalArgumentException("kecamatan " + kec);
        }

        private String occupation(int kab, Sex sex) {
            String code = kabCode[kab];
            Jobs jobs = urban(code) ? URBAN_JOBS : COASTAL.contains(code) ? COASTAL_JOBS : INLAND_JOBS;
            return (sex == Sex.L ? jobs.men : jobs.women).pick(rnd);
        }

        private @Nullable String phone() {
            if (rnd.nextInt(100) < 8) {
                return null;
            }
            int u = rnd.nextInt(100);
            int length = u < 5 ? 10 : u < 25 ? 11 : u < 80 ? 12 : 13;
            StringBuilder sb = new StringBuilder(length).append(KalbarNames.pick(PHONE_PREFIXES, rnd));
            sb.append((char) ('1' + rnd.nextInt(9)));
            while (sb.length() < length) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            return sb.toString();
        }

        private List<BulkRelative> family(int kab, int kec, Sex sex, int age, long birth, Group group, String name) {
            List<BulkRelative> relatives = new ArrayList<>(4);
            double married = age < 22 ? 0.15 : age < 30 ? 0.50 : 0.80;
            if (rnd.nextDouble() < married) {
                Sex spouseSex = sex == Sex.L ? Sex.P : Sex.L;
                int spouseAge =
                        sex == Sex.L ? Math.max(MIN_AGE, age - rnd.nextInt(8)) : Math.min(75, age + rnd.nextInt(10));
                long spouseBirth = birthDayForAge(spouseAge);
                Group spouseGroup = rnd.nextInt(100) < 85 ? group : KalbarNames.group(kabCode[kab], rnd);
                String spouseName = KalbarNames.fullName(spouseGroup, spouseSex, rnd, null);
                String spouseNik = rnd.nextInt(100) < 97
                        ? nik(rnd.nextInt(100) < 80 ? kec : registrationKecamatan(kab, kec), spouseBirth, spouseSex)
                        : null;
                relatives.add(new BulkRelative(
                        RelationType.SPOUSE,
                        spouseName,
                        spouseNik,
                        LocalDate.ofEpochDay(spouseBirth),
                        spouseSex,
                        true));
                // children carry the father's family name (Chinese) or marga (Batak)
                Group fatherGroup = sex == Sex.L ? group : spouseGroup;
                String fatherName = sex == Sex.L ? name : spouseName;
                children(relatives, kec, birth, fatherGroup, KalbarNames.familyNameOf(fatherGroup, fatherName));
            } else if (age < 35 && rnd.nextInt(100) < 40) {
                Sex parentSex = rnd.nextInt(100) < 60 ? Sex.P : Sex.L;
                long parentBirth = birthDayForAge(Math.min(75, age + 20 + rnd.nextInt(19)));
                String family = parentSex == Sex.L ? KalbarNames.familyNameOf(group, name) : null;
                String parentName = KalbarNames.fullName(group, parentSex, rnd, family);
                String parentNik = rnd.nextInt(100) < 95 ? nik(kec, parentBirth, parentSex) : null;
                relatives.add(new BulkRelative(
                        RelationType.PARENT,
                        parentName,
                        parentNik,
                        LocalDate.ofEpochDay(parentBirth),
                        parentSex,
                        true));
            }
            return relatives;
        }

        private void children(
                List<BulkRelative> relatives, int kec, long parentBirth, Group group, @Nullable String familyName) {
            long earliest = Math.max(
                    LocalDate.ofEpochDay(parentBirth).plusYears(19).toEpochDay(),
                    referenceDate.minusYears(30).toEpochDay());
            long latest = referenceDate.toEpochDay();
            if (earliest > latest) {
                return;
            }
            int u = rnd.nextInt(100);
            int count = u < 15 ? 0 : u < 45 ? 1 : u < 77 ? 2 : u < 95 ? 3 : 4;
            long[] births = new long[count];
            for (int i = 0; i < count; i++) {
                births[i] = earliest + rnd.nextLong(latest - earliest + 1);
            }
            Arrays.sort(births);
            for (long childBirth : births) {
                Sex childSex = rnd.nextBoolean() ? Sex.L : Sex.P;
                int childAge = ageOn(childBirth);
                int withoutNik = childAge < 1 ? 50 : childAge < 5 ? 15 : 3;
                String nik = rnd.nextInt(100) < withoutNik ? null : nik(kec, childBirth, childSex);
                String childName = KalbarNames.fullName(group, childSex, rnd, familyName);
                relatives.add(new BulkRelative(
                        RelationType.CHILD, childName, nik, LocalDate.ofEpochDay(childBirth), childSex, childAge < 23));
            }
        }

        private BulkBusiness business(int kab, int kec, String desa, String ownerName, Group group, Sex sex) {
            String code = kabCode[kab];
            Weighted<Kbli> kblis = urban(code) ? URBAN_KBLI : COASTAL.contains(code) ? COASTAL_KBLI : INLAND_KBLI;
            Kbli kbli = kblis.pick(rnd);
            String label;
            if (group != Group.TIONGHOA && rnd.nextInt(100) < 40) {
                label = (sex == Sex.L ? "Pak " : "Bu ") + ownerName.substring(ownerName.lastIndexOf(' ') + 1);
            } else {
                label = KalbarNames.pick(BUSINESS_WORDS, rnd);
            }
            int u = rnd.nextInt(1000);
            BusinessScale scale =
                    u < 900 ? BusinessScale.MIKRO : u < 985 ? BusinessScale.KECIL : BusinessScale.MENENGAH;
            int workers = switch (scale) {
                case MIKRO -> new int[] {0, 1, 1, 1, 2, 2, 2, 3, 3, 4}[rnd.nextInt(10)];
                case KECIL -> 5 + rnd.nextInt(15);
                case MENENGAH -> 20 + rnd.nextInt(80);
            };
            String where = rnd.nextInt(10) < 9 ? desa : KalbarNames.pick(kecDesa[kec], rnd);
            // a bijection of the business number onto 10 digits: unique and random-looking
            long body = Math.floorMod(businesses++ * 1_234_567_891L + nibOffset, 10_000_000_000L);
            String nib = "912" + String.format(Locale.ROOT, "%010d", body);
            return new BulkBusiness(nib, kbli.pattern().formatted(label), kbli.code(), scale, where, workers);
        }
    }

    private static String nikDigits(char[] kecamatan, LocalDate birth, Sex sex, int serial) {
        char[] nik = new char[16];
        System.arraycopy(kecamatan, 0, nik, 0, 6);
        two(nik, 6, birth.getDayOfMonth() + (sex == Sex.P ? 40 : 0));
        two(nik, 8, birth.getMonthValue());
        two(nik, 10, birth.getYear() % 100);
        two(nik, 12, serial / 100);
        two(nik, 14, serial % 100);
        return new String(nik);
    }

    private static void two(char[] into, int at, int value) {
        into[at] = (char) ('0' + value / 10);
        into[at + 1] = (char) ('0' + value % 10);
    }

    private static final class Jobs {

        final Weighted<String> men = new Weighted<>();
        final Weighted<String> women = new Weighted<>();

        Jobs add(String job, int menWeight, int womenWeight) {
            men.add(job, menWeight);
            women.add(job, womenWeight);
            return this;
        }
    }

    /** Values with integer weights, picked by one draw. */
    private static final class Weighted<T> {

        private final List<T> values = new ArrayList<>();
        private final List<Integer> cumulative = new ArrayList<>();
        private int total;

        Weighted<T> add(T value, int weight) {
            if (weight == 0) {
                return this;
            }
            total += weight;
            values.add(value);
            cumulative.add(total);
            return this;
        }

        T pick(SplittableRandom rnd) {
            int u = rnd.nextInt(total);
            for (int i = 0; i < values.size(); i++) {
                if (u < cumulative.get(i)) {
                    return values.get(i);
                }
            }
            throw new IllegalStateException();
        }
    }
}
