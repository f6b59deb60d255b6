-- Where each article came from, and a fingerprint of its text as it arrived, so that importing copy the library
-- already holds is noticed and a copy can be named as one.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here. content_fingerprint() is the SQL
-- function the runner registers (main/store/contentFingerprint.ts), the same one the articles repository uses.

-- SHA-256 of the article's normalised plain text when it was stored. Saves leave it alone: an edited article is
-- still the story that arrived, and importing that story again is still a duplicate.
ALTER TABLE articles ADD COLUMN content_fingerprint TEXT;
-- The format the import read (a name from common/formats.ts); NULL for articles made in the app, and for articles
-- imported before this was recorded.
ALTER TABLE articles ADD COLUMN import_format TEXT;
-- The imported file's name; NULL for pasted text (import_format 'plaintext') and wherever import_format is NULL.
ALTER TABLE articles ADD COLUMN import_file_name TEXT CHECK (import_file_name IS NULL OR import_format IS NOT NULL);

-- Older articles: their text as it is now is the nearest to the imported text that is left. Their format and
-- file were never recorded, so those stay NULL and the library says so.
UPDATE articles SET content_fingerprint = content_fingerprint(plain_text);
CREATE INDEX articles_content_fingerprint ON articles (content_fingerprint, seq) WHERE content_fingerprint IS NOT NULL;
