-- The document stored as one row per top-level block, so that a save writes only the blocks it changed;
-- annotation spans kept per block (offsets inside the block's text), so that a changed paragraph never moves
-- the spans of the others; every save kept as a revision (the changed blocks and records), with full
-- snapshots often enough to bound the cost of rebuilding an old one; a trash for articles and entities.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here. The conversion of existing
-- documents into blocks and spans is a step in code (migrationSteps.ts) that runs right after this file.

CREATE TABLE article_blocks (
  -- A stable row number: the search index and the spans refer to blocks by it.
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  -- Orders the blocks of an article. A number between its neighbours', so that inserting a block rewrites no
  -- other row (rows hold whole blocks, and moving thousands of them would cost a save tens of milliseconds).
  position REAL NOT NULL,
  type TEXT NOT NULL,
  -- Before the JSON: a long block's JSON spills into overflow pages, which reading the text then skips.
  plain_text TEXT NOT NULL,
  block_json TEXT NOT NULL
);
-- Covers the block order and types, which every save reads to check the document still fits the schema.
CREATE INDEX article_blocks_position ON article_blocks (article_id, position, type);

-- Where each annotation's words are: UTF-16 offsets into one block's plain text.
CREATE TABLE annotation_spans (
  article_id TEXT NOT NULL,
  annotation_id TEXT NOT NULL,
  block_id INTEGER NOT NULL REFERENCES article_blocks (id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),
  part TEXT NOT NULL CHECK (part IN ('content', 'cue')),
  FOREIGN KEY (article_id, annotation_id) REFERENCES annotations (article_id, id) ON DELETE CASCADE
);
CREATE INDEX annotation_spans_block ON annotation_spans (block_id);
CREATE INDEX annotation_spans_annotation ON annotation_spans (article_id, annotation_id);

-- Full-text search per block: a save re-indexes only the blocks it wrote. The headline is a block, so
-- titles are searched too.
CREATE VIRTUAL TABLE block_search USING fts5 (
  plain_text,
  content = 'article_blocks',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER block_search_insert AFTER INSERT ON article_blocks BEGIN
  INSERT INTO block_search (rowid, plain_text) VALUES (new.id, new.plain_text);
END;
CREATE TRIGGER block_search_delete AFTER DELETE ON article_blocks BEGIN
  INSERT INTO block_search (block_search, rowid, plain_text) VALUES ('delete', old.id, old.plain_text);
END;
CREATE TRIGGER block_search_update AFTER UPDATE OF plain_text ON article_blocks
WHEN old.plain_text IS NOT new.plain_text BEGIN
  INSERT INTO block_search (block_search, rowid, plain_text) VALUES ('delete', old.id, old.plain_text);
  INSERT INTO block_search (rowid, plain_text) VALUES (new.id, new.plain_text);
END;

-- One row per save. `patch_json` is what the save changed (a DocumentPatch: the replaced run of blocks and the
-- changed and removed records), from which the revision is rebuilt on top of the one before it.
CREATE TABLE article_revisions (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  -- Why it was saved: 'created', 'saved', 'restored', 'renamed', 'registry' (a registry change), 'migrated'.
  reason TEXT NOT NULL,
  -- The revision this one restored, when it is a restore.
  restored_from INTEGER,
  -- Counts for the history list: {"blocks":n,"records":n,"removedRecords":n,"words":n}.
  summary_json TEXT NOT NULL CHECK (json_valid(summary_json)),
  patch_json TEXT NOT NULL,
  PRIMARY KEY (article_id, revision)
);

-- Whole documents at some revisions: a revision is rebuilt from the newest snapshot at or before it plus the
-- patches after that snapshot. A snapshot is taken when the patches since the last one outweigh it, which
-- keeps both the storage and the rebuilding cost within twice the patches' size.
CREATE TABLE article_snapshots (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  doc_json TEXT NOT NULL,
  PRIMARY KEY (article_id, revision)
);

-- Bytes of patches written since the newest snapshot, to decide when the next one is due.
ALTER TABLE articles ADD COLUMN patch_bytes_since_snapshot INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN snapshot_bytes INTEGER NOT NULL DEFAULT 0;
-- Set when the article is in the trash: hidden from the library, restorable until the trash is emptied.
ALTER TABLE articles ADD COLUMN deleted_at TEXT;
CREATE INDEX articles_deleted_at ON articles (deleted_at) WHERE deleted_at IS NOT NULL;

-- A deleted registry entity, with the links the deletion removed, so that restoring it relinks them.
CREATE TABLE entity_trash (
  entity_id TEXT PRIMARY KEY,
  entity_json TEXT NOT NULL CHECK (json_valid(entity_json)),
  -- [{articleId, annotationId, field, entityType?}], as entity_merges.moved_links_json.
  unlinked_json TEXT NOT NULL CHECK (json_valid(unlinked_json)),
  deleted_at TEXT NOT NULL
);
