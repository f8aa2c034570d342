-- Scholarship years paid on proof of enrolment (one row per child and school year; the engine refuses a second).
CREATE TABLE claim_scholarship_payment (
  claim_id      BIGINT       NOT NULL REFERENCES claim (id),
  child_id      VARCHAR(40)  NOT NULL,
  child_name    VARCHAR(200) NOT NULL,
  school_year   INTEGER      NOT NULL,
  level         VARCHAR(20)  NOT NULL,
  amount        BIGINT       NOT NULL CHECK (amount > 0),
  formula       VARCHAR(300) NOT NULL,
  legal_basis   VARCHAR(300) NOT NULL,
  decided_by    VARCHAR(60)  NOT NULL,
  decided_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (claim_id, child_id, school_year)
);
