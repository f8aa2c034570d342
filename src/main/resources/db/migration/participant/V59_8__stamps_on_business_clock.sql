-- Stamps on the business clock (issue 17, platform V58): lindung_now() is now() in production.
ALTER TABLE participant ALTER COLUMN created_at SET DEFAULT lindung_now();
ALTER TABLE participant ALTER COLUMN updated_at SET DEFAULT lindung_now();
ALTER TABLE participant_relative ALTER COLUMN created_at SET DEFAULT lindung_now();
ALTER TABLE umkm_business ALTER COLUMN created_at SET DEFAULT lindung_now();
ALTER TABLE participant_duplicate ALTER COLUMN detected_at SET DEFAULT lindung_now();
