package id.lindung.enrolment;

import java.time.Clock;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo memberships for a demo registry, set-wise and deterministic (a hash of each NIK and the seed): about 30% of
 * participants are wage earners (PU) with one of twenty demo employers of their kab/kota, about 12% informal (BPU)
 * through every channel (self, agent, KUR bank, government sponsor), started over the last five years (PU) or 30
 * months (BPU), some of them ended; and construction projects with their workers (one per 2,500 people of a
 * kab/kota, at least one). No events are
 * published: readers that keep read models rebuild them after a bulk load.
 */
@Service
public class DemoMemberships {

    private static final Logger log = LoggerFactory.getLogger(DemoMemberships.class);

    /** What was generated. */
    public record Generated(long employers, long memberships, long projects) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoMemberships(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Generates memberships for the participants of a province that have none. */
    @Transactional
    public Generated generate(String province, long seed) {
        long started = System.nanoTime();
        YearMonth now = YearMonth.now(clock);
        String like = province + ".%";
        jdbc.sql("""
                CREATE TEMP TABLE demo_person ON COMMIT DROP AS
                SELECT p.participant_id, p.region_code, abs(hashtext(p.name_key || p.birth_date || p.region_code || ':' || :seed)) AS h
                  FROM participant_identity_v p
                 WHERE p.region_code LIKE :like
                   AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.participant_id = p.participant_id)""").param("seed", seed).param("like", like).update();
        long employers = jdbc.sql("""
                INSERT INTO employer (npp, name, risk_class, region_code)
                SELECT 'DEMO' || replace(k.kabkota, '.', '') || lpad(n::text, 2, '0'),
                       (ARRAY['PT Sawit', 'CV Karya', 'PT Borneo', 'Koperasi', 'PT Khatulistiwa'])[1 + n % 5]
                         || ' Demo ' || k.kabkota || '-' || n,
                       1 + (n * 7 + length(k.desa)) % 5, k.desa
                  FROM (SELECT left(region_code, 5) AS kabkota, min(region_code) AS desa FROM demo_person
                         GROUP BY left(region_code, 5)) k
                 CROSS JOIN generate_series(1, 20) n
                ON CONFLICT (npp) DO NOTHING""").update();
        // PU: r < 300 of 1000; start up to 59 months back, one in ten ended between start and last month
        long pu = jdbc.sql("""
                WITH x AS (
                  SELECT d.*, (:now - make_interval(months => (d.h / 1000) % 60))::date AS start_month
                    FROM demo_person d WHERE d.h % 1000 < 300)
                INSERT INTO membership (participant_id, employer_id, segment, channel, programmes, start_month,
                                        end_month, end_reason, ended_at, region_code)
                SELECT x.participant_id, e.id, 'PU', 'EMPLOYER', 'JKK,JKM,JHT,JP,JKP', x.start_month,
                       e2.end_month, CASE WHEN e2.end_month IS NOT NULL THEN 'REQUESTED' END,
                       CASE WHEN e2.end_month IS NOT NULL THEN lindung_now() END, x.region_code
                  FROM x
                  JOIN employer e ON e.npp = 'DEMO' || replace(left(x.region_code, 5), '.', '')
                                             || lpad((1 + (x.h / 7) % 20)::text, 2, '0')
                  CROSS JOIN LATERAL (SELECT CASE WHEN (x.h / 11) % 10 = 0
                                               AND x.start_month + make_interval(months => 1 + (x.h / 13) % 24) < :now
                                             THEN (x.start_month + make_interval(months => (x.h / 13) % 24))::date
                                             END AS end_month) e2""").param("now", now.atDay(1)).update();
        // BPU: 300 <= r < 420; start up to 29 months back; one in five lapsed after 4 to 12 months
        long bpu = jdbc.sql("""
                WITH x AS (
                  SELECT d.*, (:now - make_interval(months => (d.h / 1000) % 30))::date AS start_month,
                         CASE (d.h / 17) % 10 WHEN 0 THEN 'SELF' WHEN 1 THEN 'SELF' WHEN 2 THEN 'SELF' WHEN 3 THEN 'AGENT'
                           WHEN 4 THEN 'AGENT' WHEN 5 THEN 'AGENT' WHEN 6 THEN 'KUR_BANK' WHEN 7 THEN 'KUR_BANK'
                           ELSE 'GOV_SPONSOR' END AS channel
                    FROM demo_person d WHERE d.h % 1000 >= 300 AND d.h % 1000 < 420)
                INSERT INTO membership (participant_id, segment, channel, programmes, government_paid, start_month,
                                        end_month, end_reason, ended_at, region_code)
                SELECT x.participant_id, 'BPU', x.channel,
                       CASE WHEN (x.h / 19) % 4 = 0 THEN 'JKK,JKM,JHT' ELSE 'JKK,JKM' END,
                       x.channel = 'GOV_SPONSOR', x.start_month, e.end_month,
                       CASE WHEN e.end_month IS NOT NULL THEN 'LAPSED' END,
                       CASE WHEN e.end_month IS NOT NULL THEN lindung_now() END, x.region_code
                  FROM x
                  CROSS JOIN LATERAL (SELECT CASE WHEN (x.h / 23) % 5 = 0
                                               AND x.start_month + make_interval(months => 4 + (x.h / 29) % 9) < :now
                                             THEN (x.start_month + make_interval(months => 3 + (x.h / 29) % 9))::date
                                             END AS end_month) e""").param("now", now.atDay(1)).update();
        jdbc.sql("""
                INSERT INTO membership_base (membership_id, effective_from, amount)
                SELECT m.id, m.start_month,
                       CASE WHEN m.segment = 'PU' THEN 3000000 + (m.id % 40) * 100000
                            ELSE 1000000 + (m.id % 5) * 500000 END
                  FROM membership m
                 WHERE m.participant_id IN (SELECT participant_id FROM demo_person)
                ON CONFLICT DO NOTHING""").update();
        // construction: one project per 2,500 people of a kab/kota (at least one), 40 to 400 workers, last 30 months
        long projects =
                jdbc.sql("""
                WITH p AS (
                  INSERT INTO construction_project (employer_id, name, contract_value, start_month, end_month,
                                                    worker_count, region_code)
                  SELECT e.id, 'Proyek ' || (ARRAY['jalan', 'jembatan', 'gedung sekolah', 'irigasi', 'dermaga'])[1 + n % 5]
                           || ' ' || n || ' ' || e.region_code,
                         (500 + (n * 379) % 9500) * 1000000::bigint,
                         (:now - make_interval(months => (n * 7) % 30))::date,
                         (:now - make_interval(months => (n * 7) % 30) + make_interval(months => 6 + (n * 5) % 24))::date,
                         40 + (n * 37) % 361, e.region_code
                    FROM employer e
                    CROSS JOIN LATERAL generate_series(1, greatest(1, (SELECT count(*) FROM demo_person d
                                                                      WHERE left(d.region_code, 5)
                                                                            = left(e.region_code, 5))::int / 2500)) n
                   WHERE e.npp LIKE 'DEMO%' AND right(e.npp, 2) = '01' AND e.region_code LIKE :like
                     AND NOT EXISTS (SELECT 1 FROM construction_project c WHERE c.employer_id = e.id)
                  RETURNING id, employer_id, start_month, end_month, region_code)
                INSERT INTO membership (employer_id, project_id, segment, channel, programmes, start_month, end_month,
                                        end_reason, region_code)
                SELECT employer_id, id, 'JAKON', 'EMPLOYER', 'JKK,JKM', start_month, end_month, 'CONTRACT_ENDED',
                       region_code
                  FROM p""").param("now", now.atDay(1)).param("like", like).update();
        log.info(
                "Demo memberships: {} employers, {} PU, {} BPU, {} construction projects in {} ms",
                employers,
                pu,
                bpu,
                projects,
                (System.nanoTime() - started) / 1_000_000);
        return new Generated(employers, pu + bpu, projects);
    }
}
