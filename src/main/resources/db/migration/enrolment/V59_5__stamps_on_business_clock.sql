-- Stamps on the business clock (issue 17, platform V58): lindung_now() is now() in production.
ALTER TABLE employer ALTER COLUMN created_at SET DEFAULT lindung_now();
ALTER TABLE construction_project ALTER COLUMN created_at SET DEFAULT lindung_now();
ALTER TABLE membership ALTER COLUMN created_at SET DEFAULT lindung_now();
ALTER TABLE membership_base ALTER COLUMN recorded_at SET DEFAULT lindung_now();
ALTER TABLE membership_start_correction ALTER COLUMN requested_at SET DEFAULT lindung_now();
