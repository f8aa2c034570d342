-- API tokens for machines (a KUR bank's host-to-host link): a token acts as its user (same role and scope).
-- Only the hex SHA-256 of the token is stored; the token itself is shown once, when it is issued.
-- prefix: the token's first characters ("lkt_" + 4), to tell tokens apart in lists; not a secret.
CREATE TABLE api_token (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username     VARCHAR(60)  NOT NULL REFERENCES app_user (username),
  name         VARCHAR(120) NOT NULL,
  token_hash   CHAR(64)     NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  prefix       VARCHAR(12)  NOT NULL,
  created_by   VARCHAR(60)  NOT NULL,
  created_at   TIMESTAMPTZ  NOT NULL,
  expires_at   TIMESTAMPTZ,
  revoked_at   TIMESTAMPTZ,
  last_used_at TIMESTAMPTZ
);
CREATE INDEX api_token_username_idx ON api_token (username);
