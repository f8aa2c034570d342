-- A beneficiary's NIK is the registry's (sealed there, participant_identity_v.nik_enc): no clear copy here.
ALTER TABLE sponsorship_beneficiary DROP COLUMN nik;
