-- Paritrana Award (issue 7): award cycles per year and category, their indicators with weights, entrants,
-- evidence entered by the regional governments, jury scores, and the coverage figures frozen when a cycle closes.
-- How each indicator is measured and scored is code (id.lindung.paritrana.Indicator); its weight is data.

-- The weights a new cycle starts with, per group of categories (REGION: province and kab/kota; BUSINESS: large,
-- medium, small-micro). The published weights are unknown (domain notes §5: "Weights per indicator: UNCONFIRMED"):
-- these are Lindung's defaults, marked unconfirmed until an administrator sets a cycle's weights
-- (docs/decisions.md "Paritrana: default weights").
CREATE TABLE paritrana_default_weight (
  category_group VARCHAR(8)   NOT NULL CHECK (category_group IN ('REGION','BUSINESS')),
  code           VARCHAR(30)  NOT NULL,
  position       SMALLINT     NOT NULL,
  weight         SMALLINT     NOT NULL CHECK (weight BETWEEN 0 AND 100),
  note           VARCHAR(400) NOT NULL,
  PRIMARY KEY (category_group, code)
);

INSERT INTO paritrana_default_weight (category_group, code, position, weight, note) VALUES
  ('REGION', 'COVERAGE_RATE', 1, 30,
   'Bobot bawaan Lindung (belum terkonfirmasi). Juri Kalbar 2025: "capaian paling besar, kemudian universal coverage-nya" (kalbar.antaranews.com 667104)'),
  ('REGION', 'COVERAGE_GROWTH', 2, 20,
   'Bobot bawaan Lindung (belum terkonfirmasi). "bagaimana universal coverage itu meningkat dari tahun sebelumnya" (kalbar.antaranews.com 667104)'),
  ('REGION', 'REGULATIONS', 3, 10,
   'Bobot bawaan Lindung (belum terkonfirmasi). Perda/Pergub/Perbup/Perwal tentang Jamsostek (Inpres 2/2021; radarsorong.id 2021)'),
  ('REGION', 'BUDGET', 4, 10,
   'Bobot bawaan Lindung (belum terkonfirmasi). Dukungan APBD untuk jaminan sosial ketenagakerjaan (SE Mendagri 842.2/5193/SJ)'),
  ('REGION', 'VULNERABLE_SPONSORED', 5, 10,
   'Bobot bawaan Lindung (belum terkonfirmasi). Pekerja rentan yang iurannya dibayar pemerintah daerah (kanal GOV_SPONSOR)'),
  ('REGION', 'NON_ASN_ENROLLED', 6, 5,
   'Bobot bawaan Lindung (belum terkonfirmasi). Pegawai non-ASN pemerintah daerah yang didaftarkan (Inpres 2/2021)'),
  ('REGION', 'INNOVATION', 7, 10,
   'Bobot bawaan Lindung (belum terkonfirmasi). Subkategori inovasi (papuatengah.antaranews.com 68613)'),
  ('REGION', 'HEAD_ATTENDANCE', 8, 5,
   'Bobot bawaan Lindung (belum terkonfirmasi). Subkategori kehadiran kepala daerah pada wawancara (papuatengah.antaranews.com 68613)'),
  ('BUSINESS', 'WORKERS_ENROLLED_SHARE', 1, 50,
   'Bobot bawaan Lindung (belum terkonfirmasi). Bagian pekerja badan usaha yang terdaftar'),
  ('BUSINESS', 'PROGRAMMES', 2, 20,
   'Bobot bawaan Lindung (belum terkonfirmasi). Jumlah program yang diikuti (JKK, JKM, JHT, JP, JKP)'),
  ('BUSINESS', 'CONTRIBUTIONS_ON_TIME', 3, 15,
   'Bobot bawaan Lindung (belum terkonfirmasi). Iuran dibayar tepat waktu sepanjang tahun penilaian'),
  ('BUSINESS', 'INNOVATION', 4, 15,
   'Bobot bawaan Lindung (belum terkonfirmasi). Inovasi perlindungan pekerja, nilai juri');

