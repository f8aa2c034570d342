-- Claims: intake, verification, decision (four eyes above a threshold), payment with the service-level check.
-- Amounts come from the pure benefit engine (id.lindung.claim.benefit) with the rules of the event date; the lines
-- are stored as computed, with the rows they used, so a decision can always be explained later.

CREATE TABLE claim_holiday (
  day          DATE PRIMARY KEY,
  name         VARCHAR(120) NOT NULL,
  source       VARCHAR(200) NOT NULL,
  unconfirmed  BOOLEAN      NOT NULL DEFAULT FALSE
);

-- National holidays (hari libur nasional). Fixed dates and the Easter-based ones are certain; the lunar ones follow
-- the published SKB 3 Menteri as remembered, marked unconfirmed until an administrator checks them against the SKB.
-- Cuti bersama are not listed (they do not bind BPJS Ketenagakerjaan's service level): add them if they should.
INSERT INTO claim_holiday (day, name, source, unconfirmed) VALUES
  ('2026-01-01', 'Tahun Baru 2026 Masehi', 'UU/Keppres hari libur, tanggal tetap', FALSE),
  ('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'SKB 3 Menteri 2026', TRUE),
  ('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'SKB 3 Menteri 2026', TRUE),
  ('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948', 'SKB 3 Menteri 2026', TRUE),
  ('2026-03-20', 'Idul Fitri 1447 Hijriah', 'SKB 3 Menteri 2026', TRUE),
  ('2026-03-21', 'Idul Fitri 1447 Hijriah', 'SKB 3 Menteri 2026', TRUE),
  ('2026-04-03', 'Wafat Yesus Kristus', 'Jumat Agung (Paskah 5 April 2026)', FALSE),
  ('2026-05-01', 'Hari Buruh Internasional', 'tanggal tetap', FALSE),
  ('2026-05-14', 'Kenaikan Yesus Kristus', 'Paskah + 39 hari', FALSE),
  ('2026-05-27', 'Idul Adha 1447 Hijriah', 'SKB 3 Menteri 2026', TRUE),
  ('2026-05-31', 'Hari Raya Waisak 2570 BE', 'SKB 3 Menteri 2026', TRUE),
  ('2026-06-01', 'Hari Lahir Pancasila', 'tanggal tetap', FALSE),
  ('2026-06-16', 'Tahun Baru Islam 1448 Hijriah', 'SKB 3 Menteri 2026', TRUE),
  ('2026-08-17', 'Hari Kemerdekaan Republik Indonesia', 'tanggal tetap', FALSE),
  ('2026-08-25', 'Maulid Nabi Muhammad SAW', 'SKB 3 Menteri 2026', TRUE),
  ('2026-12-25', 'Hari Raya Natal', 'tanggal tetap', FALSE),
  ('2027-01-01', 'Tahun Baru 2027 Masehi', 'tanggal tetap', FALSE);

CREATE SEQUENCE claim_number_seq;

CREATE TABLE claim (
  id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_number           VARCHAR(20)  NOT NULL UNIQUE,
  participant_id         BIGINT       NOT NULL,
  participant_name       VARCHAR(150) NOT NULL, -- as at intake (the queue searches it)
  membership_id          BIGINT,                -- the membership whose programme pays; null when none protected
  kind                   VARCHAR(40)  NOT NULL,
  cause                  VARCHAR(30)  NOT NULL,
  event_date             DATE         NOT NULL,
  intake                 JSONB        NOT NULL, -- what was claimed (details, heirs, children), as entered
  member_facts           JSONB        NOT NULL, -- segment, protection, contribution months and wage at the event
  status                 VARCHAR(20)  NOT NULL CHECK (status IN
                           ('SUBMITTED','VERIFIED','AWAITING_SECOND','APPROVED','REJECTED','PAID')),
  refusal_code           VARCHAR(60),
  refusal_args           JSONB,
  refusal_legal_basis    VARCHAR(300),
  scholarship_notes      JSONB        NOT NULL DEFAULT '[]', -- why no scholarship, or which child is left out
  total                  BIGINT       NOT NULL DEFAULT 0 CHECK (total >= 0),
  unconfirmed_rules      BOOLEAN      NOT NULL DEFAULT FALSE,
  region_code            VARCHAR(13)  NOT NULL,
  province_code          CHAR(2)      GENERATED ALWAYS AS (substr(region_code, 1, 2)) STORED,
  assigned_to            VARCHAR(60),
  documents_complete_on  DATE,
  due_date               DATE,
  submitted_by           VARCHAR(60)  NOT NULL,
  submitted_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
  verified_by            VARCHAR(60),
  first_approver         VARCHAR(60),
  decided_by             VARCHAR(60),
  decided_at             TIMESTAMPTZ,
  rejection_reason       VARCHAR(500),
  paid_on                DATE,
  payment_reference      VARCHAR(100),
  late_days              INTEGER,
  late_amount            BIGINT,
  version                INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX claim_queue_idx ON claim (region_code, status, due_date);
CREATE INDEX claim_participant_idx ON claim (participant_id);

-- The computed lines (benefit and, at payment, the late-payment compensation).
CREATE TABLE claim_line (
  claim_id         BIGINT       NOT NULL REFERENCES claim (id),
  line_no          SMALLINT     NOT NULL,
  code             VARCHAR(60)  NOT NULL,
  message_key      VARCHAR(100) NOT NULL,
  args             JSONB        NOT NULL,
  amount           BIGINT       NOT NULL CHECK (amount >= 0),
  formula          VARCHAR(300) NOT NULL,
  legal_basis      VARCHAR(300) NOT NULL,
  rule_valid_from  DATE         NOT NULL,
  unconfirmed      BOOLEAN      NOT NULL,
  rule_refs        VARCHAR(500) NOT NULL,
  PRIMARY KEY (claim_id, line_no)
);

-- Scholarship plan per child (projection at the decision; each year is paid on proof of enrolment).
CREATE TABLE claim_scholarship (
  claim_id      BIGINT       NOT NULL REFERENCES claim (id),
  child_id      VARCHAR(40)  NOT NULL,
  child_name    VARCHAR(200) NOT NULL,
  school_year   INTEGER      NOT NULL,
  level         VARCHAR(20)  NOT NULL,
  year_in_level SMALLINT     NOT NULL,
  amount        BIGINT       NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (claim_id, child_id, school_year)
);

CREATE TABLE claim_document (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id      BIGINT       NOT NULL REFERENCES claim (id),
  document_type VARCHAR(40)  NOT NULL,
  file_name     VARCHAR(200) NOT NULL,
  content_type  VARCHAR(60)  NOT NULL,
  size_bytes    INTEGER      NOT NULL CHECK (size_bytes > 0),
  sha256        CHAR(64)     NOT NULL,
  content       BYTEA        NOT NULL,
  uploaded_by   VARCHAR(60)  NOT NULL,
  uploaded_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
  CONSTRAINT claim_document_once UNIQUE (claim_id, sha256)
);

-- Every step of the workflow, for the claim page's history.
CREATE TABLE claim_step (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id  BIGINT       NOT NULL REFERENCES claim (id),
  at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
  actor     VARCHAR(60)  NOT NULL,
  status    VARCHAR(20)  NOT NULL,
  note      VARCHAR(500)
);
CREATE INDEX claim_step_claim_idx ON claim_step (claim_id);
