-- Back-dating is arrears, not protection (issue 15): how far back each role may date a start at enrolment is limited
-- (lindung.enrolment.backdate-months.*); an earlier start is a correction that one officer requests with a reason and
-- a second officer approves. The approved correction moves the start: the months in between become owed (arrears).
CREATE TABLE membership_start_correction (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  membership_id   BIGINT       NOT NULL REFERENCES membership (id),
  previous_start  DATE         NOT NULL,
  requested_start DATE         NOT NULL CHECK (requested_start < previous_start),
  reason          VARCHAR(500) NOT NULL,
  status          VARCHAR(8)   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','APPROVED','REJECTED')),
  requested_by    VARCHAR(60)  NOT NULL,
  requested_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  decided_by      VARCHAR(60),
  decided_at      TIMESTAMPTZ,
  CHECK ((status = 'PENDING') = (decided_by IS NULL)),
  CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
-- at most one correction waiting per membership
CREATE UNIQUE INDEX membership_start_correction_pending_uk ON membership_start_correction (membership_id)
  WHERE status = 'PENDING';
