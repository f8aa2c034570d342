-- The business date (WIB) for SQL (views, defaults) of every module: the server's current_date follows the server's time zone, seven hours off.
-- lindung.clock_offset (seconds) is the business clock's offset from real time that the application sets on its
-- connections (platform.TimeConfiguration; 0 in production, a fixed start in the tests).
CREATE FUNCTION lindung_today() RETURNS date LANGUAGE sql STABLE AS
$$ SELECT ((now() + make_interval(secs => coalesce(nullif(current_setting('lindung.clock_offset', true), ''), '0')::int))
           AT TIME ZONE 'Asia/Pontianak')::date $$;

-- The day a membership was registered with BPJS Ketenagakerjaan, apart from its start month. A start may lie in the
-- past (back-dating), but back-dating is arrears, not protection: the grace a wage earner (PU) has while the employer
-- has not yet paid runs only from the day the membership was registered. Lindung sets it to the business date (WIB)
-- of enrolment; the contribution-history import of long-standing members moves it back to their first paid month
-- (their registration predates Lindung). Existing rows: the day they were created.
ALTER TABLE membership ADD COLUMN registered_on DATE;
UPDATE membership SET registered_on = (created_at AT TIME ZONE 'Asia/Pontianak')::date;
ALTER TABLE membership ALTER COLUMN registered_on SET NOT NULL,
                       ALTER COLUMN registered_on SET DEFAULT lindung_today();

-- Columns are only added at the end: readers stay valid.
CREATE OR REPLACE VIEW enrolment_membership_v AS
SELECT m.id AS membership_id, m.participant_id, m.segment, m.programmes, m.sector, m.government_paid,
       m.contract_months, m.start_month, m.end_month, m.end_reason, m.region_code, m.province_code,
       e.risk_class, p.contract_value, m.channel, p.worker_count, m.registered_on
  FROM membership m
  LEFT JOIN employer e ON e.id = m.employer_id
  LEFT JOIN construction_project p ON p.id = m.project_id;
