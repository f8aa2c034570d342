-- Protection follows money (issue 15). The rules that turn a membership's ledger of owed and paid months into
-- protection, as dated rows with their legal basis like the rates; Statements (a member on a day) and the view below
-- (every member, every month) both read them.
--
-- kind:
--   PAID_MONTH_ONLY  the segment is protected in a month only when that month is paid (BPU from its first payment;
--                    construction and PMI for the contract once their one bill is paid); months = 0
--   ARREARS_GRACE    (PU) a month not yet paid stays protected while the employer owes at most `months` bills past
--                    their due date, counted from the day the membership was registered; beyond it the worker's claim
--                    is the employer's liability
--   LAPSE_AFTER      (BPU) more than `months` consecutive unpaid months end the membership
CREATE TABLE contribution_protection_rule (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  segment      VARCHAR(5)   NOT NULL CHECK (segment IN ('PU','BPU','JAKON','PMI')),
  kind         VARCHAR(15)  NOT NULL CHECK (kind IN ('PAID_MONTH_ONLY','ARREARS_GRACE','LAPSE_AFTER')),
  months       INTEGER      NOT NULL CHECK (months >= 0 AND months <= 24),
  valid_from   DATE         NOT NULL,
  valid_to     DATE,
  legal_basis  VARCHAR(200) NOT NULL,
  source       VARCHAR(300) NOT NULL,
  unconfirmed  BOOLEAN      NOT NULL DEFAULT FALSE,
  note         VARCHAR(300),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

INSERT INTO contribution_protection_rule (segment, kind, months, valid_from, valid_to, legal_basis, source,
                                          unconfirmed, note)
VALUES
 ('PU', 'ARREARS_GRACE', 3, '2015-07-01', NULL, 'PP 44/2015; BPJS Ketenagakerjaan (status nonaktif setelah 3 bulan menunggak)',
  'bpjsketenagakerjaan.go.id/artikel/18884', TRUE,
  'Typically 3 consecutive months of employer arrears make the worker non-active; beyond it the employer bears the benefit'),
 ('BPU', 'PAID_MONTH_ONLY', 0, '2015-07-01', NULL, 'Panduan BPJS Ketenagakerjaan BPU (perlindungan setelah iuran dibayar)',
  'BPJS TK BPU guidance; domain reference 2b', TRUE,
  'Protection begins with the first paid contribution and runs to the end of the last paid month (masa perlindungan)'),
 ('BPU', 'LAPSE_AFTER', 3, '2015-07-01', '2022-06-30', 'Perdir 22/PERDIR.02/072022 (Grace Period dan Nonaktif Kepesertaan BPU)',
  'BPJS TK "908 - PROBIS KEPESERTAAN" §12', TRUE,
  'The 2022 rule applied to earlier months too: the rule before July 2022 was not found'),
 ('BPU', 'LAPSE_AFTER', 3, '2022-07-01', NULL, 'Perdir 22/PERDIR.02/072022 (Grace Period dan Nonaktif Kepesertaan BPU)',
  'BPJS TK "908 - PROBIS KEPESERTAAN" §12, online.flipbuilder.com/kduhm/fxda p.59', FALSE,
  'Arrears of at most 3 months may be settled; more than 3 consecutive unpaid months end the membership'),
 ('JAKON', 'PAID_MONTH_ONLY', 0, '2015-07-01', NULL, 'Permenakertrans 44/2015 (iuran dibayar di muka untuk masa proyek)',
  'domain reference 2c', TRUE, 'The project is protected for its contract period once its one bill is paid'),
 ('PMI', 'PAID_MONTH_ONLY', 0, '2023-03-01', NULL, 'Permenaker 4/2023 Pasal 18 (iuran paket)',
  'pasal.id Permenaker 4/2023', TRUE, 'The contract is protected once its package is paid');

CREATE OR REPLACE VIEW contribution_overdue_v AS
SELECT membership_id, count(*) AS overdue_bills, min(period) AS first_overdue_period
  FROM bill
 WHERE status = 'OPEN' AND due_date < lindung_today()
 GROUP BY membership_id;

-- A wage earner's (PU) months protected without payment, as ranges: per membership and run of months with one arrears
-- grace (the rule valid on a run's first month holds for the run; no rule: 0), from the month the membership was
-- registered (back-dating is arrears, not protection) to its end or the current month, and at most to the month of
-- the overdue bill (open past its due date) that puts the employer more than `months` bills behind: "at most `months`
-- overdue bills before the month" holds exactly up to that month. Internal to contribution_protected_month_v (a view,
-- not a CTE, so that a reader asking for one membership reaches the bills through their index).
CREATE VIEW contribution_pu_grace_range_v AS
WITH today AS (SELECT lindung_today() AS d, date_trunc('month', lindung_today())::date AS month),
grace AS MATERIALIZED (
  SELECT x.first, coalesce((lead(x.first) OVER (ORDER BY x.first) - INTERVAL '1 month')::date, DATE '9999-12-01') AS last,
         coalesce(g.months, 0) AS months
    FROM (SELECT DATE '1900-01-01' AS first
          UNION
          SELECT CASE WHEN r.valid_from = date_trunc('month', r.valid_from) THEN r.valid_from
                      ELSE (date_trunc('month', r.valid_from) + INTERVAL '1 month')::date END
            FROM contribution_protection_rule r WHERE r.segment = 'PU' AND r.kind = 'ARREARS_GRACE'
          UNION
          SELECT (date_trunc('month', r.valid_to) + INTERVAL '1 month')::date
            FROM contribution_protection_rule r
           WHERE r.segment = 'PU' AND r.kind = 'ARREARS_GRACE' AND r.valid_to IS NOT NULL) x
    LEFT JOIN LATERAL (SELECT r.months FROM contribution_protection_rule r
                        WHERE r.segment = 'PU' AND r.kind = 'ARREARS_GRACE' AND r.valid_from <= x.first
                          AND (r.valid_to IS NULL OR x.first <= r.valid_to)
                        ORDER BY r.valid_from DESC LIMIT 1) g ON TRUE
)
SELECT v.membership_id, v.start_month, x.last,
       greatest(x.registered, g.first) AS lo, least(x.last, g.last, o.period) AS hi
  FROM enrolment_membership_v v
 CROSS JOIN today t
 CROSS JOIN LATERAL (SELECT least(coalesce(v.end_month, t.month), t.month) AS last,
                            greatest(v.start_month, date_trunc('month', v.registered_on)::date) AS registered) x
  JOIN grace g ON g.first <= x.last AND g.last >= x.registered
  LEFT JOIN (SELECT b.membership_id, b.period,
                    row_number() OVER (PARTITION BY b.membership_id ORDER BY b.period) AS k
               FROM bill b JOIN enrolment_membership_v w ON w.membership_id = b.membership_id
              WHERE w.segment = 'PU' AND b.status = 'OPEN' AND b.due_date < lindung_today()
                AND b.period >= w.start_month
                AND b.period <= least(coalesce(w.end_month, date_trunc('month', lindung_today())::date),
                                      date_trunc('month', lindung_today())::date)) o
         ON o.membership_id = v.membership_id AND o.k = g.months + 1
 WHERE v.segment = 'PU';

-- Published for set-based readers (coverage, KUR, Paritrana): one row per membership and month in which it is
-- protected, as known now (payments recorded so far count, including late ones), from its start month to the
-- current month (construction and PMI: the whole contract). The same rule as Statements.status for a single day:
-- BPU a paid month; PU a paid month, or a month within the employer's arrears grace (the ranges above; a paid month
-- inside a range is listed once, by the range); construction and PMI the contract once its one bill is paid.
-- Written set-wise (one pass over the paid bills, the overdue ones read for the ranges) rather than month by month
-- with a running count, which took minutes for 1,000,000 memberships and 17,000,000 bills.
CREATE VIEW contribution_protected_month_v AS
WITH today AS (SELECT lindung_today() AS d, date_trunc('month', lindung_today())::date AS month),
paid AS (
  SELECT b.membership_id, b.period AS month
    FROM bill b JOIN enrolment_membership_v v ON v.membership_id = b.membership_id
   CROSS JOIN today t
    LEFT JOIN contribution_pu_grace_range_v r ON r.membership_id = b.membership_id AND b.period BETWEEN r.lo AND r.hi
   WHERE b.status = 'PAID' AND r.membership_id IS NULL AND b.period >= v.start_month
     AND ((v.segment = 'BPU' AND (v.end_month IS NULL OR b.period <= v.end_month))
       OR (v.segment = 'PU' AND b.period <= least(coalesce(v.end_month, t.month), t.month)))
),
pu AS (
  SELECT r.membership_id, m.month::date AS month
    FROM contribution_pu_grace_range_v r
   CROSS JOIN LATERAL generate_series(r.lo, r.hi, INTERVAL '1 month') m(month)
),
contract AS (
  SELECT v.membership_id, m.month::date AS month
    FROM enrolment_membership_v v
    JOIN bill b ON b.membership_id = v.membership_id AND b.period = v.start_month AND b.status = 'PAID'
    CROSS JOIN LATERAL generate_series(v.start_month, coalesce(v.end_month, v.start_month), INTERVAL '1 month') m(month)
   WHERE v.segment IN ('JAKON', 'PMI')
)
SELECT membership_id, month FROM paid
UNION ALL SELECT membership_id, month FROM pu
UNION ALL SELECT membership_id, month FROM contract;
