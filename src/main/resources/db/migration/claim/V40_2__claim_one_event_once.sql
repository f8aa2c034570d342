-- One event pays once (issue 15).
-- A JKK case: the claims of one participant on one accident date. case_number is the first claim's number; a later
-- claim on the same accident carries it, continues the case (invoices, STMB months) and cannot hold a second lump
-- sum. JKM deaths have none.
ALTER TABLE claim ADD COLUMN case_number VARCHAR(20);
UPDATE claim c
   SET case_number = (SELECT f.claim_number FROM claim f
                       WHERE f.participant_id = c.participant_id AND f.event_date = c.event_date
                         AND f.kind LIKE 'JKK%' ORDER BY f.id LIMIT 1)
 WHERE c.kind LIKE 'JKK%';
CREATE INDEX claim_case_idx ON claim (case_number) WHERE case_number IS NOT NULL;

-- How the children of the scholarship plan were chosen: CHOSEN at intake, or DEFAULT (the documented rule).
ALTER TABLE claim ADD COLUMN scholarship_choice VARCHAR(10) CHECK (scholarship_choice IN ('CHOSEN', 'DEFAULT'));

-- An approved death: the participant was marked DECEASED and these memberships ended DECEASED. Kept so that an
-- audited correction can put back exactly what was there (previous status, each membership's previous end). One
-- death in force per participant.
CREATE TABLE claim_death (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  claim_id           BIGINT       NOT NULL REFERENCES claim (id),
  participant_id     BIGINT       NOT NULL,
  date_of_death      DATE         NOT NULL,
  previous_status    VARCHAR(12)  NOT NULL,
  recorded_by        VARCHAR(60)  NOT NULL,
  recorded_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
  corrected_by       VARCHAR(60),
  corrected_at       TIMESTAMPTZ,
  correction_reason  VARCHAR(500),
  CHECK ((corrected_at IS NULL) = (corrected_by IS NULL) AND (corrected_at IS NULL) = (correction_reason IS NULL))
);
CREATE UNIQUE INDEX claim_death_in_force ON claim_death (participant_id) WHERE corrected_at IS NULL;
CREATE INDEX claim_death_claim_idx ON claim_death (claim_id);

CREATE TABLE claim_death_membership (
  death_id             BIGINT      NOT NULL REFERENCES claim_death (id),
  membership_id        BIGINT      NOT NULL,
  previous_end_month   DATE,
  previous_end_reason  VARCHAR(14),
  PRIMARY KEY (death_id, membership_id)
);
