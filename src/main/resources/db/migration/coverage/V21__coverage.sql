-- UCJ coverage (issue 6): denominators, targets and the read model of active memberships.

-- Working population per region, year and segment (BPS Sakernas as used by BPJS Ketenagakerjaan). A year's figures
-- hold until a later year's are known. estimated: not published for the region (e.g. apportioned by population);
-- shown as an estimate until real figures are imported.
CREATE TABLE coverage_denominator (
  region_code  VARCHAR(13)  NOT NULL,
  year         SMALLINT     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  segment      VARCHAR(12)  NOT NULL CHECK (segment IN ('FORMAL','INFORMAL','CONSTRUCTION')),
  workers      INTEGER      NOT NULL CHECK (workers > 0),
  estimated    BOOLEAN      NOT NULL,
  source       VARCHAR(300) NOT NULL,
  source_date  DATE,
  updated_by   VARCHAR(60)  NOT NULL DEFAULT 'system',
  updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, year, segment)
);

-- Kalimantan Barat. 2025: Sakernas 2025 as stated at the Paritrana Award Kalbar 2025 opening (harianberkat.com
-- 2025-09-24): 800,904 formal, 864,518 informal, 154,008 construction. 2024: 1,665,422 workers (Sakernas Februari
-- 2024, kalbar.antaranews.com 588067); its formal/informal split is the 2025 pair, whose sum is exactly 1,665,422 and
-- which reproduces the 2024 segment rates (460,267 = 57.47% formal, 147,159 = 17.02% informal): marked estimated.
INSERT INTO coverage_denominator (region_code, year, segment, workers, estimated, source, source_date) VALUES
  ('61', 2024, 'FORMAL', 800904, TRUE,
   'Sakernas Feb 2024: 1.665.422 pekerja (kalbar.antaranews.com 588067); pembagian formal/informal dari Sakernas 2025 (harianberkat.com 2025-09-24)',
   '2024-02-01'),
  ('61', 2024, 'INFORMAL', 864518, TRUE,
   'Sakernas Feb 2024: 1.665.422 pekerja (kalbar.antaranews.com 588067); pembagian formal/informal dari Sakernas 2025 (harianberkat.com 2025-09-24)',
   '2024-02-01'),
  ('61', 2025, 'FORMAL', 800904, FALSE, 'Sakernas 2025 (harianberkat.com 2025-09-24)', '2025-09-24'),
  ('61', 2025, 'INFORMAL', 864518, FALSE, 'Sakernas 2025 (harianberkat.com 2025-09-24)', '2025-09-24'),
  ('61', 2025, 'CONSTRUCTION', 154008, FALSE, 'Sakernas 2025 (harianberkat.com 2025-09-24)', '2025-09-24');

-- Kab/kota: no published figures per segment; the province's apportioned by Dukcapil population 2025 (Kepmendagri
-- 300.2.2-2138/2025, src/main/resources/reference/population.csv), largest remainder, so each year and segment sums
-- to the province exactly. Estimates until real figures are imported.
INSERT INTO coverage_denominator (region_code, year, segment, workers, estimated, source, source_date)
SELECT code, year, segment, workers, TRUE,
       'Perkiraan: angka provinsi dibagi menurut jumlah penduduk (Dukcapil 2025, Kepmendagri 300.2.2-2138/2025)', NULL
  FROM (VALUES
  ('61.01', 2024, 'FORMAL', 92377),
  ('61.02', 2024, 'FORMAL', 44561),
  ('61.03', 2024, 'FORMAL', 70792),
  ('61.04', 2024, 'FORMAL', 82773),
  ('61.05', 2024, 'FORMAL', 64853),
  ('61.06', 2024, 'FORMAL', 39290),
  ('61.07', 2024, 'FORMAL', 41982),
  ('61.08', 2024, 'FORMAL', 58871),
  ('61.09', 2024, 'FORMAL', 31985),
  ('61.10', 2024, 'FORMAL', 30866),
  ('61.11', 2024, 'FORMAL', 18000),
  ('61.12', 2024, 'FORMAL', 91646),
  ('61.71', 2024, 'FORMAL', 97453),
  ('61.72', 2024, 'FORMAL', 35455),
  ('61.01', 2024, 'INFORMAL', 99714),
  ('61.02', 2024, 'INFORMAL', 48100),
  ('61.03', 2024, 'INFORMAL', 76415),
  ('61.04', 2024, 'INFORMAL', 89348),
  ('61.05', 2024, 'INFORMAL', 70004),
  ('61.06', 2024, 'INFORMAL', 42411),
  ('61.07', 2024, 'INFORMAL', 45316),
  ('61.08', 2024, 'INFORMAL', 63547),
  ('61.09', 2024, 'INFORMAL', 34526),
  ('61.10', 2024, 'INFORMAL', 33317),
  ('61.11', 2024, 'INFORMAL', 19430),
  ('61.12', 2024, 'INFORMAL', 98925),
  ('61.71', 2024, 'INFORMAL', 105194),
  ('61.72', 2024, 'INFORMAL', 38271),
  ('61.01', 2025, 'FORMAL', 92377),
  ('61.02', 2025, 'FORMAL', 44561),
  ('61.03', 2025, 'FORMAL', 70792),
  ('61.04', 2025, 'FORMAL', 82773),
  ('61.05', 2025, 'FORMAL', 64853),
  ('61.06', 2025, 'FORMAL', 39290),
  ('61.07', 2025, 'FORMAL', 41982),
  ('61.08', 2025, 'FORMAL', 58871),
  ('61.09', 2025, 'FORMAL', 31985),
  ('61.10', 2025, 'FORMAL', 30866),
  ('61.11', 2025, 'FORMAL', 18000),
  ('61.12', 2025, 'FORMAL', 91646),
  ('61.71', 2025, 'FORMAL', 97453),
  ('61.72', 2025, 'FORMAL', 35455),
  ('61.01', 2025, 'INFORMAL', 99714),
  ('61.02', 2025, 'INFORMAL', 48100),
  ('61.03', 2025, 'INFORMAL', 76415),
  ('61.04', 2025, 'INFORMAL', 89348),
  ('61.05', 2025, 'INFORMAL', 70004),
  ('61.06', 2025, 'INFORMAL', 42411),
  ('61.07', 2025, 'INFORMAL', 45316),
  ('61.08', 2025, 'INFORMAL', 63547),
  ('61.09', 2025, 'INFORMAL', 34526),
  ('61.10', 2025, 'INFORMAL', 33317),
  ('61.11', 2025, 'INFORMAL', 19430),
  ('61.12', 2025, 'INFORMAL', 98925),
  ('61.71', 2025, 'INFORMAL', 105194),
  ('61.72', 2025, 'INFORMAL', 38271),
  ('61.01', 2025, 'CONSTRUCTION', 17763),
  ('61.02', 2025, 'CONSTRUCTION', 8569),
  ('61.03', 2025, 'CONSTRUCTION', 13613),
  ('61.04', 2025, 'CONSTRUCTION', 15917),
  ('61.05', 2025, 'CONSTRUCTION', 12471),
  ('61.06', 2025, 'CONSTRUCTION', 7555),
  ('61.07', 2025, 'CONSTRUCTION', 8073),
  ('61.08', 2025, 'CONSTRUCTION', 11320),
  ('61.09', 2025, 'CONSTRUCTION', 6151),
  ('61.10', 2025, 'CONSTRUCTION', 5935),
  ('61.11', 2025, 'CONSTRUCTION', 3461),
  ('61.12', 2025, 'CONSTRUCTION', 17623),
  ('61.71', 2025, 'CONSTRUCTION', 18739),
  ('61.72', 2025, 'CONSTRUCTION', 6818)  ) AS v (code, year, segment, workers);

