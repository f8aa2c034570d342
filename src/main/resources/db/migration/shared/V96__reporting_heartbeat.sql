-- The reporting copy's heartbeat (shared.reporting): with a reporting copy on, the primary stamps this one row every
-- lindung.reporting.heartbeat with the application's clock; the copy's replicated row says how fresh its figures are.
-- Without a reporting copy the table stays empty.
CREATE TABLE reporting_heartbeat (
    id   smallint    PRIMARY KEY CHECK (id = 1),
    beat timestamptz NOT NULL
);
