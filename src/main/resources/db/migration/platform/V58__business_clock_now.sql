-- The business clock's moment for SQL (issue 17): now() moved by the offset the application sets on its connections
-- (lindung.clock_offset, seconds; platform.TimeConfiguration). 0 in production, so the same as now(); in the tests
-- the same moment as the application's Clock, so that a column the database stamps (created_at, uploaded_at, ...)
-- agrees with the times the application compares it with. lindung_today() (V33) is now its date in WIB: one place
-- reads the offset.
CREATE FUNCTION lindung_now() RETURNS timestamptz LANGUAGE sql STABLE AS
$$ SELECT now() + make_interval(secs => coalesce(nullif(current_setting('lindung.clock_offset', true), ''), '0')::int) $$;

CREATE OR REPLACE FUNCTION lindung_today() RETURNS date LANGUAGE sql STABLE AS
$$ SELECT (lindung_now() AT TIME ZONE 'Asia/Pontianak')::date $$;
