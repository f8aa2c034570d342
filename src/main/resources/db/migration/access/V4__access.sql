-- People who sign in, with one role and one region scope ('61' = whole province, '61.04' = one kab/kota).
CREATE TABLE app_user (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      VARCHAR(60)  NOT NULL UNIQUE,
  password_hash VARCHAR(100) NOT NULL,
  display_name  VARCHAR(120) NOT NULL,
  role          VARCHAR(20)  NOT NULL CHECK (role IN ('ADMIN','OFFICER','GOV_ANALYST','BANK_OFFICER','AGENT')),
  region_scope  VARCHAR(13)  NOT NULL,
  enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Every write: who, when, what changed (JSON of field -> [old, new]).
CREATE TABLE audit_log (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at  TIMESTAMPTZ NOT NULL,
  actor        VARCHAR(60) NOT NULL,
  action       VARCHAR(40) NOT NULL,
  entity_type  VARCHAR(40) NOT NULL,
  entity_id    VARCHAR(40) NOT NULL,
  region_code  VARCHAR(13),
  changes      JSONB       NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, occurred_at DESC);
CREATE INDEX audit_log_time_idx ON audit_log (occurred_at DESC);
