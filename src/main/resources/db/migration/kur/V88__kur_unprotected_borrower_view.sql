-- Published for outreach's "KUR borrower not yet protected" reminder (issue 19 point 7): one row per borrower (the
-- NIK's blind index, latest loan as in kur_borrower_coverage_v) matched to a participant and not protected now by
-- the contribution rule; the kab/kota and day of that latest loan. Nothing else of the loan (bank, plafond, scheme).
CREATE VIEW kur_unprotected_borrower_v AS
WITH borrower AS (
  SELECT DISTINCT ON (nik_hash) nik_hash, participant_id, kabkota_code, disbursed_on
    FROM kur_loan
   ORDER BY nik_hash, disbursed_on DESC, bank_code, loan_id
), protected_now AS (
  SELECT DISTINCT v.participant_id
    FROM contribution_protected_month_v p
    JOIN enrolment_membership_v v ON v.membership_id = p.membership_id
   WHERE p.month = date_trunc('month', lindung_today())::date AND v.programmes LIKE '%JKK%'
)
SELECT b.participant_id, b.kabkota_code, b.disbursed_on
  FROM borrower b
 WHERE b.participant_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM protected_now n WHERE n.participant_id = b.participant_id);
