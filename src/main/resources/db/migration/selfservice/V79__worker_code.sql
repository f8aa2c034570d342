-- One-time codes for workers (issue 19): sign-in of a registered worker ('p:<participant id>') and the phone check
-- before self-registration ('tel:<keyed blind index of the phone>'). The code is kept only as a keyed hash of the
-- subject and the code; it expires after five minutes, is spent by its first right use, and is voided by its fifth
-- wrong one. A newer code of the same purpose and subject voids the older ones.
CREATE TABLE worker_code (
  id         BIGSERIAL    PRIMARY KEY,
  purpose    VARCHAR(16)  NOT NULL CHECK (purpose IN ('SIGN_IN', 'REGISTER')),
  subject    VARCHAR(80)  NOT NULL,
  code_hash  BYTEA        NOT NULL,
  created_at TIMESTAMPTZ  NOT NULL,
  expires_at TIMESTAMPTZ  NOT NULL,
  failures   INTEGER      NOT NULL DEFAULT 0,
  spent_at   TIMESTAMPTZ
);
CREATE INDEX worker_code_open ON worker_code (purpose, subject) WHERE spent_at IS NULL;
