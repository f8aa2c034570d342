-- Contribution history import (issue 15, point 5): long-standing members' paid months from BPJS's existing system
-- become paid bills on the ledger (docs/contribution-history-format.md, docs/decisions.md "Contribution history").
-- One row per imported file (or generated demo history); the same bytes again are a replay (sha256).
CREATE TABLE contribution_history_import (
  id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256               CHAR(64)     NOT NULL,
  file_name            VARCHAR(200) NOT NULL,
  format               VARCHAR(4)   NOT NULL CHECK (format IN ('CSV','XLSX','DEMO')),
  row_count            INTEGER      NOT NULL,
  months_paid          INTEGER      NOT NULL,   -- (membership, month) pairs that became paid bills
  memberships          INTEGER      NOT NULL,
  bills_created        INTEGER      NOT NULL,   -- owed months the ledger billed on the way (every owed month is a bill)
  total_amount         BIGINT       NOT NULL,
  registrations_moved  INTEGER      NOT NULL,   -- memberships whose registered_on moved back to their first month
  first_month          DATE,
  last_month           DATE,
  uploaded_by          VARCHAR(60)  NOT NULL,
  uploader_scope       VARCHAR(13)  NOT NULL,
  uploaded_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
  CONSTRAINT contribution_history_import_sha256_uk UNIQUE (sha256)
);
CREATE TRIGGER contribution_history_import_never_deleted BEFORE DELETE ON contribution_history_import
  FOR EACH STATEMENT EXECUTE FUNCTION contribution_never_deleted();

-- Provenance of each imported payment: the import and the file's line (channel HISTORY_IMPORT). No foreign key, as
-- for payment_file (V10): written only by the import's own statement, and imports are never deleted.
ALTER TABLE payment ADD COLUMN history_import_id BIGINT,
                    ADD COLUMN source_line INTEGER;
