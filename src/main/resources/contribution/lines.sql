-- The contribution rules in one query: for every fact row (one membership in one month) the bill lines, from the
-- dated rule rows valid in that month. The billing run feeds it memberships to bill; a quote feeds it one
-- hypothetical membership. Both therefore compute with exactly the same rules.
--
-- Rounding: every amount is rounded once to whole rupiah, half up (PostgreSQL round(numeric) rounds half away from
-- zero, the same for these non-negative amounts): each payer's share of a percentage line separately; a tiered
-- amount once per programme after summing its slices; a discount as round(line x pct / 100), subtracted.
WITH facts (membership_id, period, segment, programmes, sector, government_paid, risk_class, base,
           contract_value, contract_months, first_month) AS (
  /*FACTS*/
),
fp AS (          -- one row per fact and programme
  SELECT f.*, pr.programme, pr.ord::int AS ord
    FROM facts f
   CROSS JOIN LATERAL unnest(string_to_array(f.programmes, ',')) WITH ORDINALITY AS pr(programme, ord)
),
monthly AS (     -- PU and BPU every month; PMI's optional JHT every month
  SELECT fp.membership_id, fp.period, fp.segment, fp.sector, fp.government_paid, fp.programme, fp.ord,
         r.id AS rate_id, c.id AS cap_id, r.rate_type, r.employer_pct, r.worker_pct,
         CASE WHEN r.rate_type = 'PERCENT' THEN least(fp.base, coalesce(c.max_base, fp.base))
              WHEN r.rate_type = 'CHOSEN' THEN fp.base END AS base,
         CASE WHEN r.rate_type = 'PERCENT'
              THEN round(least(fp.base, coalesce(c.max_base, fp.base)) * r.employer_pct / 100) ELSE 0 END::bigint
           AS employer_amount,
         CASE WHEN r.rate_type = 'PERCENT'
              THEN round(least(fp.base, coalesce(c.max_base, fp.base)) * r.worker_pct / 100)
              WHEN r.rate_type = 'FLAT' THEN r.flat_amount
              ELSE fp.base END::bigint AS worker_amount
    FROM fp
    JOIN contribution_rate r
      ON r.segment = fp.segment AND r.programme = fp.programme
     AND (r.risk_class IS NULL OR r.risk_class = fp.risk_class)
     AND r.valid_from <= fp.period AND (r.valid_to IS NULL OR fp.period <= r.valid_to)
    LEFT JOIN contribution_base_cap c
      ON c.segment = fp.segment AND c.programme = fp.programme
     AND c.valid_from <= fp.period AND (c.valid_to IS NULL OR fp.period <= c.valid_to)
   WHERE fp.segment IN ('PU', 'BPU') OR (fp.segment = 'PMI' AND fp.programme = 'JHT')
),
tiers AS (
  SELECT t.*, lead(t.lower_bound) OVER (PARTITION BY t.segment, t.programme, t.valid_from ORDER BY t.lower_bound)
           AS upper_bound
    FROM contribution_tier t
),
tiered AS (      -- construction: once, in the project's first month, from the contract value
  SELECT fp.membership_id, fp.period, fp.programme, fp.ord, fp.contract_value AS base,
         round(sum((least(fp.contract_value, coalesce(t.upper_bound, fp.contract_value)) - t.lower_bound)
                   * t.pct / 100))::bigint AS employer_amount,
         'tier:' || string_agg(t.id::text, '+' ORDER BY t.lower_bound) AS rule_ref
    FROM fp
    JOIN tiers t
      ON t.segment = fp.segment AND t.programme = fp.programme AND t.lower_bound < fp.contract_value
     AND t.valid_from <= fp.period AND (t.valid_to IS NULL OR fp.period <= t.valid_to)
   WHERE fp.segment = 'JAKON' AND fp.first_month
   GROUP BY fp.membership_id, fp.period, fp.programme, fp.ord, fp.contract_value
),
packaged AS (    -- PMI JKK+JKM: once, in the first month, before placement and for the contract length
  SELECT f.membership_id, f.period, 'JKK_JKM'::varchar AS programme, 0 AS ord, b.amount AS worker_amount,
         'package:' || b.id AS rule_ref
    FROM facts f
    JOIN contribution_package b
      ON b.segment = f.segment AND b.phase = 'BEFORE'
     AND b.valid_from <= f.period AND (b.valid_to IS NULL OR f.period <= b.valid_to)
   WHERE f.segment = 'PMI' AND f.first_month
  UNION ALL
  SELECT f.membership_id, f.period, 'JKK_JKM', 0,
         coalesce(d.amount, longest.amount + (f.contract_months - longest.contract_months) * extra.amount),
         'package:' || coalesce(d.id::text, longest.id || '+' || extra.id)
    FROM facts f
    LEFT JOIN LATERAL (SELECT p.id, p.amount FROM contribution_package p
                        WHERE p.segment = f.segment AND p.phase = 'DURING' AND p.contract_months >= f.contract_months
                          AND p.valid_from <= f.period AND (p.valid_to IS NULL OR f.period <= p.valid_to)
                        ORDER BY p.contract_months LIMIT 1) d ON TRUE
    LEFT JOIN LATERAL (SELECT p.id, p.amount, p.contract_months FROM contribution_package p
                        WHERE p.segment = f.segment AND p.phase = 'DURING'
                          AND p.valid_from <= f.period AND (p.valid_to IS NULL OR f.period <= p.valid_to)
                        ORDER BY p.contract_months DESC LIMIT 1) longest ON TRUE
    LEFT JOIN LATERAL (SELECT p.id, p.amount FROM contribution_package p
                        WHERE p.segment = f.segment AND p.phase = 'EXTRA_MONTH'
                          AND p.valid_from <= f.period AND (p.valid_to IS NULL OR f.period <= p.valid_to)
                        LIMIT 1) extra ON TRUE
   WHERE f.segment = 'PMI' AND f.first_month
),
discounts AS (
  SELECT m.membership_id, m.period, m.programme, m.ord, d.id AS discount_id, d.pct,
         round(m.employer_amount * d.pct / 100)::bigint AS employer_amount,
         round(m.worker_amount * d.pct / 100)::bigint AS worker_amount
    FROM monthly m
    JOIN contribution_discount d
      ON d.segment = m.segment AND (d.sector IS NULL OR d.sector = m.sector)
     AND m.programme = ANY (string_to_array(d.programmes, ','))
     AND m.period BETWEEN d.from_month AND d.to_month
     AND NOT (d.excludes_government_paid AND m.government_paid)
),
lines AS (
  SELECT membership_id, period, programme, ord, 1 AS kind_order, 'CONTRIBUTION' AS kind, base,
         employer_pct, worker_pct, employer_amount, worker_amount,
         'rate:' || rate_id || coalesce(' cap:' || cap_id, '') AS rule_ref
    FROM monthly
  UNION ALL
  SELECT membership_id, period, programme, ord, 2, 'DISCOUNT', NULL, pct, pct,
         -employer_amount, -worker_amount, 'discount:' || discount_id
    FROM discounts
  UNION ALL
  SELECT membership_id, period, programme, ord, 1, 'CONTRIBUTION', base, NULL, NULL, employer_amount, 0, rule_ref
    FROM tiered
  UNION ALL
  SELECT membership_id, period, programme, ord, 1, 'CONTRIBUTION', NULL, NULL, NULL, 0, worker_amount, rule_ref
    FROM packaged
)
SELECT membership_id, period,
       (row_number() OVER (PARTITION BY membership_id, period ORDER BY ord, kind_order, rule_ref))::smallint
         AS line_no,
       programme, kind, base, employer_pct, worker_pct, employer_amount, worker_amount, rule_ref
  FROM lines
