-- A block row keeps its block without its tags: the packed spans (migration 12) are the only record of them,
-- and a document's marks are made from the spans and the records when it is read. A save of a tagged paragraph
-- wrote every tag again as ProseMirror JSON on every text node it covered, in the block's row and in the
-- revision's patch: four times the bytes of the paragraph's text. block_json is now the block's type,
-- attributes and text as ProseMirror JSON. A damaged block (migration 6) keeps what it says about the damage.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here.
UPDATE article_blocks SET block_json = CASE
  WHEN json_type(block_json, '$.attrs') = 'object' AND plain_text = '' THEN json_object('type', type, 'attrs', json_extract(block_json, '$.attrs'))
  WHEN json_type(block_json, '$.attrs') = 'object' THEN json_object('type', type, 'attrs', json_extract(block_json, '$.attrs'), 'content', json_array(json_object('type', 'text', 'text', plain_text)))
  WHEN plain_text = '' THEN json_object('type', type)
  ELSE json_object('type', type, 'content', json_array(json_object('type', 'text', 'text', plain_text)))
END
WHERE type != 'damaged' AND json_valid(block_json);
