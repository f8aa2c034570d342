-- Published for the coverage dashboard (issue 19 point 7, "what reminders do"): per kab/kota and kind of reminder,
-- how many members were reminded and how many of them paid within 7 and within 30 days. A member reminded of one
-- kind in a month counts once, from the day (business date, WIB) of the first delivered reminder of that kind in
-- that month; paid = a payment applied to any of the member's memberships on that day or up to 7 (30) days later.
-- Only counts leave outreach: no member, no recipient, no amount.
CREATE VIEW outreach_reminder_effect_v AS
WITH reminded AS (
  SELECT participant_id, kind, left(region_code, 5) AS kabkota_code,
         min((delivered_at AT TIME ZONE 'Asia/Pontianak')::date) AS first_day
    FROM outreach_message
   WHERE status = 'DELIVERED' AND kind LIKE 'reminder-%' AND participant_id IS NOT NULL
     AND region_code IS NOT NULL AND delivered_at IS NOT NULL
   GROUP BY participant_id, kind, left(region_code, 5),
            date_trunc('month', delivered_at AT TIME ZONE 'Asia/Pontianak')
), paid AS (
  SELECT r.kabkota_code, r.kind,
         min(p.paid_on - r.first_day) AS days
    FROM reminded r
    JOIN enrolment_membership_v v ON v.participant_id = r.participant_id
    JOIN contribution_payment_day_v p ON p.membership_id = v.membership_id
   WHERE p.paid_on BETWEEN r.first_day AND r.first_day + 30
   GROUP BY r.participant_id, r.kind, r.kabkota_code, r.first_day
)
SELECT r.kabkota_code, r.kind, r.reminded,
       coalesce(p.within_7, 0) AS paid_within_7, coalesce(p.within_30, 0) AS paid_within_30
  FROM (SELECT kabkota_code, kind, count(*) AS reminded FROM reminded GROUP BY kabkota_code, kind) r
  LEFT JOIN (SELECT kabkota_code, kind, count(*) FILTER (WHERE days <= 7) AS within_7, count(*) AS within_30
               FROM paid GROUP BY kabkota_code, kind) p
    ON p.kabkota_code = r.kabkota_code AND p.kind = r.kind;

-- The signatures of the gateway's inbound replies already taken (a replay within the time window is refused). Rows
-- older than the window are removed as new replies come in: outside it a replay fails the time check anyway.
CREATE TABLE outreach_inbound_seen (
    signature   BYTEA       PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL DEFAULT lindung_now()
);
