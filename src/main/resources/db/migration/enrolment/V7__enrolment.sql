-- Employers (pemberi kerja) that enrol their wage earners (PU). npp is the employer's registration number.
CREATE TABLE employer (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  npp           VARCHAR(20)  NOT NULL,
  name          VARCHAR(150) NOT NULL,
  -- JKK risk class 1 (sangat rendah) .. 5 (sangat tinggi), PP 44/2015 Lampiran I
  risk_class    SMALLINT     NOT NULL CHECK (risk_class BETWEEN 1 AND 5),
  kbli          VARCHAR(5),
  region_code   VARCHAR(13)  NOT NULL,
  kabkota_code  VARCHAR(5)   GENERATED ALWAYS AS (substr(region_code, 1, 5)) STORED,
  province_code CHAR(2)      GENERATED ALWAYS AS (substr(region_code, 1, 2)) STORED,
  created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  CONSTRAINT employer_npp_uk UNIQUE (npp)
);
CREATE INDEX employer_kabkota_idx ON employer (kabkota_code);

-- Construction projects (jasa konstruksi): JKK and JKM are paid per project from the contract value.
CREATE TABLE construction_project (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employer_id    BIGINT       NOT NULL REFERENCES employer (id),
  name           VARCHAR(200) NOT NULL,
  contract_value BIGINT       NOT NULL CHECK (contract_value > 0),
  start_month    DATE         NOT NULL,
  end_month      DATE         NOT NULL,
  worker_count   INTEGER      NOT NULL CHECK (worker_count >= 0),
  region_code    VARCHAR(13)  NOT NULL,
  kabkota_code   VARCHAR(5)   GENERATED ALWAYS AS (substr(region_code, 1, 5)) STORED,
  province_code  CHAR(2)      GENERATED ALWAYS AS (substr(region_code, 1, 2)) STORED,
  created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
  CHECK (end_month >= start_month)
);

-- A membership: one participant (or one construction project) in one segment, with its programmes. Months are
-- stored as the first day of the month. end_month is the last protected month; NULL while open.
CREATE TABLE membership (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  participant_id   BIGINT,
  employer_id      BIGINT REFERENCES employer (id),
  project_id       BIGINT REFERENCES construction_project (id),
  segment          VARCHAR(5)  NOT NULL CHECK (segment IN ('PU','BPU','JAKON','PMI')),
  channel          VARCHAR(11) NOT NULL CHECK (channel IN ('SELF','AGENT','EMPLOYER','KUR_BANK','GOV_SPONSOR')),
  programmes       VARCHAR(20) NOT NULL,   -- comma-separated, in the order JKK,JKM,JHT,JP,JKP
  sector           VARCHAR(9)  NOT NULL DEFAULT 'OTHER' CHECK (sector IN ('TRANSPORT','OTHER')),
  government_paid  BOOLEAN     NOT NULL DEFAULT FALSE,  -- contributions paid from APBN/APBD
  contract_months  INTEGER CHECK (contract_months > 0),  -- PMI placement contract
  start_month      DATE        NOT NULL,
  end_month        DATE,
  end_reason       VARCHAR(14) CHECK (end_reason IN ('REQUESTED','LAPSED','CONTRACT_ENDED','DECEASED')),
  ended_at         TIMESTAMPTZ,
  region_code      VARCHAR(13) NOT NULL,
  kabkota_code     VARCHAR(5)  GENERATED ALWAYS AS (substr(region_code, 1, 5)) STORED,
  province_code    CHAR(2)     GENERATED ALWAYS AS (substr(region_code, 1, 2)) STORED,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  version          INTEGER     NOT NULL DEFAULT 0,
  CHECK ((segment = 'JAKON') = (project_id IS NOT NULL AND participant_id IS NULL)),
  CHECK (segment <> 'PU' OR employer_id IS NOT NULL),
  CHECK (segment <> 'PMI' OR contract_months IS NOT NULL),
  CHECK (end_month IS NULL OR end_month >= start_month - INTERVAL '1 month'),
  CHECK ((end_month IS NULL) = (end_reason IS NULL))
);
CREATE INDEX membership_participant_idx ON membership (participant_id);
CREATE INDEX membership_kabkota_idx ON membership (kabkota_code, segment);
-- One open membership per participant, segment and employer.
CREATE UNIQUE INDEX membership_open_uk ON membership (participant_id, segment, coalesce(employer_id, 0))
  WHERE end_month IS NULL AND participant_id IS NOT NULL;

-- Declared income (BPU), reported wage (PU) or chosen JHT amount (PMI), each effective from a month.
CREATE TABLE membership_base (
  membership_id  BIGINT      NOT NULL REFERENCES membership (id),
  effective_from DATE        NOT NULL,
  amount         BIGINT      NOT NULL CHECK (amount >= 0),
  recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (membership_id, effective_from)
);

-- The published, read-only face of enrolment for set-based work in other modules (billing): one row per membership
-- with what a bill needs. Other modules read this view, never the tables above.
CREATE VIEW enrolment_membership_v AS
SELECT m.id AS membership_id, m.participant_id, m.segment, m.programmes, m.sector, m.government_paid,
       m.contract_months, m.start_month, m.end_month, m.end_reason, m.region_code, m.province_code,
       e.risk_class, p.contract_value
  FROM membership m
  LEFT JOIN employer e ON e.id = m.employer_id
  LEFT JOIN construction_project p ON p.id = m.project_id;

CREATE VIEW enrolment_base_v AS
SELECT membership_id, effective_from, amount FROM membership_base;
