-- People act as themselves (issue 16, point 3): an API token belongs to the person who created it and acts as them.
-- Tokens an administrator issued for another user could act as that user (e.g. give the second approval of a
-- claim in their name): they are revoked here, each with an audit line naming the migration as the reason; their
-- owners issue their own (docs/decisions.md, "People act as themselves").
WITH revoked AS (
  UPDATE api_token SET revoked_at = now()
   WHERE username <> created_by AND revoked_at IS NULL
  RETURNING id, username, created_by
)
INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, region_code, changes)
SELECT now(), 'system', 'API_TOKEN_REVOKED', 'api_token', r.id::text, NULLIF(u.region_scope, ''),
       jsonb_build_object('username', r.username, 'createdBy', r.created_by,
                          'reason', 'V50: issued for another user; a token acts only as its creator')
  FROM revoked r LEFT JOIN app_user u ON u.username = r.username;

-- From now on a live token is always its creator's.
ALTER TABLE api_token ADD CONSTRAINT api_token_acts_as_creator CHECK (username = created_by OR revoked_at IS NOT NULL);

-- A token may be narrower than its creator: a kab/kota inside the creator's scope (NULL: the creator's scope).
ALTER TABLE api_token ADD COLUMN region_scope VARCHAR(13);

-- Who really acted: actor stays the person; a request that came with an API token names the token too.
ALTER TABLE audit_log ADD COLUMN via_token_id BIGINT, ADD COLUMN via_token_name VARCHAR(120);
