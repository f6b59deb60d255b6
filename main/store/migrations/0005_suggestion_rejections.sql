-- What editors rejected among the suggestions. Applied inside the migration runner's transaction.

-- Per article: rejected suggestions (by the model's rejection key) do not come back when suggestions are
-- computed again after an edit.
CREATE TABLE suggestion_rejections (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  rejection_key TEXT NOT NULL,
  PRIMARY KEY (article_id, rejection_key)
) WITHOUT ROWID;

-- Across the desk: how often a name was rejected as an entity type; from three rejections on the name is no
-- longer suggested as that type. `name_key` is the registry's comparison form of the name.
CREATE TABLE rejected_names (
  name_key TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  name TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (name_key, entity_type)
) WITHOUT ROWID;
