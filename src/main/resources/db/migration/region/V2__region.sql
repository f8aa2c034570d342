-- Kemendagri region codes: province (61) > kab/kota (61.04) > kecamatan (61.04.01) > desa (61.04.01.2001).
CREATE TABLE region (
  code          VARCHAR(13)  PRIMARY KEY,
  name          VARCHAR(150) NOT NULL,
  level         SMALLINT     NOT NULL CHECK (level BETWEEN 1 AND 4),
  parent_code   VARCHAR(13),
  province_code CHAR(2)      NOT NULL
);
CREATE INDEX region_parent_idx ON region (parent_code, code);

-- Dukcapil population per province and kab/kota (code '0' = Indonesia).
CREATE TABLE region_population (
  code   VARCHAR(5) PRIMARY KEY,
  male   INTEGER NOT NULL,
  female INTEGER NOT NULL,
  total  INTEGER NOT NULL
);

-- One GeoJSON Feature per kab/kota boundary.
CREATE TABLE region_boundary (
  code          VARCHAR(5) PRIMARY KEY,
  province_code CHAR(2)    NOT NULL,
  feature       JSONB      NOT NULL
);
CREATE INDEX region_boundary_province_idx ON region_boundary (province_code);
