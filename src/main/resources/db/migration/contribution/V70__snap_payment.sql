-- Issue 19 point 3, second slice: SNAP transfer-VA payment notification and status. A bank's payment is recorded
-- once per (bank, paymentRequestId) in the same transaction as the ledger's payment (channel SNAP) it created, so the
-- same notification again answers the same result and records nothing. inquiryRequestId is unique per bank while it
-- is kept (with the X-EXTERNAL-ID rows, purged after SnapClients.REPLAY_DAYS days).
CREATE TABLE snap_payment (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id          BIGINT       NOT NULL REFERENCES snap_client (id),
    payment_request_id VARCHAR(128) NOT NULL,
    external_id        VARCHAR(36)  NOT NULL,
    virtual_account_no VARCHAR(28)  NOT NULL,
    payment_id         BIGINT       NOT NULL REFERENCES payment (id),
    paid_amount        BIGINT       NOT NULL CHECK (paid_amount > 0),
    paid_on            DATE         NOT NULL,
    trx_date_time      VARCHAR(40)  NOT NULL,
    reference_no       VARCHAR(64),
    recorded_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT snap_payment_request_uk UNIQUE (client_id, payment_request_id)
);
CREATE INDEX snap_payment_day ON snap_payment (paid_on, client_id);

CREATE TABLE snap_inquiry_id (
    client_id          BIGINT       NOT NULL REFERENCES snap_client (id),
    inquiry_request_id VARCHAR(128) NOT NULL,
    day                DATE         NOT NULL,
    PRIMARY KEY (client_id, inquiry_request_id)
);
CREATE INDEX snap_inquiry_id_day ON snap_inquiry_id (day);
CREATE INDEX snap_external_id_day ON snap_external_id (day);
