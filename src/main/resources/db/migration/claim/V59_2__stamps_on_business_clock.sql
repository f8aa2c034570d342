-- Stamps on the business clock (issue 17, platform V58): lindung_now() is now() in production.
ALTER TABLE claim ALTER COLUMN submitted_at SET DEFAULT lindung_now();
ALTER TABLE claim_document ALTER COLUMN uploaded_at SET DEFAULT lindung_now();
ALTER TABLE claim_step ALTER COLUMN at SET DEFAULT lindung_now();
ALTER TABLE claim_scholarship_payment ALTER COLUMN decided_at SET DEFAULT lindung_now();
ALTER TABLE claim_death ALTER COLUMN recorded_at SET DEFAULT lindung_now();
