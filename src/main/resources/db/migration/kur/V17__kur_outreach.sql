-- Outreach: a borrower's loan handed to a field agent, and the membership the enrol action created.
ALTER TABLE kur_loan ADD COLUMN assigned_agent VARCHAR(60),
                     ADD COLUMN enrolled_membership_id BIGINT,
                     ADD COLUMN enrolled_at TIMESTAMPTZ;
CREATE INDEX kur_loan_agent_idx ON kur_loan (assigned_agent) WHERE assigned_agent IS NOT NULL;
