-- A block's spans are kept once, packed in its row (migration 11); the span rows with their offsets go. Typing in
-- a tagged paragraph moved the offsets of every span after the caret, a row update each and the pages they sit
-- on written at commit: with a dozen tags in the paragraph that was most of what tags added to a save. What the
-- desk's queries need across articles is which blocks hold an annotation's words: one row per block, annotation
-- and part, which typing does not change. Offsets inside a block are read from its packed spans.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here.
CREATE TABLE annotation_blocks (
  article_id TEXT NOT NULL,
  annotation_id TEXT NOT NULL,
  block_id INTEGER NOT NULL REFERENCES article_blocks (id) ON DELETE CASCADE,
  part TEXT NOT NULL CHECK (part IN ('content', 'cue')),
  PRIMARY KEY (block_id, annotation_id, part),
  FOREIGN KEY (article_id, annotation_id) REFERENCES annotations (article_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX annotation_blocks_annotation ON annotation_blocks (article_id, annotation_id);

INSERT INTO annotation_blocks (article_id, annotation_id, block_id, part)
SELECT DISTINCT article_id, annotation_id, block_id, part FROM annotation_spans;
DROP TABLE annotation_spans;
