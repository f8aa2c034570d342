-- The registry of workers. region_code is the address down to desa; kab/kota and province are derived
-- (province_code is the future distribution key when the registry outgrows one server).
CREATE TABLE participant (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  nik           CHAR(16)     NOT NULL,
  full_name     VARCHAR(150) NOT NULL,
  name_key      VARCHAR(150) NOT NULL,          -- upper case, single spaces: search and duplicate key
  birth_date    DATE         NOT NULL,
  sex           CHAR(1)      NOT NULL CHECK (sex IN ('L','P')),
  region_code   VARCHAR(13)  NOT NULL,
  kabkota_code  VARCHAR(5)   GENERATED ALWAYS AS (substr(region_code, 1, 5)) STORED,
  province_code CHAR(2)      GENERATED ALWAYS AS (substr(region_code, 1, 2)) STORED,
  phone         VARCHAR(20),
  occupation    VARCHAR(100),
  status        VARCHAR(12)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','INACTIVE','DECEASED')),
  nik_warnings  VARCHAR(200),
  created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  version       INTEGER      NOT NULL DEFAULT 0,
  CONSTRAINT participant_nik_uk UNIQUE (nik)
);
CREATE INDEX participant_kabkota_name_idx ON participant (kabkota_code, name_key text_pattern_ops);
CREATE INDEX participant_name_idx ON participant (name_key text_pattern_ops);
CREATE INDEX participant_region_idx ON participant (region_code text_pattern_ops);
CREATE INDEX participant_dup_key_idx ON participant (name_key, birth_date);

-- Family members: heirs (ahli waris) and children (for scholarships later).
CREATE TABLE participant_relative (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  participant_id BIGINT       NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  relation       VARCHAR(12)  NOT NULL CHECK (relation IN ('SPOUSE','CHILD','PARENT','SIBLING','OTHER')),
  full_name      VARCHAR(150) NOT NULL,
  nik            CHAR(16),
  birth_date     DATE,
  sex            CHAR(1) CHECK (sex IN ('L','P')),
  heir           BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX participant_relative_owner_idx ON participant_relative (participant_id);

-- UMKM businesses (NIB from OSS), owned by a participant.
CREATE TABLE umkm_business (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  nib            CHAR(13)     NOT NULL,
  name           VARCHAR(150) NOT NULL,
  owner_id       BIGINT       NOT NULL REFERENCES participant (id),
  kbli           VARCHAR(5)   NOT NULL,
  scale          VARCHAR(9)   NOT NULL CHECK (scale IN ('MIKRO','KECIL','MENENGAH')),
  region_code    VARCHAR(13)  NOT NULL,
  kabkota_code   VARCHAR(5)   GENERATED ALWAYS AS (substr(region_code, 1, 5)) STORED,
  worker_count   INTEGER      NOT NULL CHECK (worker_count >= 0),
  created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
  CONSTRAINT umkm_business_nib_uk UNIQUE (nib)
);
CREATE INDEX umkm_business_owner_idx ON umkm_business (owner_id);
CREATE INDEX umkm_business_kabkota_idx ON umkm_business (kabkota_code);

-- Possible duplicates: same name and birth date, different NIK. An officer confirms or dismisses.
CREATE TABLE participant_duplicate (
  participant_id  BIGINT      NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  other_id        BIGINT      NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  detected_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  status          VARCHAR(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CONFIRMED','DISMISSED')),
  PRIMARY KEY (participant_id, other_id),
  CHECK (participant_id > other_id)
);
CREATE INDEX participant_duplicate_open_idx ON participant_duplicate (status) WHERE status = 'OPEN';
