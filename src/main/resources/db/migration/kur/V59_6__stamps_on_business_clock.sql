-- Stamps on the business clock (issue 17, platform V58): lindung_now() is now() in production.
ALTER TABLE kur_file ALTER COLUMN uploaded_at SET DEFAULT lindung_now();
ALTER TABLE kur_loan ALTER COLUMN updated_at SET DEFAULT lindung_now();
