import type { AnnotatorDatabase } from './database';
import { packedSpansOf } from '../../common/packedDocument';
import type { BlockSpan, StoredBlock } from './blockText';

/** A stored block as a save reads it back: its row id, where it is and what it says. */
export interface BlockRow {
  id: number;
  position: number;
  type: string;
  text: string;
}

/** A stored span with the row that holds it, so that a rewrite of its block can reuse the row. */
export interface StoredSpan extends BlockSpan {
  rowId: number;
}

/** The order of an article's blocks: row ids, positions and types, in document order. */
export interface BlockOrder {
  ids: number[];
  positions: number[];
  types: string[];
}

// The block's spans as the editor opens them, kept in the block's row beside the span rows (migration 11).
function packedSpansJson(spans: readonly BlockSpan[]): string | null {
  return spans.length === 0 ? null : JSON.stringify(packedSpansOf(spans));
}

/** The blocks of every article and the annotation spans inside them, behind prepared statements. */
export function createArticleBlocksRepo(db: AnnotatorDatabase) {
  const insertStatement = db.prepare('INSERT INTO article_blocks (article_id, position, type, block_json, plain_text, packed_spans) VALUES (?, ?, ?, ?, ?, ?)');
  const insertSpanStatement = db.prepare(
    'INSERT INTO annotation_spans (article_id, annotation_id, block_id, start_offset, end_offset, part) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // Read from the covering index alone: no block row is touched.
  const orderStatement = db.prepare('SELECT id, position, type FROM article_blocks WHERE article_id = ? ORDER BY position').raw();
  const windowStatement = db.prepare('SELECT id, position FROM article_blocks WHERE article_id = ? ORDER BY position LIMIT ? OFFSET ?').raw();
  const byIdsStatement = db.prepare(
    'SELECT id, position, type, plain_text AS text FROM article_blocks WHERE id IN (SELECT value FROM json_each(?)) ORDER BY position',
  );
  const jsonStatement = db.prepare('SELECT block_json FROM article_blocks WHERE article_id = ? ORDER BY position').pluck();
  const textsStatement = db.prepare('SELECT id, plain_text FROM article_blocks WHERE article_id = ? ORDER BY position').raw();
  const removeStatement = db.prepare('DELETE FROM article_blocks WHERE id IN (SELECT value FROM json_each(?))');
  const renumberStatement = db.prepare('UPDATE article_blocks SET position = ? WHERE id = ?');
  // In row order, which is the order the block's spans were written in (see rewrite).
  const spansInBlocksStatement = db.prepare(`
    SELECT block_id, rowid, annotation_id, start_offset, end_offset, part FROM annotation_spans
    WHERE block_id IN (SELECT value FROM json_each(?)) ORDER BY block_id, rowid`).raw();
  // The common save rewrites one block: a plain equality reads the index without building a JSON table.
  const spansInBlockStatement = db.prepare('SELECT block_id, rowid, annotation_id, start_offset, end_offset, part FROM annotation_spans WHERE block_id = ? ORDER BY rowid').raw();
  // Separate statements by what changes: SQLite rewrites an index whenever one of its columns is SET, even
  // to the same value, and a block's type and a span's annotation are indexed.
  const rewriteStatement = db.prepare('UPDATE article_blocks SET block_json = ?, plain_text = ?, packed_spans = ? WHERE id = ?');
  const rewriteWithTypeStatement = db.prepare('UPDATE article_blocks SET type = ?, block_json = ?, plain_text = ?, packed_spans = ? WHERE id = ?');
  const moveSpanStatement = db.prepare('UPDATE annotation_spans SET start_offset = ?, end_offset = ?, part = ? WHERE rowid = ?');
  const retargetSpanStatement = db.prepare('UPDATE annotation_spans SET annotation_id = ?, start_offset = ?, end_offset = ?, part = ? WHERE rowid = ?');
  const removeSpanStatement = db.prepare('DELETE FROM annotation_spans WHERE rowid = ?');
  // Every span of the given annotations outside the given blocks, with the text of the block it is in.
  const spansOutsideStatement = db.prepare(`
    SELECT s.annotation_id, s.start_offset, s.end_offset, s.part, b.position, b.plain_text
    FROM annotation_spans s JOIN article_blocks b ON b.id = s.block_id
    WHERE s.article_id = @articleId AND s.annotation_id IN (SELECT value FROM json_each(@ids))
      AND s.block_id NOT IN (SELECT value FROM json_each(@excluded))
    ORDER BY b.position, s.start_offset`).raw();
  const spansOfArticleStatement = db.prepare(`
    SELECT s.annotation_id, s.start_offset, s.end_offset, s.part, b.position
    FROM annotation_spans s JOIN article_blocks b ON b.id = s.block_id
    WHERE s.article_id = ? ORDER BY b.position, s.start_offset, s.rowid`).raw();

  return {
    /** Stores one block at `position` with its spans (their annotation rows must exist); returns its row id. */
    insert(articleId: string, position: number, block: StoredBlock): number {
      const blockId = Number(insertStatement.run(articleId, position, block.type, block.json, block.text, packedSpansJson(block.spans)).lastInsertRowid);
      for (const span of block.spans) insertSpanStatement.run(articleId, span.annotationId, blockId, span.start, span.end, span.part);
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
    /** The given blocks, in order. */
    byIds(ids: readonly number[]): BlockRow[] {
      return ids.length === 0 ? [] : (byIdsStatement.all(JSON.stringify(ids)) as BlockRow[]);
    },
    /** The stored JSON of every block, in order. */
    jsonOf(articleId: string): string[] {
      return jsonStatement.all(articleId) as string[];
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
    /** The spans of the given blocks by block row id, each block's in the order they were written; blocks without spans are left out. */
    spansInBlocks(ids: readonly number[]): Map<number, StoredSpan[]> {
      const spans = new Map<number, StoredSpan[]>();
      if (ids.length === 0) return spans;
      const rows = ids.length === 1 ? spansInBlockStatement.all(ids[0]) : spansInBlocksStatement.all(JSON.stringify(ids));
      for (const [blockId, rowId, annotationId, start, end, part] of rows as [number, number, string, number, number, BlockSpan['part']][]) {
        let blockSpans = spans.get(blockId);
        if (!blockSpans) spans.set(blockId, (blockSpans = []));
        blockSpans.push({ rowId, annotationId, start, end, part });
      }
      return spans;
    },
    /**
     * Replaces a stored block's content with `block`, keeping its row id and position, and rewrites its spans
     * in the rows they held (`previousSpans`, from spansInBlocks): the n-th new span takes the n-th row, so
     * row order stays the order storedBlockOf gives. Rows and index entries that did not change are not
     * touched: an edit in a tagged paragraph moves offsets in place rather than deleting and re-inserting
     * every span with its two index entries and foreign key checks. The spans' annotation rows must exist.
     */
    rewrite(articleId: string, blockId: number, previousType: string, previousSpans: readonly StoredSpan[], block: StoredBlock): void {
      if (block.type === previousType) rewriteStatement.run(block.json, block.text, packedSpansJson(block.spans), blockId);
      else rewriteWithTypeStatement.run(block.type, block.json, block.text, packedSpansJson(block.spans), blockId);
      const reused = Math.min(previousSpans.length, block.spans.length);
      for (let index = 0; index < reused; index++) {
        const previous = previousSpans[index]!;
        const span = block.spans[index]!;
        if (previous.annotationId !== span.annotationId) retargetSpanStatement.run(span.annotationId, span.start, span.end, span.part, previous.rowId);
        else if (previous.start !== span.start || previous.end !== span.end || previous.part !== span.part) moveSpanStatement.run(span.start, span.end, span.part, previous.rowId);
      }
      for (let index = reused; index < previousSpans.length; index++) removeSpanStatement.run(previousSpans[index]!.rowId);
      for (let index = reused; index < block.spans.length; index++) {
        const span = block.spans[index]!;
        insertSpanStatement.run(articleId, span.annotationId, blockId, span.start, span.end, span.part);
      }
    },
    /** The spans of the given annotations outside the given blocks, with each span's block position and text. */
    spansOutside(articleId: string, ids: readonly string[], excludedBlockIds: readonly number[]): { span: BlockSpan; position: number; blockText: string }[] {
      if (ids.length === 0) return [];
      const rows = spansOutsideStatement.all({ articleId, ids: JSON.stringify(ids), excluded: JSON.stringify(excludedBlockIds) }) as [string, number, number, BlockSpan['part'], number, string][];
      return rows.map(([annotationId, start, end, part, position, blockText]) => ({ span: { annotationId, start, end, part }, position, blockText }));
    },
    /** Every span of an article in document order, with the index of its block. */
    spansOfArticle(articleId: string): { span: BlockSpan; index: number }[] {
      const indexOf = new Map((orderStatement.all(articleId) as [number, number, string][]).map(([, position], index) => [position, index]));
      const rows = spansOfArticleStatement.all(articleId) as [string, number, number, BlockSpan['part'], number][];
      return rows.map(([annotationId, start, end, part, position]) => ({ span: { annotationId, start, end, part }, index: indexOf.get(position)! }));
    },
  };
}

/** The article blocks repository. */
export type ArticleBlocksRepo = ReturnType<typeof createArticleBlocksRepo>;
