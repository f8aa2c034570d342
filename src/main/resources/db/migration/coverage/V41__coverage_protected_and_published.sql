-- Coverage counts the protected, and a published month stays published (issue 15, point 10).
--
-- 1. The read model counts a membership in a month only when contribution_protected_month_v says the month is
--    protected (paid, or within the grace the rules give), not from its start to its end. Protected months can have
--    gaps, so a span is no longer (start, end): coverage_span keeps, per membership, the months of the read model's
--    window in which it is protected, as bits of a bigint (bit k = coverage_state.first_month + k months; the window
--    is at most 63 months). Only memberships protected in at least one month of the window have a row.
DROP TABLE coverage_span;
CREATE TABLE coverage_span (
  membership_id  BIGINT      PRIMARY KEY,
  segment        VARCHAR(12) NOT NULL,
  channel        VARCHAR(11) NOT NULL,
  region_key     VARCHAR(8)  NOT NULL,   -- kecamatan code (or kab/kota code when the region is no finer)
  weight         INTEGER     NOT NULL,   -- 1, or the project's workers for construction
  months         BIGINT      NOT NULL    -- bit k: protected in first_month + k months
);
-- The cells were counted by the old rule: the next start rebuilds them.
TRUNCATE coverage_monthly;
DELETE FROM coverage_state;

-- 2. A month is published once it has ended: at the first start-up or nightly job (00:05 WIB) after its last day,
--    its cells are copied here and are what the dashboard, the API, the reports and Paritrana show for it from then
--    on. Months that ended before this migration are published at the first start-up after it.
CREATE TABLE coverage_published_month (
  month         DATE        PRIMARY KEY,
  published_on  DATE        NOT NULL,            -- business date (WIB)
  published_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- the same cells as coverage_monthly (region at three levels, month, segment, channel), as published
CREATE TABLE coverage_published (LIKE coverage_monthly INCLUDING ALL);

-- 3. What changed in a published month afterwards (a late payment, a back-dated enrolment, a lapse): one row per cell
--    and business day on which the count as known now differed from the last known value (the published one or the
--    latest earlier revision). Never updated after its day; the published row never changes.
CREATE TABLE coverage_revision (
  region_code  VARCHAR(8)  COLLATE "C" NOT NULL,
  month        DATE        NOT NULL,
  segment      VARCHAR(12) NOT NULL,
  channel      VARCHAR(11) NOT NULL,
  detected_on  DATE        NOT NULL,             -- business date (WIB)
  published    INTEGER     NOT NULL,             -- the cell as published
  previous     INTEGER     NOT NULL,             -- the last known value before this day
  revised      INTEGER     NOT NULL,             -- the value as known on this day
  detected_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, month, segment, channel, detected_on)
);

ALTER TABLE coverage_state ADD COLUMN rebuilt_on DATE;
