-- The whole-document columns are gone now that migration 6 converted every document into blocks and spans:
-- keeping them would mean rewriting them on every save, which is what the block store avoids.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here.

DROP TRIGGER article_search_insert;
DROP TRIGGER article_search_delete;
DROP TRIGGER article_search_update;
DROP TABLE article_search;
ALTER TABLE articles DROP COLUMN doc_json;
ALTER TABLE articles DROP COLUMN plain_text;
ALTER TABLE annotations DROP COLUMN start_offset;
ALTER TABLE annotations DROP COLUMN end_offset;
ALTER TABLE annotations DROP COLUMN spans_json;
