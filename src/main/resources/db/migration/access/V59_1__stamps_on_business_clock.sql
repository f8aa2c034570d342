-- Stamps on the business clock (issue 17, platform V58): lindung_now() is now() in production.
ALTER TABLE app_user ALTER COLUMN created_at SET DEFAULT lindung_now();
