-- The DCI registry API (issue 20 point 1, docs/decisions.md "DCI registry API").
--
-- A partner programme that may search the registry: its DCI sender_id, its Ed25519 public key (X.509
-- SubjectPublicKeyInfo) that verifies its bearer token and its message signatures, where its on-search callbacks go,
-- and its agreement: the fields it may receive (REGISTERED, PROGRAMMES, PROTECTED_UNTIL), the identifier types it may
-- search by (NIK, MEMBERSHIP_NUMBER), the most queries in one message and per hour.
CREATE TABLE interop_partner (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sender_id         VARCHAR(100)  NOT NULL UNIQUE,
  name              VARCHAR(200)  NOT NULL,
  public_key        BYTEA         NOT NULL,
  callback_url      VARCHAR(500),
  fields            VARCHAR(100)  NOT NULL,
  id_types          VARCHAR(100)  NOT NULL,
  max_batch         INTEGER       NOT NULL CHECK (max_batch BETWEEN 1 AND 10000),
  lookups_per_hour  INTEGER       NOT NULL CHECK (lookups_per_hour >= 1),
  active            BOOLEAN       NOT NULL DEFAULT TRUE,
  registered_at     TIMESTAMPTZ   NOT NULL,
  CHECK (fields <> '' AND id_types <> '')
);

-- Every message_id a partner sent, kept lindung.interop.replay-days: a second message with the same id is refused.
CREATE TABLE interop_message (
  partner_id   BIGINT        NOT NULL REFERENCES interop_partner (id),
  message_id   VARCHAR(100)  NOT NULL,
  received_at  TIMESTAMPTZ   NOT NULL,
  PRIMARY KEY (partner_id, message_id)
);
CREATE INDEX interop_message_received_idx ON interop_message (received_at);

-- The on-search answers waiting for delivery to the partner's callback (the answer only: reference ids and the
-- agreed fields, never a NIK); QUEUED, SENDING (claimed), DELIVERED or FAILED; the body is erased once delivered or
-- failed for good.
CREATE TABLE interop_callback (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  partner_id       BIGINT        NOT NULL REFERENCES interop_partner (id),
  message_id       VARCHAR(100)  NOT NULL,
  body             TEXT,
  status           VARCHAR(10)   NOT NULL DEFAULT 'QUEUED'
                                 CHECK (status IN ('QUEUED', 'SENDING', 'DELIVERED', 'FAILED')),
  attempts         INTEGER       NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMPTZ   NOT NULL,
  last_error       VARCHAR(200),
  created_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX interop_callback_due_idx ON interop_callback (next_attempt_at) WHERE status IN ('QUEUED', 'SENDING');

-- Lindung's own Ed25519 key that signs its answers and callbacks: one row, made at the first start, the private half
-- sealed by the Vault (column interop_signing_key.private_key_enc).
CREATE TABLE interop_signing_key (
  id               INTEGER       PRIMARY KEY CHECK (id = 1),
  public_key       BYTEA         NOT NULL,
  private_key_enc  BYTEA         NOT NULL,
  created_at       TIMESTAMPTZ   NOT NULL
);
