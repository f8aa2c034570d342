-- Drafts kept on the field agent's device (issue 18): each draft carries a key the device made (a UUID), and the
-- first submission of a key stores where its result lives, for that user. A draft sent again (the network dropped
-- before the answer came back, two tabs, a replay) does its work once and answers the same result; the same key
-- from another user is refused. The row holds no personal data: the key, who, the kind of draft, the result's path.
-- Written in the same transaction as the participant or membership it stands for, so a refused draft leaves no row.
CREATE TABLE submission_key (
    key        uuid        PRIMARY KEY,
    actor      text        NOT NULL,
    kind       text        NOT NULL,
    result     text,
    created_at timestamptz NOT NULL DEFAULT lindung_now()
);

CREATE INDEX submission_key_created_idx ON submission_key (created_at);
