/** Where a tag's first words are: its block's text and the offsets in it; null block text when it has no words. */
export interface TagPlace {
  blockText: string | null;
  start: number;
  end: number;
}

/** The SQL of the first content span of annotation `alias`, in text order: a rowid of annotation_spans. */
export function firstContentSpanSql(alias: string): string {
  return `(SELECT s2.rowid FROM annotation_spans s2 JOIN article_blocks b2 ON b2.id = s2.block_id
    WHERE s2.article_id = ${alias}.article_id AND s2.annotation_id = ${alias}.id AND s2.part = 'content'
    ORDER BY b2.position, s2.start_offset LIMIT 1)`;
}
