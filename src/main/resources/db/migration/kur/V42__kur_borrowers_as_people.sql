-- The dashboard's KUR figure counts people, and "protected now" by the contribution rule (issue 15, point 10).
-- A borrower is a person (the NIK's blind index): two loans of one borrower, at one bank or two, are one borrower,
-- counted in the region of the latest loan (then the bank, then the loan id decide), so the regions add up to the
-- province. Protected now = the matched participant has a membership with JKK whose current month (business date,
-- WIB) is in contribution_protected_month_v: the rule of the status API and of coverage, not the loan's
-- match_status (which the KUR work list keeps for its own purpose).
CREATE OR REPLACE VIEW kur_borrower_coverage_v AS
WITH borrower AS (
  SELECT DISTINCT ON (nik_hash) nik_hash, participant_id, left(region_code, 8) AS region_key
    FROM kur_loan
   ORDER BY nik_hash, disbursed_on DESC, bank_code, loan_id
), protected_now AS (
  SELECT DISTINCT v.participant_id
    FROM contribution_protected_month_v p
    JOIN enrolment_membership_v v ON v.membership_id = p.membership_id
   WHERE p.month = date_trunc('month', lindung_today())::date AND v.programmes LIKE '%JKK%'
)
SELECT b.region_key, count(*) AS borrowers, count(n.participant_id) AS protected_now
  FROM borrower b
  LEFT JOIN protected_now n ON n.participant_id = b.participant_id
 GROUP BY b.region_key;
