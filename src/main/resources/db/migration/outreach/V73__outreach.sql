-- Issue 19 point 7: messages and reminders. One row per message to send. The recipient (phone number or e-mail
-- address) is personal data: sealed by the Vault (outreach_message.recipient_enc) with a blind index
-- (recipient_hash) for opt-outs and search. dedupe_key is unique: a second message with the same key is not queued
-- (a reminder's key names its kind, member and day). A sensitive body (a one-time code) is set to NULL once the
-- message is delivered or has expired (expires_at).
CREATE TABLE outreach_message (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel         VARCHAR(8)   NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    kind            VARCHAR(40)  NOT NULL,
    dedupe_key      VARCHAR(200) NOT NULL UNIQUE,
    recipient_enc   BYTEA        NOT NULL,
    recipient_hash  BYTEA        NOT NULL,
    participant_id  BIGINT,
    region_code     VARCHAR(13),
    subject         VARCHAR(200) NOT NULL DEFAULT '',
    body            TEXT,
    sensitive       BOOLEAN      NOT NULL DEFAULT FALSE,
    status          VARCHAR(10)  NOT NULL DEFAULT 'QUEUED'
                    CHECK (status IN ('QUEUED', 'SENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT lindung_now(),
    last_error      VARCHAR(300),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT lindung_now(),
    delivered_at    TIMESTAMPTZ,
    expires_at      TIMESTAMPTZ
);
CREATE INDEX outreach_message_due ON outreach_message (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX outreach_message_status ON outreach_message (status, id);
CREATE INDEX outreach_message_recipient ON outreach_message (recipient_hash);
CREATE INDEX outreach_message_participant ON outreach_message (participant_id, kind);

-- A recipient who asked for no more messages on a channel (honoured when a message is queued and when it is sent).
CREATE TABLE outreach_opt_out (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel        VARCHAR(8)  NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    recipient_enc  BYTEA       NOT NULL,
    recipient_hash BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT lindung_now(),
    UNIQUE (recipient_hash, channel)
);
