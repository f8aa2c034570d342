-- Idempotency keys (bank references) are only ever compared for equality. Under the server's locale collation
-- (C.UTF-8 or en_US.UTF-8, taken at initdb) every comparison in the unique index calls the locale's strcoll; with
-- "C" it compares bytes. Equality is the same either way (both collations are deterministic). A bank file of
-- 1,000,000 payments probes and extends this index twice per row (see docs/benchmarks.md).
ALTER TABLE payment ALTER COLUMN idempotency_key TYPE VARCHAR(100) COLLATE "C";
