-- Name search and name order must use an index whatever locale the server was initialised with.
-- With a language collation (even C.UTF-8, which PostgreSQL does not treat as "C") ORDER BY name_key needs the
-- collation's order, which text_pattern_ops indexes cannot give: a prefix search in a kab/kota then walked the
-- whole (name_key, birth_date) index (0.9-1.4 s on 1,000,000 participants, docs/benchmarks.md).
-- name_key is an upper-cased search key, never shown: byte order ("C") is the right order for it, and with "C"
-- one plain btree serves both LIKE 'PREFIX%' and ORDER BY name_key, id.
DROP INDEX participant_kabkota_name_idx;
DROP INDEX participant_name_idx;
ALTER TABLE participant ALTER COLUMN name_key TYPE VARCHAR(150) COLLATE "C";
CREATE INDEX participant_kabkota_name_idx ON participant (kabkota_code, name_key, id);
CREATE INDEX participant_name_idx ON participant (name_key, id);
