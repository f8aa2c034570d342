-- Stamps on the business clock (issue 17, platform V58): lindung_now() is now() in production.
ALTER TABLE billing_run ALTER COLUMN started_at SET DEFAULT lindung_now();
ALTER TABLE bill ALTER COLUMN created_at SET DEFAULT lindung_now();
ALTER TABLE payment_file ALTER COLUMN uploaded_at SET DEFAULT lindung_now();
ALTER TABLE payment ALTER COLUMN recorded_at SET DEFAULT lindung_now();
ALTER TABLE contribution_history_import ALTER COLUMN uploaded_at SET DEFAULT lindung_now();
