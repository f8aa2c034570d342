-- One bill and one VA for an UMKM business (issue 19 point 5): the memberships billed together. A membership is on
-- at most one business's bill. The business VA's customer number is '9', the business id in 9 digits and a Luhn
-- check digit (docs/decisions.md, "UMKM owners"); membership numbers start with '2'.
CREATE TABLE business_bill_member (
  business_id   BIGINT      NOT NULL,
  membership_id BIGINT      NOT NULL UNIQUE,
  added_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (business_id, membership_id)
);

-- A SNAP payment of a business VA is split into one ledger payment per membership owing; snap_payment.payment_id
-- names the first, this table all of them.
CREATE TABLE snap_payment_part (
  snap_payment_id BIGINT NOT NULL REFERENCES snap_payment (id),
  payment_id      BIGINT NOT NULL REFERENCES payment (id),
  PRIMARY KEY (snap_payment_id, payment_id)
);
