-- The library's filter by tag author and its list of authors: without an index both read every annotation row
-- (300,000 on a desk of 10,000 articles). The kind and status columns make the filter's lookups covering.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here.

CREATE INDEX annotations_author ON annotations (author, kind, status, article_id);
