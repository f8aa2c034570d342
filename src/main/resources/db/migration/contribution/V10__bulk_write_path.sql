-- The billing run writes a bill and its lines for every membership each month, and a bank file a payment and an
-- allocation per row, and moves each bill from OPEN to PAID: millions of rows in set-based statements. This
-- migration takes per-row work off that path (docs/decisions.md, "Child rows without foreign keys"; numbers in
-- docs/benchmarks.md).
--
-- 1. Foreign keys from rows that are only ever written by the same statement (or transaction) that wrote or read
--    their parent. PostgreSQL checks a foreign key with a trigger query per inserted row: 4.3 million checks for a
--    month's bill lines, 3 million for a bank file. Those parents are never deleted (guards below; a bill is
--    cancelled, not deleted), so a child cannot lose its parent; the tests check there are no orphans.
ALTER TABLE bill_line DROP CONSTRAINT bill_line_bill_id_fkey;
ALTER TABLE bill DROP CONSTRAINT bill_billing_run_id_fkey;
ALTER TABLE payment DROP CONSTRAINT payment_payment_file_id_fkey;
ALTER TABLE payment_allocation DROP CONSTRAINT payment_allocation_payment_id_fkey,
                               DROP CONSTRAINT payment_allocation_bill_id_fkey;

CREATE FUNCTION contribution_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are never deleted (bills are cancelled, payments rejected)', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER billing_run_never_deleted BEFORE DELETE ON billing_run
  FOR EACH STATEMENT EXECUTE FUNCTION contribution_never_deleted();
CREATE TRIGGER bill_never_deleted BEFORE DELETE ON bill
  FOR EACH STATEMENT EXECUTE FUNCTION contribution_never_deleted();
CREATE TRIGGER payment_file_never_deleted BEFORE DELETE ON payment_file
  FOR EACH STATEMENT EXECUTE FUNCTION contribution_never_deleted();
CREATE TRIGGER payment_never_deleted BEFORE DELETE ON payment
  FOR EACH STATEMENT EXECUTE FUNCTION contribution_never_deleted();

-- 2. Indexes nothing reads. The unique (membership_id, period) index answers "open bills of a membership" too
--    (a member has a few dozen bills); with the partial index on status gone, paying a bill changes no indexed
--    column, and with free room on its page (fillfactor) the update is a HOT update that writes no index entry.
DROP INDEX bill_open_idx;
DROP INDEX bill_run_idx;
ALTER TABLE bill SET (fillfactor = 50);
