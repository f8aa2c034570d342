package id.lindung.bench;

import id.lindung.LindungApplication;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.support.Niks;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Does the write policy cost enrolment anything (issue 16, point 2)? Enrols {@code n} BPU members as an officer and
 * {@code n} as a field agent through {@code EnrolmentManagement.enrol} (the path pages and API take: policy, rules,
 * registry read, insert, audit line, event) on a throw-away database (the test profile), after {@code warmup}
 * enrolments, and prints mean, median and p95 per enrolment. Compiles against the code before the policy too, so the
 * same class measures before and after. When {@code enrolment.EnrolmentPolicy} exists it also times the policy's
 * checks alone ({@code policyCalls} calls, default 2,000,000). Arguments starting with {@code --} go to the application.
 *
 * <pre>
 * mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=id.lindung.bench.EnrolmentPolicyBenchmark -Dexec.args="n=3000 warmup=500 rounds=3"
 * </pre>
 */
public final class EnrolmentPolicyBenchmark {

    private static final String KETAPANG_DESA = "61.04.01.2011";

    public static void main(String[] args) throws Exception {
        int n = 3000;
        int warmup = 500;
        int rounds = 3;
        int policyCalls = 2_000_000;
        List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--logging.level.id.lindung=WARN"));
        for (String arg : args) {
            if (arg.startsWith("--")) {
                appArgs.add(arg);
                continue;
            }
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "n" -> n = Integer.parseInt(kv[1]);
                case "warmup" -> warmup = Integer.parseInt(kv[1]);
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "policyCalls" -> policyCalls = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown option " + kv[0]);
            }
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LindungApplication.class)
                .profiles("test")
                .run(appArgs.toArray(String[]::new))) {
            ParticipantManagement participants = app.getBean(ParticipantManagement.class);
            EnrolmentManagement enrolment = app.getBean(EnrolmentManagement.class);
            Clock clock = app.getBean(Clock.class);
            LindungUser officer = new LindungUser("petugas.kalbar", "Petugas", Role.OFFICER, RegionScope.of("61"));
            LindungUser agent = new LindungUser("agen.ketapang", "Agen", Role.AGENT, RegionScope.of("61.04"));
            int total = warmup + 2 * n * rounds;
            System.out.printf(Locale.ROOT, "registering %,d participants…%n", total);
            List<Long> ids = new ArrayList<>(total);
            LocalDate birth = LocalDate.of(1960, 1, 1);
            for (int i = 0; i < total; i++) {
                LocalDate b = birth.plusDays(i % 15_000);
                boolean female = i % 2 == 1;
                String nik = Niks.of("610401", b, female, 1 + i / 15_000);
                ids.add(participants
                        .register(
                                new ParticipantDetails(
                                        nik,
                                        "Peserta " + letters(i),
                                        b,
                                        female ? Sex.P : Sex.L,
                                        KETAPANG_DESA,
                                        null,
                                        null,
                                        null),
                                officer)
                        .participant()
                        .id());
            }
            YearMonth now = YearMonth.now(clock);
            int next = 0;
            for (int i = 0; i < warmup; i++) {
                enrol(enrolment, ids.get(next++), now, i % 2 == 0 ? officer : agent);
            }
            for (int round = 1; round <= rounds; round++) {
                for (LindungUser by : List.of(officer, agent)) {
                    long[] nanos = new long[n];
                    for (int i = 0; i < n; i++) {
                        long t = System.nanoTime();
                        enrol(enrolment, ids.get(next++), now, by);
                        nanos[i] = System.nanoTime() - t;
                    }
                    print("round " + round + " enrol as " + by.role(), nanos);
                }
            }
            policyAlone(app, officer, agent, now, policyCalls);
        }
    }

    /** A name part without digits (names may not hold them): 0 is "A", 26 is "BA". */
    private static String letters(int i) {
        StringBuilder s = new StringBuilder();
        do {
            s.insert(0, (char) ('A' + i % 26));
            i /= 26;
        } while (i > 0);
        return s.toString();
    }

    private static void enrol(EnrolmentManagement enrolment, long participant, YearMonth start, LindungUser by) {
        enrolment.enrol(
                new EnrolmentRequest(
                        participant, Segment.BPU, null, Set.of(), null, 1_000_000L, Sector.OTHER, false, start, null),
                by);
    }

    /** The policy's checks on their own, through reflection so that this class compiles before the policy too. */
    private static void policyAlone(
            ConfigurableApplicationContext app, LindungUser officer, LindungUser agent, YearMonth now, int calls)
            throws Exception {
        Class<?> type;
        try {
            type = Class.forName("id.lindung.enrolment.EnrolmentPolicy");
        } catch (ClassNotFoundException before) {
            System.out.println("no EnrolmentPolicy (the code before the write policy): nothing more to time");
            return;
        }
        Object policy = app.getBean(type);
        Class<?> channel = Class.forName("id.lindung.enrolment.Channel");
        Class<?> borrower = Class.forName("id.lindung.enrolment.KurBorrower");
        Method access = type.getMethod("checkEnrolAccess", LindungUser.class, channel, borrower);
        Method terms = type.getMethod(
                "checkEnrolTerms",
                LindungUser.class,
                Long.class,
                Segment.class,
                Long.class,
                boolean.class,
                Long.class,
                YearMonth.class,
                borrower,
                List.class);
        Object agentChannel = channel.getField("AGENT").get(null);
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                LindungUser by = (i & 1) == 0 ? officer : agent;
                access.invoke(policy, by, agentChannel, null);
                terms.invoke(policy, by, 1L, Segment.BPU, null, false, 1_000_000L, now, null, new ArrayList<>());
            }
            System.out.printf(
                    Locale.ROOT,
                    "policy checks alone (access + terms, reflective call): %.0f ns per "
                            + "enrolment over %,d calls%n",
                    (System.nanoTime() - t) / (double) calls,
                    calls);
        }
    }

    private static void print(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "%-28s n=%,d  mean %.2f ms  p50 %.2f ms  p95 %.2f ms%n",
                label,
                nanos.length,
                mean,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6);
    }
}
