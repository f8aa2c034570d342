-- Issue 19 point 3: banks calling Bank Indonesia's SNAP transfer-VA services. A bank is a client: its X-CLIENT-KEY,
-- its RSA public key (PEM, verifies the access-token request) and the client secret for HMAC-SHA512, sealed by the
-- Vault (column snap_client.secret_enc). Access tokens are kept as SHA-256 hashes only. An X-EXTERNAL-ID is used once
-- per partner per day.
CREATE TABLE snap_client (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_key     VARCHAR(64)  NOT NULL UNIQUE,
    name           VARCHAR(120) NOT NULL,
    public_key_pem TEXT         NOT NULL,
    secret_enc     BYTEA        NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE snap_token (
    token_hash BYTEA       PRIMARY KEY,
    client_id  BIGINT      NOT NULL REFERENCES snap_client (id),
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX snap_token_expires ON snap_token (expires_at);

CREATE TABLE snap_external_id (
    client_id   BIGINT      NOT NULL REFERENCES snap_client (id),
    day         DATE        NOT NULL,
    external_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (client_id, day, external_id)
);
