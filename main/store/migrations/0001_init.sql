-- The first schema: articles with their ProseMirror document, the annotations projected from each document
-- for queries across articles, the desk-wide entity registry and the user's preferences.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here.

CREATE TABLE articles (
  -- A row number that VACUUM keeps stable, so that a search index can refer to rows by it.
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'done')),
  source TEXT NOT NULL DEFAULT '',
  -- The document is the source of truth; the annotation rows below are rebuilt from it on every save.
  doc_json TEXT NOT NULL,
  plain_text TEXT NOT NULL,
  word_count INTEGER NOT NULL DEFAULT 0 CHECK (word_count >= 0),
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX articles_created_at ON articles (created_at);

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  -- The name as lookups compare it: case-folded, whitespace collapsed.
  name_key TEXT NOT NULL,
  -- No list of allowed values: desks may add their own entity types.
  type TEXT NOT NULL CHECK (length(type) > 0),
  description TEXT NOT NULL DEFAULT '',
  external_ids_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(external_ids_json)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX entities_type_name_key ON entities (type, name_key);
CREATE INDEX entities_name_key ON entities (name_key);

CREATE TABLE entity_aliases (
  entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias TEXT NOT NULL CHECK (length(trim(alias)) > 0),
  alias_key TEXT NOT NULL,
  UNIQUE (entity_id, alias_key)
);
CREATE INDEX entity_aliases_alias_key ON entity_aliases (alias_key);

CREATE TABLE annotations (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('entity', 'figure', 'attribution')),
  status TEXT NOT NULL CHECK (status IN ('accepted', 'needs_review', 'suggested')),
  label TEXT NOT NULL,
  -- An entity mention's entity, or an attribution's speaker when the speaker is a registry entity.
  entity_id TEXT REFERENCES entities (id) ON DELETE SET NULL,
  -- The words of the content spans, or the last words seen when the annotation has lost its text.
  quote TEXT NOT NULL,
  -- UTF-16 offsets into articles.plain_text of the first content span; -1 when there is none.
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  spans_json TEXT NOT NULL,
  record_json TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Ids are unique within an article: the same tagged document may be imported twice.
  PRIMARY KEY (article_id, id)
);
-- Covers the per-article tag counts of the library without reading the rows.
CREATE INDEX annotations_article_kind_status ON annotations (article_id, kind, status);
CREATE INDEX annotations_entity ON annotations (entity_id);
CREATE INDEX annotations_status ON annotations (status);

CREATE TABLE preferences (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
