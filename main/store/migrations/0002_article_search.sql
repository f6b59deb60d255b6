-- Full-text search over article titles and text. The index holds no copy of the text: it reads the
-- articles table (external content) and triggers keep it in step.

CREATE VIRTUAL TABLE article_search USING fts5 (
  title,
  plain_text,
  content = 'articles',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
  INSERT INTO article_search (rowid, title, plain_text) VALUES (new.seq, new.title, new.plain_text);
END;

CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
  INSERT INTO article_search (article_search, rowid, title, plain_text) VALUES ('delete', old.seq, old.title, old.plain_text);
END;

-- Autosave rewrites the row every second; re-indexing only when the words changed keeps tag-only saves cheap.
CREATE TRIGGER article_search_update AFTER UPDATE OF title, plain_text ON articles
WHEN old.title IS NOT new.title OR old.plain_text IS NOT new.plain_text BEGIN
  INSERT INTO article_search (article_search, rowid, title, plain_text) VALUES ('delete', old.seq, old.title, old.plain_text);
  INSERT INTO article_search (rowid, title, plain_text) VALUES (new.seq, new.title, new.plain_text);
END;

-- Databases upgraded from 0001 already hold articles.
INSERT INTO article_search (article_search) VALUES ('rebuild');
