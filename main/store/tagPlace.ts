import type { PackedSpan } from '../../common/packedDocument';

/** Where a tag's first words are: its block's text and the offsets in it; null block text when it has no words. */
export interface TagPlace {
  blockText: string | null;
  start: number;
  end: number;
}

/**
 * A block row's packed spans (packed_spans) for finding a tag's place; a value that is not a list of spans (a
 * damaged row) places no tag rather than failing a view of the whole desk.
 */
export function packedSpansOfRow(json: string | null): readonly unknown[] {
  try {
    const spans: unknown = json === null ? [] : JSON.parse(json);
    return Array.isArray(spans) ? spans : [];
  } catch {
    return [];
  }
}

/** An annotation's first content span among a block's packed spans (which are in text order), if it has one there. */
export function firstContentSpan(spans: readonly unknown[], annotationId: string): { start: number; end: number } | null {
  const span = spans.find((packed): packed is PackedSpan => Array.isArray(packed) && packed[2] === annotationId && packed.length === 3);
  return span && Number.isInteger(span[0]) && Number.isInteger(span[1]) ? { start: span[0], end: span[1] } : null;
}

/**
 * SQL placing annotation `alias` by its first content words in text order: `join` joins the block that holds
 * them as `block` (a NULL row when the tag has no words), and `start` and `end` are their offsets in it.
 */
export function firstWordsSql(alias: string, block: string): { join: string; start: string; end: string } {
  // The same search as firstContentSpan's, in SQL; a damaged row places no tag, as there.
  const span = `(SELECT value FROM json_each(CASE WHEN json_valid(${block}.packed_spans) THEN ${block}.packed_spans END) WHERE value ->> 2 = ${alias}.id AND json_array_length(value) = 3 ORDER BY key LIMIT 1)`;
  return {
    start: `${span} ->> 0`,
    end: `${span} ->> 1`,
    join: `LEFT JOIN article_blocks ${block} ON ${block}.id = (
      SELECT h.block_id FROM annotation_blocks h JOIN article_blocks hb ON hb.id = h.block_id
      WHERE h.article_id = ${alias}.article_id AND h.annotation_id = ${alias}.id AND h.part = 'content'
      ORDER BY hb.position LIMIT 1)`,
  };
}
