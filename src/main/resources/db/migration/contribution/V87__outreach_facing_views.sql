-- Published for outreach (issue 19 point 7), so that its reminders and their effect follow the ledger's own rules.
-- The BPU lapse rule as dated in contribution_protection_rule (one rule, not a copy in outreach's code): after how
-- many consecutive unpaid months a membership of the segment ends.
CREATE VIEW contribution_lapse_rule_v AS
SELECT segment, months, valid_from, valid_to FROM contribution_protection_rule WHERE kind = 'LAPSE_AFTER';

-- The days on which a membership's payment was applied: no amounts, no channel, no reference.
CREATE VIEW contribution_payment_day_v AS
SELECT DISTINCT membership_id, paid_on FROM payment WHERE status = 'APPLIED';
