-- Published read interface of contributions for set-based readers (KUR matching, coverage): per membership the
-- bills open after their due date (arrears) as of today.
CREATE VIEW contribution_overdue_v AS
SELECT membership_id, count(*) AS overdue_bills, min(period) AS first_overdue_period
  FROM bill
 WHERE status = 'OPEN' AND due_date < current_date
 GROUP BY membership_id;
