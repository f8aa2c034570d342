-- Published read interface of the registry for set-based readers in other modules (KUR matching of millions of
-- borrowers by NIK): identity columns only. Other modules read this view, never the table.
CREATE VIEW participant_identity_v AS
SELECT id AS participant_id, nik, full_name, name_key, birth_date, region_code
  FROM participant;