-- An award cycle: the award year, its category and the year whose figures are judged (Paritrana 2025 judged 2024).
-- OPEN: evidence is entered; SCORING: the jury scores; CLOSED: nothing changes, coverage figures are frozen.
CREATE TABLE paritrana_cycle (
  id               BIGSERIAL    PRIMARY KEY,
  year             SMALLINT     NOT NULL CHECK (year BETWEEN 2017 AND 2100),
  category         VARCHAR(20)  NOT NULL CHECK (category IN
                     ('PROVINCE','KABKOTA','BUSINESS_LARGE','BUSINESS_MEDIUM','BUSINESS_SMALL_MICRO')),
  evaluation_year  SMALLINT     NOT NULL CHECK (evaluation_year BETWEEN 2000 AND 2100),
  status           VARCHAR(8)   NOT NULL CHECK (status IN ('OPEN','SCORING','CLOSED')),
  created_by       VARCHAR(60)  NOT NULL,
  created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
  closed_at        TIMESTAMPTZ,
  UNIQUE (year, category)
);

-- The indicators of a cycle and their weights (points; a contribution is score x weight / sum of the weights).
CREATE TABLE paritrana_indicator (
  cycle_id            BIGINT       NOT NULL REFERENCES paritrana_cycle(id),
  code                VARCHAR(30)  NOT NULL,
  position            SMALLINT     NOT NULL,
  weight              SMALLINT     NOT NULL CHECK (weight BETWEEN 0 AND 100),
  weight_unconfirmed  BOOLEAN      NOT NULL,
  note                VARCHAR(400) NOT NULL,
  updated_by          VARCHAR(60)  NOT NULL DEFAULT 'system',
  updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (cycle_id, code)
);

-- An entrant: a region (province, kab/kota; region_code is the region itself) or a business (region_code is where
-- it is, employer_ref its NPP when known).
CREATE TABLE paritrana_participant (
  id            BIGSERIAL    PRIMARY KEY,
  cycle_id      BIGINT       NOT NULL REFERENCES paritrana_cycle(id),
  region_code   VARCHAR(13)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  employer_ref  VARCHAR(40),
  created_by    VARCHAR(60)  NOT NULL DEFAULT 'system',
  created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  UNIQUE (cycle_id, region_code, name)
);

-- What an entrant's government (or an administrator) declares per indicator, with the document it rests on.
CREATE TABLE paritrana_evidence (
  participant_id  BIGINT       NOT NULL REFERENCES paritrana_participant(id),
  code            VARCHAR(30)  NOT NULL,
  value           BIGINT       NOT NULL CHECK (value >= 0),
  document        VARCHAR(500) NOT NULL,
  entered_by      VARCHAR(60)  NOT NULL,
  entered_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (participant_id, code)
);

-- One juror's score (0-100) of an entrant on a jury indicator; the indicator's score is the jurors' average.
CREATE TABLE paritrana_jury_score (
  participant_id  BIGINT       NOT NULL REFERENCES paritrana_participant(id),
  code            VARCHAR(30)  NOT NULL,
  juror           VARCHAR(60)  NOT NULL,
  score           SMALLINT     NOT NULL CHECK (score BETWEEN 0 AND 100),
  note            VARCHAR(500),
  scored_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (participant_id, code, juror)
);

-- Coverage figures of a closed cycle as they were when it closed (value NULL: no data), so a late enrolment dated
-- back into the evaluation year cannot reorder an awarded ranking.
CREATE TABLE paritrana_frozen_figure (
  participant_id   BIGINT       NOT NULL REFERENCES paritrana_participant(id),
  code             VARCHAR(30)  NOT NULL,
  value            BIGINT,
  reference_month  DATE,
  PRIMARY KEY (participant_id, code)
);

-- The first cycles: Paritrana Award Kalimantan Barat 2026 (judging 2025), kab/kota (the 14 kab/kota) and province
-- (Kalimantan Barat, its entry to the national award), with the default weights.
INSERT INTO paritrana_cycle (year, category, evaluation_year, status, created_by) VALUES
  (2026, 'KABKOTA', 2025, 'OPEN', 'system'),
  (2026, 'PROVINCE', 2025, 'OPEN', 'system');

INSERT INTO paritrana_indicator (cycle_id, code, position, weight, weight_unconfirmed, note)
SELECT c.id, w.code, w.position, w.weight, TRUE, w.note
  FROM paritrana_cycle c JOIN paritrana_default_weight w ON w.category_group = 'REGION'
 WHERE c.year = 2026;

INSERT INTO paritrana_participant (cycle_id, region_code, name)
SELECT c.id, r.code, r.name
  FROM paritrana_cycle c JOIN region r
    ON (c.category = 'KABKOTA' AND r.parent_code = '61') OR (c.category = 'PROVINCE' AND r.code = '61')
 WHERE c.year = 2026;
