-- Opening an article reads its records in the order they were made. The primary key's index orders them by
-- id, so every open sorted an article's records (10,000 on a long article) in a temporary tree; an index on
-- the article alone holds them in row order. Saves that change a record do not touch it.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here.
CREATE INDEX annotations_article ON annotations (article_id);
