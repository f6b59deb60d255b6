import type { AnnotatorDatabase } from './database';
import { blockSpansOfPacked, blockTypesWithAttrs } from '../../common/packedDocument';
import { packedBlockJson, type BlockSpan, type PlacedSpan, type StoredBlock } from './blockText';

/** A stored block as a save reads it back: its row id, where it is, what it says and its spans. */
export interface BlockRow {
  id: number;
  position: number;
  type: string;
  text: string;
  spans: BlockSpan[];
}

/** The order of an article's blocks: row ids, positions and types, in document order. */
export interface BlockOrder {
  ids: number[];
  positions: number[];
  types: string[];
}

function spansOfRow(packedSpans: string | null, text: string): BlockSpan[] {
  return packedSpans === null ? [] : blockSpansOfPacked(JSON.parse(packedSpans) as unknown[], text.length);
}

// The annotations (and parts) with words in a block, each once: what its annotation_blocks rows say.
function partsIn(spans: readonly BlockSpan[]): Map<string, BlockSpan> {
  const parts = new Map<string, BlockSpan>();
  for (const span of spans) parts.set(`${span.part}\u0000${span.annotationId}`, span);
  return parts;
}

/** A block row as the packed document is read from it: type, text, attributes as JSON (when its type has any), packed spans. */
export type PackedBlockRow = [type: string, text: string, attrsJson: string | null, packedSpans: string | null];

// The type names are the schema's own constants, written into the statement once.
export const packedBlockRowsSql = `
  SELECT type, plain_text, CASE WHEN type IN (${blockTypesWithAttrs.map((type) => `'${type}'`).join(', ')}) THEN json_extract(block_json, '$.attrs') END, packed_spans
  FROM article_blocks WHERE article_id = ? ORDER BY position`;

/**
 * The blocks of every article, their spans (packed in the block's row) and which blocks hold each annotation's
 * words (annotation_blocks), behind prepared statements.
 */
