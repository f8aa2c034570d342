-- kur_loan.bank_code loses its foreign key: PostgreSQL checks it with a trigger query per written row, a million for
-- a file of a million loans (about 3-4 s of a 35 s import, docs/benchmarks.md). The file reader accepts only the
-- codes of kur_bank, and banks are never deleted (guard below); see docs/decisions.md, "Child rows without foreign
-- keys on the bulk path".
ALTER TABLE kur_loan DROP CONSTRAINT kur_loan_bank_code_fkey;

CREATE FUNCTION kur_bank_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'KUR banks are never deleted' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER kur_bank_never_deleted BEFORE DELETE ON kur_bank
  FOR EACH STATEMENT EXECUTE FUNCTION kur_bank_never_deleted();
