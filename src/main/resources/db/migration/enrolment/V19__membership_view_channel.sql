-- The published membership view gains the enrolment channel and, for construction, the project's worker count
-- (coverage counts the workers of an active project). Columns are only added at the end: readers stay valid.
CREATE OR REPLACE VIEW enrolment_membership_v AS
SELECT m.id AS membership_id, m.participant_id, m.segment, m.programmes, m.sector, m.government_paid,
       m.contract_months, m.start_month, m.end_month, m.end_reason, m.region_code, m.province_code,
       e.risk_class, p.contract_value, m.channel, p.worker_count
  FROM membership m
  LEFT JOIN employer e ON e.id = m.employer_id
  LEFT JOIN construction_project p ON p.id = m.project_id;
