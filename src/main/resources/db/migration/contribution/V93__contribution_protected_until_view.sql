-- Published for the DCI registry API (issue 20 point 1): for every membership protected today, the last day covered,
-- by the rule of MembershipStatus.protectedUntil (what the public check and the card state): the end of the month
-- paid up to without a gap from the start (construction and PMI: the contract's last month once its one bill is
-- paid), or today when nothing paid reaches beyond it (a wage earner inside the employer's grace). A reader filters
-- by participant_id or membership_id; every probe reaches the bills through their (membership_id, period) index.
CREATE VIEW contribution_protected_until_v AS
SELECT v.membership_id, v.participant_id,
       -- greatest() passes over a NULL: nothing paid from the start, today
       greatest(lindung_today(), (r.paid_up_to + INTERVAL '1 month' - INTERVAL '1 day')::date) AS protected_until
  FROM enrolment_membership_v v
  JOIN contribution_protected_now_v n ON n.membership_id = v.membership_id
 CROSS JOIN LATERAL (
   SELECT CASE
            WHEN v.segment IN ('JAKON', 'PMI') THEN
              (SELECT coalesce(v.end_month, v.start_month)
                WHERE EXISTS (SELECT 1 FROM bill b
                               WHERE b.membership_id = v.membership_id AND b.status = 'PAID'
                                 AND b.period = v.start_month))
            ELSE
              -- the paid months from the start in order: those still equal to start + (rank - 1) months are the run
              -- without a gap
              (SELECT max(p.period)
                 FROM (SELECT d.period, row_number() OVER (ORDER BY d.period) AS rn
                         FROM (SELECT DISTINCT b.period FROM bill b
                                WHERE b.membership_id = v.membership_id AND b.status = 'PAID'
                                  AND b.period >= v.start_month
                                  AND (v.end_month IS NULL OR b.period <= v.end_month)) d) p
                WHERE p.period = (v.start_month + (p.rn - 1) * INTERVAL '1 month')::date)
          END AS paid_up_to) r;