-- Targets (basis points of a percent: 5956 = 59.56%). A region without its own target for a year inherits its
-- parent's (shown as such).
CREATE TABLE coverage_target (
  region_code  VARCHAR(13)  NOT NULL,
  year         SMALLINT     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  target       INTEGER      NOT NULL CHECK (target > 0 AND target <= 10000),
  source       VARCHAR(300) NOT NULL,
  unconfirmed  BOOLEAN      NOT NULL DEFAULT FALSE,
  updated_by   VARCHAR(60)  NOT NULL DEFAULT 'system',
  updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, year)
);
INSERT INTO coverage_target (region_code, year, target, source, unconfirmed) VALUES
  ('61', 2024, 4000, 'RKPD Kalbar 2024: 40% (kalbar.antaranews.com 588067); Pemprov menyebut 50,14% (kalbar.antaranews.com 603425)', TRUE),
  ('61', 2025, 5956, 'Target UCJ Pemprov Kalbar/BPJS TK 59,56% (prokal.co 2025-03-18; suaraborneo.id 2025-10)', FALSE),
  ('61', 2026, 6080, 'Target UCJ Pemprov Kalbar 60,80% (suaraborneo.id 2025-10); Gubernur: 61% sesuai Perda (nomor Perda belum terkonfirmasi)', FALSE),
  ('61', 2030, 6577, 'Target UCJ Pemprov Kalbar 65,77% (suaraborneo.id 2025-10)', FALSE),
  ('61.12', 2025, 5900, 'Target UCJ Kubu Raya 59% akhir 2025 (kalbar.antaranews.com 666053)', FALSE),
  ('61.71', 2026, 4500, 'Target Kota Pontianak 2026: 45% (faktakalbar.id 2026-02-12)', FALSE);

-- The read model. coverage_span: each membership as counted (kept by enrolment events, rebuilt from
-- enrolment_membership_v); weight 1, or the project's workers for construction.
CREATE TABLE coverage_span (
  membership_id  BIGINT      PRIMARY KEY,
  segment        VARCHAR(12) NOT NULL,
  channel        VARCHAR(11) NOT NULL,
  region_key     VARCHAR(8)  NOT NULL,   -- kecamatan code (or kab/kota code when the region is no finer)
  start_month    DATE        NOT NULL,
  end_month      DATE,
  weight         INTEGER     NOT NULL
);

-- Active memberships per region, segment, channel and month at three levels, so a dashboard reads its region by
-- key: each kecamatan, each kab/kota (including members known only to kab/kota level) and the province. Every month
-- from first_month to last_month of coverage_state; cells at zero may be absent.
CREATE TABLE coverage_monthly (
  region_code VARCHAR(8)  COLLATE "C" NOT NULL,
  month       DATE        NOT NULL,
  segment     VARCHAR(12) NOT NULL,
  channel     VARCHAR(11) NOT NULL,
  active      INTEGER     NOT NULL,
  PRIMARY KEY (region_code, month, segment, channel)
);

-- One row: which months coverage_monthly holds and when it was last rebuilt.
CREATE TABLE coverage_state (
  id            BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (id),
  first_month   DATE        NOT NULL,
  last_month    DATE        NOT NULL,
  rebuilt_at    TIMESTAMPTZ,
  rebuild_ms    INTEGER
);
