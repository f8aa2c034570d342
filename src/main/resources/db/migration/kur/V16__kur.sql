-- KUR (Kredit Usaha Rakyat) channel: banks' disbursement data, matched against the registry by NIK.

CREATE TABLE kur_bank (
  code         VARCHAR(20)  PRIMARY KEY,
  name         VARCHAR(120) NOT NULL,
  unconfirmed  BOOLEAN      NOT NULL DEFAULT FALSE  -- channel role not confirmed by a source (domain reference §6)
);
INSERT INTO kur_bank (code, name, unconfirmed) VALUES
  ('BRI', 'PT Bank Rakyat Indonesia (Persero) Tbk', FALSE),
  ('MANDIRI', 'PT Bank Mandiri (Persero) Tbk', FALSE),
  ('BNI', 'PT Bank Negara Indonesia (Persero) Tbk', FALSE),
  ('BTN', 'PT Bank Tabungan Negara (Persero) Tbk', FALSE),
  ('BSI', 'PT Bank Syariah Indonesia Tbk', FALSE),
  ('BCA', 'PT Bank Central Asia Tbk', FALSE),
  ('KALBAR', 'PT Bank Pembangunan Daerah Kalimantan Barat (Bank Kalbar)', TRUE);

-- Which users act for which bank (a bank's people and its API tokens see only its rows).
CREATE TABLE kur_bank_user (
  username   VARCHAR(60) PRIMARY KEY,
  bank_code  VARCHAR(20) NOT NULL REFERENCES kur_bank (code)
);
INSERT INTO kur_bank_user (username, bank_code) VALUES ('bank.kalbar', 'KALBAR');

-- Schemes and their plafond ranges (Permenko Perekonomian 1/2023), dated; enrolment in BPJS Ketenagakerjaan is
-- mandatory above mandatory_above for KUR Kecil and KUR Khusus (Pasal 26(8), 35(11)).
CREATE TABLE kur_scheme_rule (
  scheme           VARCHAR(12)  NOT NULL,
  valid_from       DATE         NOT NULL,
  plafond_min      BIGINT       NOT NULL,  -- inclusive
  plafond_max      BIGINT       NOT NULL,  -- inclusive
  mandatory_above  BIGINT,                 -- NULL: enrolment is encouraged, not mandatory
  legal_basis      VARCHAR(200) NOT NULL,
  source           VARCHAR(200) NOT NULL,
  PRIMARY KEY (scheme, valid_from)
);
INSERT INTO kur_scheme_rule VALUES
  ('SUPER_MIKRO', '2023-01-01', 1, 10000000, NULL, 'Permenko Perekonomian 1/2023 Pasal 18', 'CNBC Indonesia 2023-09-04'),
  ('MIKRO', '2023-01-01', 10000001, 100000000, NULL, 'Permenko Perekonomian 1/2023 Pasal 22', 'CNBC Indonesia 2023-09-04'),
  ('KECIL', '2023-01-01', 100000001, 500000000, 100000000, 'Permenko Perekonomian 1/2023 Pasal 26(8)',
   'CNBC Indonesia; sumatra.bisnis.com 2023-04-10'),
  ('KHUSUS', '2023-01-01', 1, 500000000, 100000000, 'Permenko Perekonomian 1/2023 Pasal 35(11)',
   'CNBC Indonesia; inilahkoran.id'),
  ('PMI', '2023-01-01', 1, 100000000, NULL, 'Permenko Perekonomian 1/2023 (KUR Penempatan PMI)', 'disway.id 726370');

CREATE TABLE kur_file (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256       CHAR(64)     NOT NULL,
  uploaded_by_bank VARCHAR(20),             -- the uploader's bank, NULL for BPJS officers
  file_name    VARCHAR(200) NOT NULL,
  format       VARCHAR(4)   NOT NULL CHECK (format IN ('CSV','XLSX')),
  row_count    INTEGER      NOT NULL,
  inserted     INTEGER      NOT NULL,
  updated      INTEGER      NOT NULL,
  unchanged    INTEGER      NOT NULL,
  rejected     INTEGER      NOT NULL,
  uploaded_by  VARCHAR(60)  NOT NULL,
  uploaded_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  CONSTRAINT kur_file_once UNIQUE (sha256, uploaded_by_bank)
);

-- Rows refused, for the error report (line, column, message code and arguments).
CREATE TABLE kur_file_error (
  file_id  BIGINT       NOT NULL REFERENCES kur_file (id),
  line_no  INTEGER      NOT NULL,
  field    VARCHAR(40)  NOT NULL,
  code     VARCHAR(60)  NOT NULL,
  args     VARCHAR(300) NOT NULL DEFAULT ''
);
CREATE INDEX kur_file_error_idx ON kur_file_error (file_id, line_no);

CREATE TABLE kur_loan (
  bank_code          VARCHAR(20)  NOT NULL REFERENCES kur_bank (code),
  loan_id            VARCHAR(50)  COLLATE "C" NOT NULL,
  branch             VARCHAR(100) NOT NULL,
  nik                CHAR(16)     NOT NULL,
  name               VARCHAR(150) NOT NULL,
  birth_date         DATE,
  scheme             VARCHAR(12)  NOT NULL,
  plafond            BIGINT       NOT NULL CHECK (plafond > 0),
  disbursed_on       DATE         NOT NULL,
  sector             VARCHAR(100),
  region_code        VARCHAR(13)  NOT NULL,
  kabkota_code       VARCHAR(5)   GENERATED ALWAYS AS (substr(region_code, 1, 5)) STORED,
  mandatory          BOOLEAN      NOT NULL,
  participant_id     BIGINT,
  match_status       VARCHAR(20)  NOT NULL DEFAULT 'NOT_ENROLLED'
                       CHECK (match_status IN ('PROTECTED','LAPSED','NOT_ENROLLED')),
  enrolled_at_disbursement BOOLEAN NOT NULL DEFAULT FALSE,
  name_mismatch      BOOLEAN      NOT NULL DEFAULT FALSE,
  birth_mismatch     BOOLEAN      NOT NULL DEFAULT FALSE,
  row_hash           VARCHAR(32)  NOT NULL,  -- md5 of the bank's fields: a corrected row updates, the same is left
  first_file_id      BIGINT       NOT NULL,
  last_file_id       BIGINT       NOT NULL,
  updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (bank_code, loan_id)
);
CREATE INDEX kur_loan_nik_idx ON kur_loan (nik);
CREATE INDEX kur_loan_region_idx ON kur_loan (kabkota_code, match_status);
