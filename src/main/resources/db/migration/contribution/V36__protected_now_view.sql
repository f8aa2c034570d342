-- Published for set-based readers that ask about today only (KUR matching, the dashboard's "protected now"): the
-- memberships protected today, by the same rule as contribution_protected_month_v's current month and
-- Statements.status for today — written for a probe per membership (no window over the history), so a reader that
-- filters by membership_id reaches the bills through their (membership_id, period) index.
CREATE VIEW contribution_protected_now_v AS
SELECT v.membership_id
  FROM enrolment_membership_v v
 CROSS JOIN LATERAL (SELECT lindung_today() AS d, date_trunc('month', lindung_today())::date AS month) t
 WHERE v.start_month <= t.month AND (v.end_month IS NULL OR v.end_month >= t.month)
   AND (
     -- the month paid (construction and PMI: the contract's one bill)
     EXISTS (SELECT 1 FROM bill b
              WHERE b.membership_id = v.membership_id AND b.status = 'PAID'
                AND b.period = CASE WHEN v.segment IN ('JAKON', 'PMI') THEN v.start_month ELSE t.month END)
     -- a wage earner registered by today whose employer is within the arrears grace
     OR (v.segment = 'PU' AND v.registered_on <= t.d
         AND (SELECT count(*) FROM bill b
               WHERE b.membership_id = v.membership_id AND b.status = 'OPEN' AND b.due_date < t.d)
             <= coalesce((SELECT r.months FROM contribution_protection_rule r
                           WHERE r.segment = 'PU' AND r.kind = 'ARREARS_GRACE' AND r.valid_from <= t.month
                             AND (r.valid_to IS NULL OR t.month <= r.valid_to)
                           ORDER BY r.valid_from DESC LIMIT 1), 0)));
