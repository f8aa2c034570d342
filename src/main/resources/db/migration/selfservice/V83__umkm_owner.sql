-- UMKM owners (issue 19 point 5): the people an owner added to their business. A helper (informal, BPU) is ACTIVE
-- at once when the owner registered them; an employee (PU, obligations on the employer) and anyone whose NIK was
-- registered already wait (PENDING) for an officer whose scope holds the business's desa. label and nik_mask are
-- what the owner typed (masked), never read from the registry: the owner sees only what they said.
CREATE TABLE business_worker (
  id             BIGSERIAL    PRIMARY KEY,
  business_id    BIGINT       NOT NULL,
  participant_id BIGINT       NOT NULL,
  kind           VARCHAR(8)   NOT NULL CHECK (kind IN ('HELPER', 'EMPLOYEE')),
  label          VARCHAR(200) NOT NULL,
  nik_mask       VARCHAR(20)  NOT NULL,
  region_code    VARCHAR(13)  NOT NULL,
  base_amount    BIGINT       NOT NULL CHECK (base_amount > 0),
  sector         VARCHAR(20)  NOT NULL,
  status         VARCHAR(8)   NOT NULL CHECK (status IN ('ACTIVE', 'PENDING', 'REFUSED')),
  membership_id  BIGINT,
  requested_at   TIMESTAMPTZ  NOT NULL,
  decided_by     VARCHAR(100),
  decided_at     TIMESTAMPTZ,
  CHECK ((status = 'ACTIVE') = (membership_id IS NOT NULL))
);
CREATE UNIQUE INDEX business_worker_once ON business_worker (business_id, participant_id) WHERE status <> 'REFUSED';
CREATE INDEX business_worker_pending ON business_worker (region_code) WHERE status = 'PENDING';

-- The employer record (enrolment's, with its NPP and JKK risk class) an officer registered for a business when
-- confirming its first employee.
CREATE TABLE business_employer (
  business_id BIGINT PRIMARY KEY,
  employer_id BIGINT NOT NULL UNIQUE
);
