-- Government sponsorship of vulnerable workers (issue 7): a programme of a regional government pays the BPU JKK+JKM
-- contributions of its beneficiaries from its budget (APBD, DBH Sawit, DBH CHT, village fund).
CREATE TABLE sponsorship_programme (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name               VARCHAR(200) NOT NULL,
  sponsor_region     VARCHAR(5)   NOT NULL,   -- the province (61) or a kab/kota (61.04) that pays
  legal_basis        VARCHAR(200) NOT NULL,   -- e.g. Pergub Kalbar 4/2023
  funding_source     VARCHAR(10)  NOT NULL CHECK (funding_source IN ('APBD','DBH_SAWIT','DBH_CHT','DANA_DESA')),
  budget             BIGINT       NOT NULL CHECK (budget > 0),
  start_month        DATE         NOT NULL,
  end_month          DATE         NOT NULL,
  declared_income    BIGINT       NOT NULL CHECK (declared_income > 0),
  eligibility        VARCHAR(1000),
  ended_on           DATE,                    -- last month covered when ended early, or the end month once ended
  end_action         VARCHAR(9)   CHECK (end_action IN ('END','HAND_OVER')),
  created_by         VARCHAR(60)  NOT NULL,
  created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
  version            INTEGER      NOT NULL DEFAULT 0,
  CHECK (end_month >= start_month)
);

-- Who the programme pays for: one row per participant, with the membership it created (or found).
CREATE TABLE sponsorship_beneficiary (
  programme_id    BIGINT       NOT NULL REFERENCES sponsorship_programme (id),
  participant_id  BIGINT       NOT NULL,
  membership_id   BIGINT       NOT NULL,
  nik             CHAR(16)     NOT NULL,
  region_code     VARCHAR(13)  NOT NULL,
  added_from      VARCHAR(8)   NOT NULL CHECK (added_from IN ('FILE','REGISTRY')),
  file_id         BIGINT,
  added_by        VARCHAR(60)  NOT NULL,
  added_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (programme_id, participant_id)
);
CREATE UNIQUE INDEX sponsorship_beneficiary_membership_uk ON sponsorship_beneficiary (membership_id);

-- Beneficiary files, for replays (the same file twice: the first result) and the record.
CREATE TABLE sponsorship_file (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id  BIGINT       NOT NULL REFERENCES sponsorship_programme (id),
  sha256        CHAR(64)     NOT NULL,
  file_name     VARCHAR(200) NOT NULL,
  row_count     INTEGER      NOT NULL,
  added         INTEGER      NOT NULL,
  unchanged     INTEGER      NOT NULL,
  elsewhere     INTEGER      NOT NULL,  -- already BPU through another channel: left as they are
  uploaded_by   VARCHAR(60)  NOT NULL,
  uploaded_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
  CONSTRAINT sponsorship_file_once UNIQUE (programme_id, sha256)
);
