-- A borrower whose death is recorded (participant status DECEASED) is matched as DECEASED: no outreach, out of the
-- work lists, kept for the bank's own records (issue 15, one event pays once). The next re-match fills it in.
ALTER TABLE kur_loan DROP CONSTRAINT kur_loan_match_status_check;
ALTER TABLE kur_loan ADD CONSTRAINT kur_loan_match_status_check
  CHECK (match_status IN ('PROTECTED','LAPSED','NOT_ENROLLED','DECEASED'));
