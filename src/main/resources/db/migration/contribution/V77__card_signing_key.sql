-- Issue 19 point 4: the keys that sign membership cards (Ed25519, compact JWS). The private key (PKCS#8) is sealed
-- by the Vault (column card_signing_key.private_key_enc) and wiped when the key is retired; the public key (32 raw
-- bytes) stays, so cards signed before a rotation still verify. At most one key is current.
CREATE TABLE card_signing_key (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kid             VARCHAR(32) NOT NULL UNIQUE,
    public_key      BYTEA       NOT NULL CHECK (length(public_key) = 32),
    private_key_enc BYTEA,
    created_at      TIMESTAMPTZ NOT NULL,
    retired_at      TIMESTAMPTZ,
    CHECK ((retired_at IS NULL) = (private_key_enc IS NOT NULL))
);
CREATE UNIQUE INDEX card_signing_key_one_current ON card_signing_key ((TRUE)) WHERE retired_at IS NULL;
