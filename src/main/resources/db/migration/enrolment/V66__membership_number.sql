-- The membership number (nomor kepesertaan, issue 18): what a participant, an officer or a bank knows a membership
-- by, instead of Lindung's internal id. 11 digits like BPJS Ketenagakerjaan's KPJ: '2', a 9-digit serial and a Luhn
-- check digit (a mistyped digit or two swapped neighbours make no other valid number, so a bank's typo is refused
-- instead of paying someone else). Assigned when a membership is created (the column default), backfilled here in
-- id order. The virtual account number (SNAP) is built on it: docs/decisions.md, "Membership number and virtual
-- account".
CREATE SEQUENCE membership_number_seq;

CREATE FUNCTION enrolment_membership_number(serial BIGINT) RETURNS CHAR(11) LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  body TEXT := '2' || lpad(serial::text, 9, '0');
  total INT := 0;
  d INT;
BEGIN
  IF serial < 1 OR serial > 999999999 THEN
    RAISE EXCEPTION 'membership number serial out of range: %', serial;
  END IF;
  -- Luhn: from the right of the body, every first, third, ... digit doubled (the check digit goes to its right)
  FOR i IN 1..10 LOOP
    d := substr(body, 11 - i, 1)::int;
    IF i % 2 = 1 THEN
      d := d * 2;
      IF d > 9 THEN d := d - 9; END IF;
    END IF;
    total := total + d;
  END LOOP;
  RETURN body || ((10 - total % 10) % 10)::text;
END $$;

ALTER TABLE membership ADD COLUMN membership_number CHAR(11);
UPDATE membership m SET membership_number = enrolment_membership_number(x.n)
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM membership) x
 WHERE m.id = x.id;
SELECT setval('membership_number_seq', greatest((SELECT count(*) FROM membership), 1),
              (SELECT count(*) FROM membership) > 0);
ALTER TABLE membership ALTER COLUMN membership_number SET DEFAULT enrolment_membership_number(nextval('membership_number_seq')),
                       ALTER COLUMN membership_number SET NOT NULL,
                       ADD CONSTRAINT membership_number_uk UNIQUE (membership_number);
COMMENT ON COLUMN membership.membership_number IS
  'nomor kepesertaan: 11 digits, ''2'' + 9-digit serial + Luhn check digit; the customer number of the VA number';

CREATE OR REPLACE VIEW enrolment_membership_v AS
SELECT m.id AS membership_id, m.participant_id, m.segment, m.programmes, m.sector, m.government_paid,
       m.contract_months, m.start_month, m.end_month, m.end_reason, m.region_code, m.province_code,
       e.risk_class, p.contract_value, m.channel, p.worker_count, m.registered_on, m.membership_number
  FROM membership m
  LEFT JOIN employer e ON e.id = m.employer_id
  LEFT JOIN construction_project p ON p.id = m.project_id;
