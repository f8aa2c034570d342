-- A claim the employer owes (issue 15): a PU worker unprotected on the event date because the employer had not
-- registered them yet or was beyond the arrears grace. The amounts are computed as the programme's; the employer
-- pays them. Null: BPJS pays (or the claim is refused). Keys: reason (UNREGISTERED | ARREARS), legalBasis,
-- unconfirmed, ruleRef, employer ("NPP name", null when the membership names none).
ALTER TABLE claim ADD COLUMN employer_liability JSONB;
ALTER TABLE claim ADD CONSTRAINT claim_employer_liability_eligible
  CHECK (employer_liability IS NULL OR refusal_code IS NULL);
