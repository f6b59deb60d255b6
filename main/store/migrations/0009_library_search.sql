-- The library's search on a desk of 10,000 articles.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here.

-- The filter by tag author and the list of authors: without an index both read every annotation row (300,000 on
-- such a desk). The kind and status columns make the filter's lookups covering.
CREATE INDEX annotations_author ON annotations (author, kind, status, article_id);

-- The words of each article as one row (rowid = articles.seq), beside the per-block index. Finding the articles
-- that hold a common word through block_search maps every matching block to its article (60,000 blocks for "the",
-- over a second); here it is one row per article. Contentless: the text is already in article_blocks. Prefixes of
-- one to three characters are indexed too, since typing the first letters of a word searches for every word that
-- starts with them.
CREATE VIRTUAL TABLE article_words USING fts5 (
  text,
  content = '',
  prefix = '1 2 3',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Articles whose blocks changed since their row in article_words was written. A save marks its article here (a
-- cheap insert per block written) rather than re-reading the whole article on every block it writes; the library
-- search re-indexes them before it searches (main/store/articleWords.ts), and every selection treats an article
-- listed here by its blocks, so no reader ever sees stale words.
CREATE TABLE article_words_stale (article_id TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER article_words_block_insert AFTER INSERT ON article_blocks BEGIN
  INSERT OR IGNORE INTO article_words_stale (article_id) VALUES (new.article_id);
END;
CREATE TRIGGER article_words_block_delete AFTER DELETE ON article_blocks BEGIN
  INSERT OR IGNORE INTO article_words_stale (article_id) VALUES (old.article_id);
END;
CREATE TRIGGER article_words_block_update AFTER UPDATE OF plain_text ON article_blocks
WHEN old.plain_text IS NOT new.plain_text BEGIN
  INSERT OR IGNORE INTO article_words_stale (article_id) VALUES (new.article_id);
END;
-- Deleting an article for good (emptying the trash) drops its words.
CREATE TRIGGER article_words_article_delete AFTER DELETE ON articles BEGIN
  DELETE FROM article_words WHERE rowid = old.seq;
  DELETE FROM article_words_stale WHERE article_id = old.id;
END;

INSERT INTO article_words (rowid, text)
SELECT a.seq, (SELECT group_concat(b.plain_text, char(10) ORDER BY b.position) FROM article_blocks b WHERE b.article_id = a.id)
FROM articles a;
