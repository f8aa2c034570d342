-- Reads in proportion (issue 16, point 7): the rows a user read in the last hour are summed from the audit trail's
-- bulk-read lines (LIST_READ, EXPORT_DOWNLOADED with a "rows" count) at every list page and export; this partial
-- index keeps that sum one index range per user, however large audit_log grows.
CREATE INDEX audit_log_bulk_read_idx ON audit_log (actor, occurred_at)
  WHERE action IN ('LIST_READ', 'EXPORT_DOWNLOADED');
