-- Each block keeps its spans also packed, as the editor opens them (common/packedDocument.ts, PackedSpan), in
-- the order blockSpanOrder gives: opening a long article read them from annotation_spans, grouped and sorted
-- 20,000 of them, a third of the open's time in the host. The span rows stay the truth the queries read; the
-- block repository writes both in the same statements' transaction. NULL for a block without spans.
-- Applied inside the migration runner's transaction: no BEGIN/COMMIT here.
ALTER TABLE article_blocks ADD COLUMN packed_spans TEXT;
UPDATE article_blocks SET packed_spans = (
  SELECT json_group_array(
    CASE part WHEN 'cue' THEN json_array(start_offset, end_offset, annotation_id, 'cue') ELSE json_array(start_offset, end_offset, annotation_id) END
    ORDER BY start_offset, end_offset DESC, annotation_id, part)
  FROM annotation_spans WHERE block_id = article_blocks.id)
WHERE id IN (SELECT block_id FROM annotation_spans);
