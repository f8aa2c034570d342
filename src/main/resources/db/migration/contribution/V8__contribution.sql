-- Contribution rules as dated rows with their legal basis (domain reference §2). A row applies to the months from
-- valid_from to valid_to (inclusive; NULL = open). unconfirmed = the figure is not confirmed in a primary source:
-- an administrator may correct it, and the UI shows it as unconfirmed.

-- Monthly rates. PERCENT: employer_pct and worker_pct of the base (wage or declared income); FLAT: flat_amount a
-- month paid by the worker (BPU JKM); CHOSEN: the amount the member chose (PMI JHT).
CREATE TABLE contribution_rate (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  segment       VARCHAR(5)   NOT NULL CHECK (segment IN ('PU','BPU','JAKON','PMI')),
  programme     VARCHAR(3)   NOT NULL CHECK (programme IN ('JKK','JKM','JHT','JP','JKP')),
  risk_class    SMALLINT CHECK (risk_class BETWEEN 1 AND 5),
  rate_type     VARCHAR(7)   NOT NULL CHECK (rate_type IN ('PERCENT','FLAT','CHOSEN')),
  employer_pct  NUMERIC(7,4) NOT NULL DEFAULT 0 CHECK (employer_pct >= 0),
  worker_pct    NUMERIC(7,4) NOT NULL DEFAULT 0 CHECK (worker_pct >= 0),
  flat_amount   BIGINT       NOT NULL DEFAULT 0 CHECK (flat_amount >= 0),
  valid_from    DATE         NOT NULL,
  valid_to      DATE,
  legal_basis   VARCHAR(200) NOT NULL,
  source        VARCHAR(300) NOT NULL,
  unconfirmed   BOOLEAN      NOT NULL DEFAULT FALSE,
  note          VARCHAR(300),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- The highest base a percentage applies to (JP wage cap, BPU JKK income ceiling).
CREATE TABLE contribution_base_cap (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  segment      VARCHAR(5)   NOT NULL,
  programme    VARCHAR(3)   NOT NULL,
  max_base     BIGINT       NOT NULL CHECK (max_base > 0),
  valid_from   DATE         NOT NULL,
  valid_to     DATE,
  legal_basis  VARCHAR(200) NOT NULL,
  source       VARCHAR(300) NOT NULL,
  unconfirmed  BOOLEAN      NOT NULL DEFAULT FALSE,
  note         VARCHAR(300)
);

-- Marginal tiers of a value (construction: % of the contract value slice above lower_bound).
CREATE TABLE contribution_tier (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  segment      VARCHAR(5)   NOT NULL,
  programme    VARCHAR(3)   NOT NULL,
  lower_bound  BIGINT       NOT NULL CHECK (lower_bound >= 0),
  pct          NUMERIC(7,4) NOT NULL CHECK (pct >= 0),
  valid_from   DATE         NOT NULL,
  valid_to     DATE,
  legal_basis  VARCHAR(200) NOT NULL,
  source       VARCHAR(300) NOT NULL,
  unconfirmed  BOOLEAN      NOT NULL DEFAULT FALSE,
  note         VARCHAR(300)
);

-- Flat packages (PMI JKK+JKM): BEFORE placement; DURING by contract length (months); EXTRA_MONTH beyond the longest.
CREATE TABLE contribution_package (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  segment         VARCHAR(5)   NOT NULL,
  phase           VARCHAR(11)  NOT NULL CHECK (phase IN ('BEFORE','DURING','EXTRA_MONTH')),
  contract_months INTEGER,
  amount          BIGINT       NOT NULL CHECK (amount >= 0),
  valid_from      DATE         NOT NULL,
  valid_to        DATE,
  legal_basis     VARCHAR(200) NOT NULL,
  source          VARCHAR(300) NOT NULL,
  unconfirmed     BOOLEAN      NOT NULL DEFAULT FALSE,
  note            VARCHAR(300)
);

-- Temporary discounts on contribution months (PP 50/2025).
CREATE TABLE contribution_discount (
  id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  segment                   VARCHAR(5)   NOT NULL,
  sector                    VARCHAR(9),  -- NULL = every sector
  programmes                VARCHAR(20)  NOT NULL,
  pct                       NUMERIC(7,4) NOT NULL CHECK (pct > 0 AND pct <= 100),
  from_month                DATE         NOT NULL,
  to_month                  DATE         NOT NULL,
  excludes_government_paid  BOOLEAN      NOT NULL,
  legal_basis               VARCHAR(200) NOT NULL,
  source                    VARCHAR(300) NOT NULL,
  unconfirmed               BOOLEAN      NOT NULL DEFAULT FALSE,
  note                      VARCHAR(300)
);

-- Late-payment fines: pct of the late contribution per started month of delay.
CREATE TABLE contribution_fine_rate (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  segment      VARCHAR(5)   NOT NULL,
  pct          NUMERIC(7,4) NOT NULL CHECK (pct >= 0),
  valid_from   DATE         NOT NULL,
  valid_to     DATE,
  legal_basis  VARCHAR(200) NOT NULL,
  source       VARCHAR(300) NOT NULL,
  unconfirmed  BOOLEAN      NOT NULL DEFAULT FALSE,
  note         VARCHAR(300)
);

-- ------------------------------------------------------------------------------------------------ the rules
INSERT INTO contribution_rate (segment, programme, risk_class, rate_type, employer_pct, worker_pct, flat_amount,
                               valid_from, legal_basis, source, unconfirmed, note) VALUES
 ('PU','JKK',1,'PERCENT',0.24,0,0,'2015-07-01','PP 44/2015 Lampiran I (kelompok tingkat risiko sangat rendah)',
  'tribunnews makassar 2020-09-08; fame.grid.id; rbtv.disway.id', FALSE,
  'PP 49/2023 re-labels 0.14% of JKK as JKP funding; the employer still pays the full rate'),
 ('PU','JKK',2,'PERCENT',0.54,0,0,'2015-07-01','PP 44/2015 Lampiran I (tingkat risiko rendah)',
  'tribunnews makassar 2020-09-08; fame.grid.id; rbtv.disway.id', FALSE, NULL),
 ('PU','JKK',3,'PERCENT',0.89,0,0,'2015-07-01','PP 44/2015 Lampiran I (tingkat risiko sedang)',
  'tribunnews makassar 2020-09-08; fame.grid.id; rbtv.disway.id', FALSE, NULL),
 ('PU','JKK',4,'PERCENT',1.27,0,0,'2015-07-01','PP 44/2015 Lampiran I (tingkat risiko tinggi)',
  'tribunnews makassar 2020-09-08; fame.grid.id; rbtv.disway.id', FALSE, NULL),
 ('PU','JKK',5,'PERCENT',1.74,0,0,'2015-07-01','PP 44/2015 Lampiran I (tingkat risiko sangat tinggi)',
  'tribunnews makassar 2020-09-08; fame.grid.id; rbtv.disway.id', FALSE, NULL),
 ('PU','JKM',NULL,'PERCENT',0.30,0,0,'2015-07-01','PP 44/2015',
  'fame.grid.id 464028442', FALSE,
  'Whether JKM keeps 0.30% after PP 6/2025 ended its JKP share is unconfirmed; the amount paid is unchanged'),
 ('PU','JHT',NULL,'PERCENT',3.70,2.00,0,'2015-07-01','PP 46/2015',
  'rbtv.disway.id 5165; fame.grid.id 464028442 (Rp10 jt: Rp370.000 + Rp200.000)', FALSE, NULL),
 ('PU','JP',NULL,'PERCENT',2.00,1.00,0,'2015-07-01','PP 45/2015',
  'fame.grid.id 464028442; Suara Indonesia 2024-04-29', FALSE, NULL),
 ('PU','JKP',NULL,'PERCENT',0,0,0,'2021-02-02','PP 37/2021 as amended by PP 6/2025',
  'okezone 2025-02-17; kaltenglima.com; kanalberita.com', FALSE,
  'No extra contribution: 0.36% = 0.22% central government + 0.14% recomposed from JKK (since PP 6/2025)'),
 ('BPU','JKK',NULL,'PERCENT',0,1.00,0,'2015-07-01','PP 44/2015 Lampiran II as amended, last by PP 49/2023',
  'star.grid.id 453654763; CNBC Indonesia 2026-02-04', TRUE,
  'Lampiran II sets nominal income brackets that were not retrieved; 1% of declared income is applied'),
 ('BPU','JKM',NULL,'FLAT',0,0,6800,'2015-07-01','PP 44/2015 Lampiran II as amended',
  'star.grid.id 453654763; fame.grid.id', FALSE, NULL),
 ('BPU','JHT',NULL,'PERCENT',0,2.00,0,'2015-07-01','PP 46/2015; Permenaker 1/2016 Pasal 3',
  'star.grid.id 453740395 and 453654763', FALSE, NULL),
 ('PMI','JHT',NULL,'CHOSEN',0,0,0,'2023-03-01','Permenaker 4/2023',
  'finance.detik.com 2023-03-17', FALSE, 'The member chooses Rp50.000 to Rp600.000 a month');

INSERT INTO contribution_base_cap (segment, programme, max_base, valid_from, valid_to, legal_basis, source,
                                   unconfirmed, note) VALUES
 ('PU','JP', 9559600,'2023-03-01','2024-02-29','PP 45/2015 Pasal 29 (batas upah tertinggi, indexed yearly)',
  'Suara Indonesia (Bojonegoro) 2024-04-29; rbtv.disway.id', FALSE, NULL),
 ('PU','JP',10042300,'2024-03-01','2025-02-28','PP 45/2015 Pasal 29 (2023 GDP growth 5.05%)',
  'Suara Indonesia (Bojonegoro) 2024-04-29; rbtv.disway.id', FALSE, NULL),
 ('PU','JP',10547400,'2025-03-01',NULL,'PP 45/2015 Pasal 29',
  'computed: 10,042,300 x 1.0503, rounded to Rp100', TRUE,
  'Not published where we looked; carried on until the March 2026 figure is entered'),
 ('BPU','JKK',20700000,'2015-07-01',NULL,'PP 44/2015 Lampiran II as amended',
  'radarmukomuko.disway.id 666514 (JKK BPU at most Rp207.000 a month)', TRUE,
  'Implied by the maximum BPU JKK contribution of Rp207.000');

INSERT INTO contribution_tier (segment, programme, lower_bound, pct, valid_from, legal_basis, source, unconfirmed,
                               note) VALUES
 ('JAKON','JKK',0,0.21,'2015-07-01','Permenakertrans 44/2015 Lampiran','star.grid.id 453670457', FALSE, NULL),
 ('JAKON','JKK',100000000,0.17,'2015-07-01','Permenakertrans 44/2015 Lampiran','star.grid.id 453670457', FALSE, NULL),
 ('JAKON','JKK',500000000,0.13,'2015-07-01','Permenakertrans 44/2015 Lampiran','star.grid.id 453670457', FALSE, NULL),
 ('JAKON','JKK',1000000000,0.11,'2015-07-01','Permenakertrans 44/2015 Lampiran','star.grid.id 453670457', FALSE, NULL),
 ('JAKON','JKK',5000000000,0.09,'2015-07-01','Permenakertrans 44/2015 Lampiran',
  'star.grid.id 453670457; e-KLIPING 2020 p.301 (marginal structure)', FALSE, NULL),
 ('JAKON','JKM',0,0.03,'2015-07-01','Permenakertrans 44/2015 Lampiran','star.grid.id 453624938', TRUE,
  'Whether JKM tiers are marginal like JKK is unconfirmed; applied marginally'),
 ('JAKON','JKM',100000000,0.02,'2015-07-01','Permenakertrans 44/2015 Lampiran','star.grid.id 453624938', TRUE, NULL),
 ('JAKON','JKM',500000000,0.02,'2015-07-01','Permenakertrans 44/2015 Lampiran','star.grid.id 453624938', TRUE, NULL),
 ('JAKON','JKM',1000000000,0.01,'2015-07-01','Permenakertrans 44/2015 Lampiran','star.grid.id 453624938', TRUE, NULL),
 ('JAKON','JKM',5000000000,0.01,'2015-07-01','Permenakertrans 44/2015 Lampiran','star.grid.id 453624938', TRUE, NULL);

INSERT INTO contribution_package (segment, phase, contract_months, amount, valid_from, legal_basis, source,
                                  unconfirmed, note) VALUES
 ('PMI','BEFORE',NULL,37500,'2023-03-01','Permenaker 4/2023 Pasal 18',
  'pasal.id Permenaker 4/2023; basishukum.com', FALSE, 'JKK and JKM before placement'),
 ('PMI','DURING',6,108000,'2023-03-01','Permenaker 4/2023 Pasal 18','pasal.id Permenaker 4/2023', FALSE,
  'Contracts of up to 6 months (contracts between two lengths take the next one up: unconfirmed)'),
 ('PMI','DURING',12,189000,'2023-03-01','Permenaker 4/2023 Pasal 18','pasal.id Permenaker 4/2023', FALSE, NULL),
 ('PMI','DURING',24,332500,'2023-03-01','Permenaker 4/2023 Pasal 18','pasal.id Permenaker 4/2023', FALSE, NULL),
 ('PMI','EXTRA_MONTH',NULL,13500,'2023-03-01','Permenaker 4/2023 Pasal 18','pasal.id Permenaker 4/2023', FALSE,
  'Each month beyond 24');

INSERT INTO contribution_discount (segment, sector, programmes, pct, from_month, to_month, excludes_government_paid,
                                   legal_basis, source, unconfirmed, note) VALUES
 ('BPU','TRANSPORT','JKK,JKM',50,'2026-01-01','2027-03-01',TRUE,'PP 50/2025',
  'CNBC Indonesia 2026-02-04; jpnn.com 2026-01-14; babeindonesia.com; ntvnews.id', FALSE,
  'Ojol, ojek pangkalan, drivers, couriers; JHT not discounted; not for APBN/APBD-paid members'),
 ('BPU','OTHER','JKK,JKM',50,'2026-04-01','2026-12-01',TRUE,'PP 50/2025',
  'CNBC Indonesia 2026-02-04; jpnn.com 2026-01-14; babeindonesia.com; ntvnews.id', FALSE,
  'Other BPU; JHT not discounted; not for APBN/APBD-paid members');

INSERT INTO contribution_fine_rate (segment, pct, valid_from, legal_basis, source, unconfirmed, note) VALUES
 ('PU',2,'2015-07-01','PP 44/2015 (denda keterlambatan iuran)',
  'keuangan.kontan.co.id "Siapa yang bayar iuran JKK"', FALSE,
  'Per started month of delay after the 15th of the following month; borne by the employer, billed with the next month');

-- ------------------------------------------------------------------------------------------- bills and payments
CREATE TABLE billing_run (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  period             DATE        NOT NULL,
  status             VARCHAR(7)  NOT NULL CHECK (status IN ('RUNNING','DONE','FAILED')),
  started_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at        TIMESTAMPTZ,
  started_by         VARCHAR(60) NOT NULL,
  last_membership_id BIGINT      NOT NULL DEFAULT 0,   -- checkpoint: every membership up to here is done
  bills_created      INTEGER     NOT NULL DEFAULT 0,
  lapsed             INTEGER     NOT NULL DEFAULT 0,
  error              VARCHAR(500)
);
CREATE UNIQUE INDEX billing_run_one_running ON billing_run (period) WHERE status = 'RUNNING';

CREATE TABLE bill (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  membership_id  BIGINT      NOT NULL,
  period         DATE        NOT NULL,
  due_date       DATE        NOT NULL,
  amount         BIGINT      NOT NULL CHECK (amount >= 0),
  paid           BIGINT      NOT NULL DEFAULT 0 CHECK (paid >= 0),
  status         VARCHAR(9)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','PAID','CANCELLED')),
  billing_run_id BIGINT REFERENCES billing_run (id),
  province_code  CHAR(2)     NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT bill_membership_period_uk UNIQUE (membership_id, period),
  CHECK (paid <= amount)
);
CREATE INDEX bill_open_idx ON bill (membership_id, period) WHERE status = 'OPEN';
CREATE INDEX bill_run_idx ON bill (billing_run_id);

-- rule_ref names the rows applied, e.g. 'rate:3', 'rate:13 cap:3', 'tier:1+2', 'package:1', 'discount:2', 'fine:1'.
CREATE TABLE bill_line (
  bill_id          BIGINT       NOT NULL REFERENCES bill (id),
  line_no          SMALLINT     NOT NULL,
  programme        VARCHAR(7)   NOT NULL,
  kind             VARCHAR(12)  NOT NULL CHECK (kind IN ('CONTRIBUTION','DISCOUNT','FINE')),
  base             BIGINT,
  employer_pct     NUMERIC(7,4),
  worker_pct       NUMERIC(7,4),
  employer_amount  BIGINT       NOT NULL,
  worker_amount    BIGINT       NOT NULL,
  rule_ref         VARCHAR(60)  NOT NULL,
  PRIMARY KEY (bill_id, line_no)
);

CREATE TABLE payment_file (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256        CHAR(64)     NOT NULL UNIQUE,
  file_name     VARCHAR(200) NOT NULL,
  row_count     INTEGER      NOT NULL,
  applied       INTEGER      NOT NULL,
  rejected      INTEGER      NOT NULL,
  total_amount  BIGINT       NOT NULL,
  uploaded_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
  uploaded_by   VARCHAR(60)  NOT NULL
);

CREATE TABLE payment (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key  VARCHAR(100) NOT NULL,
  membership_id    BIGINT       NOT NULL,
  amount           BIGINT       NOT NULL CHECK (amount > 0),
  paid_on          DATE         NOT NULL,
  channel          VARCHAR(20)  NOT NULL,
  reference        VARCHAR(100),
  payment_file_id  BIGINT REFERENCES payment_file (id),
  status           VARCHAR(8)   NOT NULL CHECK (status IN ('APPLIED','REJECTED')),
  reject_reason    VARCHAR(40),
  unallocated      BIGINT       NOT NULL CHECK (unallocated >= 0),   -- credit not yet used by a bill
  recorded_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
  recorded_by      VARCHAR(60)  NOT NULL,
  CONSTRAINT payment_idempotency_uk UNIQUE (idempotency_key)
);
CREATE INDEX payment_membership_idx ON payment (membership_id);
CREATE INDEX payment_credit_idx ON payment (membership_id) WHERE unallocated > 0;

CREATE TABLE payment_allocation (
  payment_id  BIGINT NOT NULL REFERENCES payment (id),
  bill_id     BIGINT NOT NULL REFERENCES bill (id),
  amount      BIGINT NOT NULL CHECK (amount > 0),
  PRIMARY KEY (payment_id, bill_id)
);
CREATE INDEX payment_allocation_bill_idx ON payment_allocation (bill_id);

-- A fine assessed when a payment reached a bill after its due date; charged as a FINE line on a later bill.
CREATE TABLE late_fine (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bill_id          BIGINT      NOT NULL REFERENCES bill (id),
  payment_id       BIGINT      NOT NULL REFERENCES payment (id),
  membership_id    BIGINT      NOT NULL,
  months_late      INTEGER     NOT NULL CHECK (months_late > 0),
  late_amount      BIGINT      NOT NULL,
  amount           BIGINT      NOT NULL,
  fine_rate_id     BIGINT      NOT NULL REFERENCES contribution_fine_rate (id),
  charged_bill_id  BIGINT REFERENCES bill (id),
  CONSTRAINT late_fine_uk UNIQUE (bill_id, payment_id)
);
CREATE INDEX late_fine_uncharged_idx ON late_fine (membership_id) WHERE charged_bill_id IS NULL;
