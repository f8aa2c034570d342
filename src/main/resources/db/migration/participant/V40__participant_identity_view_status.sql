-- The registry's published identity view gains the participant's status (appended, so readers of the other columns
-- are unaffected): the KUR match leaves a deceased borrower out of the outreach work lists (issue 15, one event pays
-- once).
CREATE OR REPLACE VIEW participant_identity_v AS
SELECT id AS participant_id, nik_hash, nik_enc, full_name, name_key, birth_date, region_code, status
  FROM participant;
