-- Stamps on the business clock (issue 17, platform V58): lindung_now() is now() in production.
ALTER TABLE coverage_denominator ALTER COLUMN updated_at SET DEFAULT lindung_now();
ALTER TABLE coverage_target ALTER COLUMN updated_at SET DEFAULT lindung_now();
ALTER TABLE coverage_published_month ALTER COLUMN published_at SET DEFAULT lindung_now();
ALTER TABLE coverage_revision ALTER COLUMN detected_at SET DEFAULT lindung_now();
