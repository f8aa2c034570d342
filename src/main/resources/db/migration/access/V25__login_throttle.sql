-- Failed sign-ins per username ('user:<name>') and per client address ('ip:<address>'): the count in the current
-- window and, once the limit is reached, until when further attempts are refused. A successful sign-in removes the
-- username's row. Kept in the database so that a restart forgets nothing and several instances share the count.
CREATE TABLE login_throttle (
  subject           VARCHAR(120) PRIMARY KEY,
  failures          INTEGER      NOT NULL,
  window_started_at TIMESTAMPTZ  NOT NULL,
  locked_until      TIMESTAMPTZ
);
