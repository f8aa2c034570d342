-- Idempotency keys are unique per namespace, no longer across the whole country: one kab/kota's bank reference (or
-- a key an agent chose) can no longer block another kab/kota's payment or bank file. The namespace of a payment is
-- its payer's office: the kab/kota of the membership paid for (e.g. '61.04'), so that a bank file uploaded twice, by
-- the province office and by the kab/kota office, still finds the rows already paid; history imports have their own
-- namespace 'HISTORY' (their keys are made from the import and line). See docs/decisions.md ("Keys and sessions").
ALTER TABLE payment ADD COLUMN key_namespace VARCHAR(20) COLLATE "C";
UPDATE payment p SET key_namespace = CASE WHEN p.channel = 'HISTORY_IMPORT' THEN 'HISTORY'
                                          ELSE left(m.region_code, 5) END
  FROM membership m WHERE m.id = p.membership_id;
UPDATE payment SET key_namespace = '' WHERE key_namespace IS NULL;
ALTER TABLE payment ALTER COLUMN key_namespace SET NOT NULL;
ALTER TABLE payment DROP CONSTRAINT payment_idempotency_uk;
-- the key first: GET /api/payments/{key} still finds a key across namespaces (then filtered by the caller's scope)
-- with the same index, and a bank file maintains one index on payment keys, not two
ALTER TABLE payment ADD CONSTRAINT payment_idempotency_uk UNIQUE (idempotency_key, key_namespace);
