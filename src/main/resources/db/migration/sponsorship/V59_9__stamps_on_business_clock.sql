-- Stamps on the business clock (issue 17, platform V58): lindung_now() is now() in production.
ALTER TABLE sponsorship_programme ALTER COLUMN created_at SET DEFAULT lindung_now();
ALTER TABLE sponsorship_beneficiary ALTER COLUMN added_at SET DEFAULT lindung_now();
ALTER TABLE sponsorship_file ALTER COLUMN uploaded_at SET DEFAULT lindung_now();
