-- Stamps on the business clock (issue 17, platform V58): lindung_now() is now() in production.
ALTER TABLE paritrana_cycle ALTER COLUMN created_at SET DEFAULT lindung_now();
ALTER TABLE paritrana_indicator ALTER COLUMN updated_at SET DEFAULT lindung_now();
ALTER TABLE paritrana_participant ALTER COLUMN created_at SET DEFAULT lindung_now();
ALTER TABLE paritrana_evidence ALTER COLUMN entered_at SET DEFAULT lindung_now();
ALTER TABLE paritrana_jury_score ALTER COLUMN scored_at SET DEFAULT lindung_now();
