-- Registry maintenance: an indexed link from attributions to the medium entity, an index that answers
-- "mentions of an entity" from the index alone, and the record of each merge so that it can be undone.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here.

-- An attribution's medium ("AFP", "Interfax") when it is a registry entity. Like entity_id, the record in
-- the document is the source of truth and this column is rebuilt from it on every save.
ALTER TABLE annotations ADD COLUMN medium_entity_id TEXT REFERENCES entities (id) ON DELETE SET NULL;
UPDATE annotations
SET medium_entity_id = (SELECT id FROM entities WHERE id = json_extract(record_json, '$.mediumEntityId'))
WHERE kind = 'attribution' AND json_extract(record_json, '$.mediumEntityId') IS NOT NULL;
CREATE INDEX annotations_medium_entity ON annotations (medium_entity_id) WHERE medium_entity_id IS NOT NULL;

-- Mention and article counts per entity read only this index; it replaces the single-column one it starts with.
CREATE INDEX annotations_entity_kind_article ON annotations (entity_id, kind, article_id);
DROP INDEX annotations_entity;

CREATE TABLE entity_merges (
  -- The undo token handed to the caller.
  token TEXT PRIMARY KEY,
  -- No foreign key: when the kept entity is deleted later, undo must still find this row to say why it cannot run.
  keep_id TEXT NOT NULL,
  keep_name TEXT NOT NULL,
  -- The merged entity exactly as it was (an EntityRecord, aliases included), to be restored by undo.
  merged_json TEXT NOT NULL CHECK (json_valid(merged_json)),
  -- What the merge added to the kept entity: aliases (strings) and external ids (scheme -> id).
  added_aliases_json TEXT NOT NULL CHECK (json_valid(added_aliases_json)),
  added_external_ids_json TEXT NOT NULL CHECK (json_valid(added_external_ids_json)),
  -- The annotation links the merge re-pointed: [{articleId, annotationId, field, entityType?}].
  moved_links_json TEXT NOT NULL CHECK (json_valid(moved_links_json)),
  merged_at TEXT NOT NULL,
  -- Set when the merge is undone: a token works once.
  undone_at TEXT
);
