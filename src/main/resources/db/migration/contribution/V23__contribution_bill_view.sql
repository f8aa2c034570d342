-- Published for set-based readers (a sponsor's consolidated bill): one row per bill, never the tables themselves.
CREATE VIEW contribution_bill_v AS
SELECT id AS bill_id, membership_id, period, due_date, amount, paid, status FROM bill;
