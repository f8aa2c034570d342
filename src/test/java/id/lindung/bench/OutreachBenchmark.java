package id.lindung.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import id.lindung.bench.ContributionBenchmark.Args;
import id.lindung.outreach.Channel;
import id.lindung.outreach.Outbox;
import id.lindung.outreach.OutgoingMessage;
import id.lindung.outreach.OutreachRuns;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outreach at scale (issue 19 point 7): the day's reminder generation and queueing for N BPU members (default
 * 100,000; goal under a minute), then the dispatcher's delivery rate against an in-process SMTP server (GreenMail)
 * and a local webhook receiver that checks every signature. Not a test; run it by hand (see docs/benchmarks.md,
 * "Outreach: reminders and delivery"):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q -B -Dlindung.build.dir=target-outreach test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=id.lindung.bench.OutreachBenchmark -Dexec.args=100000
 * </pre>
 *
 * <p><b>Set-up (not measured).</b> N demo participants (seed 61) bulk-loaded, each given a valid phone number and one
 * BPU membership paying itself, in four states of a quarter each by a hash of the participant (set-based SQL, bills
 * written straight into the ledger's table): this month's bill open and due within the week (due soon), last
 * month's bill overdue (missed), three months overdue (last month before lapse), a membership lapsed last month
 * (lapsed). Every member thus gets exactly one reminder. The business clock is 10 December 2026, 08:00 WIB unless
 * {@code --lindung.clock.start} is given (a BPU bill falls due on the 15th).
 *
 * <p><b>Measured.</b> (1) {@code emails} e-mails queued through {@code Outbox.enqueue}, then dispatcher passes until
 * none is left or {@code deliverFor} passed: e-mails per second through SMTP (any left are cancelled). (2) The day's reminder generation
 * (one query, phones sealed, inserts in chunks), checked per kind; the same again (queues nothing). (3) Dispatcher
 * passes over the reminders for at most {@code deliverFor}: SMS per second through the signed webhook. Options
 * {@code key=value}: N, {@code emails} (500), {@code deliverFor} (PT60S); any {@code --property=value}.
 */
public final class OutreachBenchmark {

    private static final String SECRET = "bench-webhook-secret";

    private OutreachBenchmark() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        long members = SnapBenchmark.count(args, 100_000);
        int emails = Integer.parseInt(a.options().getOrDefault("emails", "500"));
        Duration deliverFor = Duration.parse(a.options().getOrDefault("deliverFor", "PT60S"));
        String loadBefore = ContributionBenchmark.loadAverage();

        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        AtomicInteger received = new AtomicInteger();
        AtomicInteger badSignatures = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String timestamp = exchange.getRequestHeaders().getFirst(OutreachRuns.TIMESTAMP);
            String signature = exchange.getRequestHeaders().getFirst(OutreachRuns.SIGNATURE);
            boolean ok =
                    timestamp != null && signature != null && OutreachRuns.signed(SECRET, timestamp, body, signature);
            (ok ? received : badSignatures).incrementAndGet();
            exchange.sendResponseHeaders(ok ? 200 : 401, -1);
            exchange.close();
        });
        receiver.start();
        List<String> appArgs = new ArrayList<>(a.appArgs());
        appArgs.add("--spring.mail.host=127.0.0.1");
        appArgs.add("--spring.mail.port=" + smtp.getSmtp().getPort());
        appArgs.add("--lindung.outreach.webhook-url=http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook");
        appArgs.add("--lindung.outreach.webhook-secret=" + SECRET);
        if (appArgs.stream().noneMatch(s -> s.startsWith("--lindung.clock.start="))) {
            appArgs.add("--lindung.clock.start=2026-12-10T08:00:00");
        }
        ConfigurableApplicationContext context = ContributionBenchmark.start(appArgs);
        try {
            run(context, members, emails, deliverFor, smtp, received, badSignatures, loadBefore);
        } finally {
            context.close();
            receiver.stop(0);
            smtp.stop();
        }
    }

    private static void run(
            ConfigurableApplicationContext context,
            long members,
            int emails,
            Duration deliverFor,
            GreenMail smtp,
            AtomicInteger received,
            AtomicInteger badSignatures,
            String loadBefore) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        YearMonth month = YearMonth.now(context.getBean(Clock.class));
        System.out.printf(
                Locale.ROOT,
                "%n=== Outreach benchmark: %,d members, %,d e-mails, month %s, load average %s ===%n",
                members,
                emails,
                month,
                loadBefore);

        // ------------------------------------------------------------------ setup (not measured)
        ContributionBenchmark.loadRegistry(context, members, "outreach benchmark");
        long t0 = System.nanoTime();
        jdbc.sql("UPDATE participant SET phone = '0812' || lpad(id::text, 8, '0')")
                .update();
        jdbc.sql("""
                INSERT INTO membership (participant_id, segment, channel, programmes, sector, government_paid,
                                        start_month, end_month, end_reason, ended_at, region_code)
                SELECT p.id, 'BPU', 'SELF', 'JKK,JKM', 'OTHER', false,
                       (CAST(:month AS date) - make_interval(months => (ARRAY[0, 1, 3, 6])[h.k + 1]))::date,
                       CASE WHEN h.k = 3 THEN (CAST(:month AS date) - INTERVAL '1 month')::date END,
                       CASE WHEN h.k = 3 THEN 'LAPSED' END,
                       CASE WHEN h.k = 3 THEN now() END,
                       p.region_code
                  FROM participant p
                 CROSS JOIN LATERAL (SELECT ((hashint8(p.id)::bigint + 2147483648) % 4)::int AS k) h
                 ORDER BY p.id""").param("month", date(month)).update();
        // open bills from the start month through this month for the running memberships, due on the 15th
        long bills = jdbc.sql("""
                INSERT INTO bill (membership_id, period, due_date, amount, paid, status, province_code)
                SELECT m.id, g.period::date, (g.period + INTERVAL '14 days')::date, 16800, 0, 'OPEN', m.province_code
                  FROM membership m
                 CROSS JOIN LATERAL generate_series(m.start_month, CAST(:month AS date), INTERVAL '1 month')
                       AS g (period)
                 WHERE m.end_month IS NULL""").param("month", date(month)).update();
        jdbc.sql("VACUUM ANALYZE participant").update();
        jdbc.sql("VACUUM ANALYZE membership").update();
        jdbc.sql("VACUUM ANALYZE bill").update();
        long expected = jdbc.sql("SELECT count(*) FROM participant WHERE status = 'ACTIVE'")
                .query(Long.class)
                .single();
        System.out.printf(
                Locale.ROOT,
                "setup: phones, %,d memberships, %,d open bills in %,d ms; %,d active participants%n",
                members,
                bills,
                ContributionBenchmark.ms(t0),
                expected);

        // ------------------------------------------------------------------ 1. e-mail through SMTP
        Outbox outbox = context.getBean(Outbox.class);
        for (int i = 0; i < emails; i++) {
            outbox.enqueue(new OutgoingMessage(
                    Channel.EMAIL,
                    "peserta" + i + "@example.co.id",
                    "bench",
                    "bench-mail-" + i,
                    "Pengingat iuran",
                    "Iuran Anda bulan ini Rp16.800. Bayar melalui VA sebelum tanggal 15.",
                    false));
        }
        String loadMail = ContributionBenchmark.loadAverage();
        double[] mail = deliver(context, emails, deliverFor);
        int inSmtp = smtp.getReceivedMessages().length;
        System.out.printf(
                Locale.ROOT,
                "e-mail: %,d delivered in %.1f s = %.0f messages/s (%d dispatcher passes); GreenMail received %,d;"
                        + " load average %s%n",
                (long) mail[0],
                mail[1],
                mail[0] / mail[1],
                (long) mail[2],
                inSmtp,
                loadMail);
        ContributionBenchmark.check(inSmtp == (long) mail[0], "e-mails received by SMTP", (long) mail[0], inSmtp);
        // the dispatcher serves both channels: e-mails left when the time was up must not count as SMS below
        int leftOver = jdbc.sql("UPDATE outreach_message SET status = 'CANCELLED' WHERE status = 'QUEUED'")
                .update();
        if (leftOver > 0) {
            System.out.printf(Locale.ROOT, "  %,d e-mails not delivered in the time set: cancelled%n", leftOver);
        }

        // ------------------------------------------------------------------ 2. the day's reminders
        String loadReminders = ContributionBenchmark.loadAverage();
        t0 = System.nanoTime();
        int queued = OutreachRuns.remindToday(context);
        long generateMs = ContributionBenchmark.ms(t0);
        t0 = System.nanoTime();
        int again = OutreachRuns.remindToday(context);
        long againMs = ContributionBenchmark.ms(t0);
        System.out.printf(
                Locale.ROOT,
                "reminders: %,d generated and queued in %,d ms (load average before %s); the same day again: %,d in"
                        + " %,d ms%n",
                queued,
                generateMs,
                loadReminders,
                again,
                againMs);
        Map<String, Long> kinds = new java.util.TreeMap<>();
        jdbc.sql("SELECT kind, count(*) FROM outreach_message WHERE channel = 'SMS' GROUP BY kind")
                .query(rs -> {
                    kinds.put(rs.getString(1), rs.getLong(2));
                });
        System.out.println("  per kind: " + kinds);
        ContributionBenchmark.check(queued == expected, "reminders queued, one per active member", expected, queued);
        ContributionBenchmark.check(again == 0, "reminders queued by the second run", 0, again);
        ContributionBenchmark.check(kinds.size() == 4, "reminder kinds", 4, kinds.keySet());

        // ------------------------------------------------------------------ 3. SMS through the webhook
        String loadSms = ContributionBenchmark.loadAverage();
        double[] sms = deliver(context, queued, deliverFor);
        System.out.printf(
                Locale.ROOT,
                "SMS: %,d delivered in %.1f s = %.0f messages/s (%d dispatcher passes); the receiver accepted %,d,"
                        + " %d bad signatures; load average %s, at the end %s%n",
                (long) sms[0],
                sms[1],
                sms[0] / sms[1],
                (long) sms[2],
                received.get(),
                badSignatures.get(),
                loadSms,
                ContributionBenchmark.loadAverage());
        ContributionBenchmark.check(received.get() == (long) sms[0], "SMS received", (long) sms[0], received.get());
        ContributionBenchmark.check(badSignatures.get() == 0, "bad signatures", 0, badSignatures.get());
        long delivered = jdbc.sql("SELECT count(*) FROM outreach_message WHERE status = 'DELIVERED'")
                .query(Long.class)
                .single();
        ContributionBenchmark.check(
                delivered == (long) (mail[0] + sms[0]), "messages DELIVERED", (long) (mail[0] + sms[0]), delivered);
    }

    /** Dispatcher passes until {@code count} were delivered, a pass delivers none, or the time is up. */
    private static double[] deliver(ConfigurableApplicationContext context, long count, Duration atMost) {
        long t0 = System.nanoTime();
        long end = t0 + atMost.toNanos();
        long delivered = 0;
        long passes = 0;
        while (delivered < count && System.nanoTime() < end) {
            int n = OutreachRuns.dispatch(context);
            passes++;
            delivered += n;
            if (n == 0) {
                break;
            }
        }
        return new double[] {delivered, (System.nanoTime() - t0) / 1e9, passes};
    }

    private static Date date(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }
}
