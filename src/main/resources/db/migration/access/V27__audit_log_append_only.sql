-- The audit trail is append-only (issue 8, data protection): the database refuses every UPDATE, DELETE and
-- TRUNCATE of audit_log, whoever sends it, so no code path of the application (a bug, an injected statement, a
-- retention job) can change or remove a line. Statement-level triggers fire even when no row matches, so an attempt
-- fails loudly instead of silently changing nothing.
--
-- Removing lines past their retention period is a database administrator's task outside the application
-- (docs/decisions.md, "The audit trail is append-only"): in a maintenance session, as the table owner,
--   ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_delete; DELETE ...; ALTER TABLE audit_log ENABLE TRIGGER ...;
-- which itself shows up in the server's log. A production deployment should also run Lindung as a database role that
-- does not own audit_log and has only INSERT and SELECT on it, so that the application cannot disable the triggers.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit lines are never changed or deleted by the application; retention is a DBA task.';
END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