export function createArticleBlocksRepo(db: AnnotatorDatabase) {
  const insertStatement = db.prepare('INSERT INTO article_blocks (article_id, position, type, block_json, plain_text, packed_spans) VALUES (?, ?, ?, ?, ?, ?)');
  const insertPartStatement = db.prepare('INSERT INTO annotation_blocks (article_id, annotation_id, block_id, part) VALUES (?, ?, ?, ?)');
  const removePartStatement = db.prepare('DELETE FROM annotation_blocks WHERE block_id = ? AND annotation_id = ? AND part = ?');
  // Read from the covering index alone: no block row is touched.
  const orderStatement = db.prepare('SELECT id, position, type FROM article_blocks WHERE article_id = ? ORDER BY position').raw();
  const windowStatement = db.prepare('SELECT id, position FROM article_blocks WHERE article_id = ? ORDER BY position LIMIT ? OFFSET ?').raw();
  const byIdsStatement = db.prepare(
    'SELECT id, position, type, plain_text, packed_spans FROM article_blocks WHERE id IN (SELECT value FROM json_each(?)) ORDER BY position',
  ).raw();
  // The common save rewrites one block: a plain equality reads the row without building a JSON table.
  const byIdStatement = db.prepare('SELECT id, position, type, plain_text, packed_spans FROM article_blocks WHERE id = ?').raw();
  const packedStatement = db.prepare(packedBlockRowsSql).raw();
  const textsStatement = db.prepare('SELECT id, plain_text FROM article_blocks WHERE article_id = ? ORDER BY position').raw();
  const removeStatement = db.prepare('DELETE FROM article_blocks WHERE id IN (SELECT value FROM json_each(?))');
  const renumberStatement = db.prepare('UPDATE article_blocks SET position = ? WHERE id = ?');
  // Separate statements by what changes: SQLite rewrites an index whenever one of its columns is SET, even
  // to the same value, and a block's type is indexed.
  const rewriteStatement = db.prepare('UPDATE article_blocks SET block_json = ?, plain_text = ?, packed_spans = ? WHERE id = ?');
  const rewriteWithTypeStatement = db.prepare('UPDATE article_blocks SET type = ?, block_json = ?, plain_text = ?, packed_spans = ? WHERE id = ?');
  // The blocks outside the given ones that hold words of the given annotations, in order.
  const blocksHoldingStatement = db.prepare(`
    SELECT b.position, b.plain_text, b.packed_spans FROM article_blocks b
    WHERE b.id IN (SELECT block_id FROM annotation_blocks WHERE article_id = @articleId AND annotation_id IN (SELECT value FROM json_each(@ids)))
      AND b.id NOT IN (SELECT value FROM json_each(@excluded))
    ORDER BY b.position`).raw();

  const insertParts = (articleId: string, blockId: number, parts: Iterable<BlockSpan>) => {
    for (const span of parts) insertPartStatement.run(articleId, span.annotationId, blockId, span.part);
  };
  const toBlockRow = ([id, position, type, text, packedSpans]: [number, number, string, string, string | null]): BlockRow => ({
    id,
    position,
    type,
    text,
    spans: spansOfRow(packedSpans, text),
  });

  return {
    /** Stores one block at `position` with its spans (their annotation rows must exist); returns its row id. */
    insert(articleId: string, position: number, block: StoredBlock): number {
      const blockId = Number(insertStatement.run(articleId, position, block.type, block.json, block.text, block.packedSpans).lastInsertRowid);
      insertParts(articleId, blockId, partsIn(block.spans).values());
      return blockId;
    },
    /** The row ids, positions and types of an article's blocks, in order. */
    order(articleId: string): BlockOrder {
      const order: BlockOrder = { ids: [], positions: [], types: [] };
      for (const [id, position, type] of orderStatement.all(articleId) as [number, number, string][]) {
        order.ids.push(id);
        order.positions.push(position);
        order.types.push(type);
      }
      return order;
    },
    /** The row ids and positions of the blocks at indexes [from, to), in order: fewer when the article has fewer. */
    window(articleId: string, from: number, to: number): { ids: number[]; positions: number[] } {
      const window = { ids: [] as number[], positions: [] as number[] };
      if (to <= from) return window;
      for (const [id, position] of windowStatement.all(articleId, to - from, from) as [number, number][]) {
        window.ids.push(id);
        window.positions.push(position);
      }
      return window;
    },
    /** The given blocks with their spans, in order. */
    byIds(ids: readonly number[]): BlockRow[] {
      if (ids.length === 0) return [];
      const rows = (ids.length === 1 ? byIdStatement.all(ids[0]) : byIdsStatement.all(JSON.stringify(ids))) as [number, number, string, string, string | null][];
      return rows.map(toBlockRow);
    },
    /** Every block packed, as packedBlockJson writes it from a StoredBlock, in order. */
    packedJsonOf(articleId: string): string[] {
      // SQLite hands attributes back with the escapes they were written with: written again as JSON.stringify writes them.
      return (packedStatement.all(articleId) as PackedBlockRow[]).map(([type, text, attrsJson, packedSpans]) =>
        packedBlockJson(type, attrsJson === null ? null : JSON.stringify(JSON.parse(attrsJson)), text, packedSpans),
      );
    },
    /** Every block's row id and plain text, in order. */
    texts(articleId: string): [number, string][] {
      return textsStatement.all(articleId) as [number, string][];
    },
    /** Deletes the given blocks and, with them, their spans and search entries. */
    remove(ids: readonly number[]): void {
      if (ids.length > 0) removeStatement.run(JSON.stringify(ids));
    },
    /** Gives the blocks positions 0, 1, 2...: when inserts have left no room between two neighbours. */
    renumber(articleId: string): void {
      (orderStatement.all(articleId) as [number, number, string][]).forEach(([id], index) => renumberStatement.run(index, id));
    },
    /**
     * Replaces a stored block's content with `block`, keeping its row id and position. Its annotation_blocks
     * rows change only where an annotation's part enters or leaves the block: typing beside tags, which moves
     * their offsets, writes the block's row alone. The spans' annotation rows must exist.
     */
    rewrite(articleId: string, previous: BlockRow, block: StoredBlock): void {
      if (block.type === previous.type) rewriteStatement.run(block.json, block.text, block.packedSpans, previous.id);
      else rewriteWithTypeStatement.run(block.type, block.json, block.text, block.packedSpans, previous.id);
      // Both lists are in blockSpanOrder, which typing beside tags keeps: the common case compares them in step.
      const sameTags = previous.spans.length === block.spans.length && previous.spans.every((span, index) => span.annotationId === block.spans[index]!.annotationId && span.part === block.spans[index]!.part);
      if (sameTags) return;
      const before = partsIn(previous.spans);
      const after = partsIn(block.spans);
      for (const [key, span] of before) if (!after.has(key)) removePartStatement.run(previous.id, span.annotationId, span.part);
      insertParts(articleId, previous.id, [...after].filter(([key]) => !before.has(key)).map(([, span]) => span));
    },
    /** The spans of the given annotations outside the given blocks, in text order, with each span's block position and text. */
    spansOutside(articleId: string, ids: readonly string[], excludedBlockIds: readonly number[]): PlacedSpan[] {
      if (ids.length === 0) return [];
      const wanted = new Set(ids);
      const rows = blocksHoldingStatement.all({ articleId, ids: JSON.stringify(ids), excluded: JSON.stringify(excludedBlockIds) }) as [number, string, string | null][];
      return rows.flatMap(([position, blockText, packedSpans]) =>
        spansOfRow(packedSpans, blockText)
          .filter((span) => wanted.has(span.annotationId))
          .map((span) => ({ span, position, blockText })),
      );
    },
    /** Every span of an article in document order, with the index of its block. */
    spansOfArticle(articleId: string): { span: BlockSpan; index: number }[] {
      const rows = packedStatement.all(articleId) as PackedBlockRow[];
      return rows.flatMap(([, text, , packedSpans], index) => spansOfRow(packedSpans, text).map((span) => ({ span, index })));
    },
  };
}

/** The article blocks repository. */
export type ArticleBlocksRepo = ReturnType<typeof createArticleBlocksRepo>;
