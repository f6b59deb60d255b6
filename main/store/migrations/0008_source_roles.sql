-- The sourcing audit: whose voices the desk's copy carries. A registry person or organisation may have a source
-- role (official, expert, ...), from a list the desk can extend, and a person a gender as they describe themselves,
-- never inferred. Indexes for the audit's grouping by speaker are the existing (entity_id, kind, article_id) one.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here.

CREATE TABLE source_roles (
  -- The role as stored on entities: its label, case-folded and with spacing collapsed.
  key TEXT PRIMARY KEY CHECK (length(key) > 0),
  label TEXT NOT NULL CHECK (length(trim(label)) > 0),
  -- The order the registry offers roles in: the starting list first, roles the desk added after, as added.
  position INTEGER NOT NULL
);
INSERT INTO source_roles (key, label, position) VALUES
  ('official', 'Official', 1),
  ('spokesperson', 'Spokesperson', 2),
  ('expert', 'Expert', 3),
  ('witness', 'Witness', 4),
  ('civilian', 'Civilian', 5),
  ('agency', 'Agency', 6);

-- No foreign key on source_role: ALTER TABLE cannot add one that the existing rows would be checked against, and
-- a role is only ever added, never removed. The services keep it NULL on entities that are not persons or organisations.
ALTER TABLE entities ADD COLUMN source_role TEXT;
-- Empty when not recorded; free text, as the person describes themselves.
ALTER TABLE entities ADD COLUMN self_described_gender TEXT NOT NULL DEFAULT '';

-- The sourcing audit reads these fields of every attribution in a selection. Indexed as expressions, it takes them
-- from the index instead of parsing 100,000 records (JSON parsing was most of the audit's time). The expressions must
-- stay exactly as main/store/sourcingAuditQueries.ts writes them, or SQLite computes them again from the records.
CREATE INDEX annotations_sourcing ON annotations (
  article_id, status, entity_id, medium_entity_id,
  (record_json ->> '$.speaker.type'),
  (coalesce(record_json ->> '$.speaker.name', record_json ->> '$.speaker.description', '')),
  (record_json ->> '$.mode'),
  (coalesce(record_json ->> '$.speaker.anonymityReason', '')),
  (coalesce(record_json ->> '$.medium', ''))
) WHERE kind = 'attribution';
