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

-- Published for set-based readers (coverage, KUR, Paritrana): one row per membership and month in which it is
-- protected, as known now (payments recorded so far count, including late ones), from its start month to the
-- current month (construction and PMI: the whole contract). The same rule as Statements.status for a single day.
CREATE VIEW contribution_protected_month_v AS
WITH today AS (SELECT lindung_today() AS d, date_trunc('month', lindung_today())::date AS month),
-- paid months of the monthly segments
paid AS (
  SELECT b.membership_id, b.period AS month
    FROM bill b JOIN enrolment_membership_v v ON v.membership_id = b.membership_id
   WHERE b.status = 'PAID' AND v.segment = 'BPU'
     AND b.period >= v.start_month AND (v.end_month IS NULL OR b.period <= v.end_month)
),
-- wage earners: every month from the start, paid or within the employer's arrears grace
pu AS (
  SELECT s.membership_id, s.month
    FROM (SELECT v.membership_id, m.month::date AS month, v.registered_on, b.status = 'PAID' AS paid,
                 count(*) FILTER (WHERE b.status = 'OPEN' AND b.due_date < t.d)
                   OVER (PARTITION BY v.membership_id ORDER BY m.month
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS overdue_before
            FROM enrolment_membership_v v CROSS JOIN today t
            CROSS JOIN LATERAL generate_series(v.start_month, least(coalesce(v.end_month, t.month), t.month),
                                               INTERVAL '1 month') m(month)
            LEFT JOIN bill b ON b.membership_id = v.membership_id AND b.period = m.month::date
                            AND b.status <> 'CANCELLED'
           WHERE v.segment = 'PU') s
    LEFT JOIN LATERAL (SELECT r.months FROM contribution_protection_rule r
                        WHERE r.segment = 'PU' AND r.kind = 'ARREARS_GRACE' AND r.valid_from <= s.month
                          AND (r.valid_to IS NULL OR s.month <= r.valid_to)
                        ORDER BY r.valid_from DESC LIMIT 1) g ON TRUE
   WHERE s.paid
      OR (s.registered_on < (s.month + INTERVAL '1 month')::date AND s.overdue_before <= coalesce(g.months, 0))
),
-- construction and PMI: the contract once its one bill is paid
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
