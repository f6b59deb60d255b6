import type { AnnotatorDatabase } from './database';
import type { BlockSpan, StoredBlock } from './blockText';

/** A stored block as a save reads it back: its row id, where it is and what it says. */
export interface BlockRow {
  id: number;
  position: number;
  type: string;
  text: string;
}

/** The blocks of every article and the annotation spans inside them, behind prepared statements. */
export function createArticleBlocksRepo(db: AnnotatorDatabase) {
  const insertStatement = db.prepare('INSERT INTO article_blocks (article_id, position, type, block_json, plain_text) VALUES (?, ?, ?, ?, ?)');
  const insertSpanStatement = db.prepare(
    'INSERT INTO annotation_spans (article_id, annotation_id, block_id, start_offset, end_offset, part) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const rangeStatement = db.prepare(
    'SELECT id, position, type, plain_text AS text FROM article_blocks WHERE article_id = ? AND position >= ? AND position < ? ORDER BY position',
  );
  const countStatement = db.prepare('SELECT count(*) FROM article_blocks WHERE article_id = ?').pluck();
  const typesStatement = db.prepare('SELECT type FROM article_blocks WHERE article_id = ? ORDER BY position').pluck();
  const jsonStatement = db.prepare('SELECT block_json FROM article_blocks WHERE article_id = ? ORDER BY position').pluck();
  const textsStatement = db.prepare('SELECT id, plain_text FROM article_blocks WHERE article_id = ? ORDER BY position').raw();
  const removeRangeStatement = db.prepare('DELETE FROM article_blocks WHERE article_id = ? AND position >= ? AND position < ?');
  const shiftStatement = db.prepare('UPDATE article_blocks SET position = position + ? WHERE article_id = ? AND position >= ?');
  // Annotations with words in a run of blocks: the ones a change of that run can touch.
  const annotationsInRangeStatement = db.prepare(`
    SELECT DISTINCT s.annotation_id FROM annotation_spans s JOIN article_blocks b ON b.id = s.block_id
    WHERE b.article_id = ? AND b.position >= ? AND b.position < ?`).pluck();
  // Every span of the given annotations outside a run of blocks, with the text of the block it is in.
  const spansOutsideStatement = db.prepare(`
    SELECT s.annotation_id, s.start_offset, s.end_offset, s.part, b.position, b.plain_text
    FROM annotation_spans s JOIN article_blocks b ON b.id = s.block_id
    WHERE s.article_id = @articleId AND s.annotation_id IN (SELECT value FROM json_each(@ids))
      AND (b.position < @from OR b.position >= @to)
    ORDER BY b.position, s.start_offset`).raw();
  const spansOfArticleStatement = db.prepare(`
    SELECT s.annotation_id, s.start_offset, s.end_offset, s.part, b.position
    FROM annotation_spans s JOIN article_blocks b ON b.id = s.block_id
    WHERE s.article_id = ? ORDER BY b.position, s.start_offset, s.rowid`).raw();

  return {
    /** Stores one block at `position` with its spans (their annotation rows must exist); returns its row id. */
    insert(articleId: string, position: number, block: StoredBlock): number {
      const blockId = Number(insertStatement.run(articleId, position, block.type, block.json, block.text).lastInsertRowid);
      for (const span of block.spans) insertSpanStatement.run(articleId, span.annotationId, blockId, span.start, span.end, span.part);
      return blockId;
    },
    /** The blocks at positions [from, to), in order. */
    range(articleId: string, from: number, to: number): BlockRow[] {
      return rangeStatement.all(articleId, from, to) as BlockRow[];
    },
    /** How many blocks the article has. */
    count(articleId: string): number {
      return countStatement.get(articleId) as number;
    },
    /** The type of every block, in order. */
    types(articleId: string): string[] {
      return typesStatement.all(articleId) as string[];
    },
    /** The stored JSON of every block, in order. */
    jsonOf(articleId: string): string[] {
      return jsonStatement.all(articleId) as string[];
    },
    /** Every block's row id and plain text, in order. */
    texts(articleId: string): [number, string][] {
      return textsStatement.all(articleId) as [number, string][];
    },
    /** Deletes the blocks at positions [from, to) and, with them, their spans. */
    removeRange(articleId: string, from: number, to: number): void {
      removeRangeStatement.run(articleId, from, to);
    },
    /** Moves every block at `from` or after by `delta` positions. */
    shift(articleId: string, from: number, delta: number): void {
      if (delta !== 0) shiftStatement.run(delta, articleId, from);
    },
    /** The annotations with a span in the blocks at positions [from, to). */
    annotationsInRange(articleId: string, from: number, to: number): string[] {
      return annotationsInRangeStatement.all(articleId, from, to) as string[];
    },
    /** The spans of the given annotations outside blocks [from, to), with each span's block position and text. */
    spansOutside(articleId: string, ids: readonly string[], from: number, to: number): { span: BlockSpan; position: number; blockText: string }[] {
      if (ids.length === 0) return [];
      const rows = spansOutsideStatement.all({ articleId, ids: JSON.stringify(ids), from, to }) as [string, number, number, BlockSpan['part'], number, string][];
      return rows.map(([annotationId, start, end, part, position, blockText]) => ({ span: { annotationId, start, end, part }, position, blockText }));
    },
    /** Every span of an article in document order, with its block's position. */
    spansOfArticle(articleId: string): { span: BlockSpan; position: number }[] {
      const rows = spansOfArticleStatement.all(articleId) as [string, number, number, BlockSpan['part'], number][];
      return rows.map(([annotationId, start, end, part, position]) => ({ span: { annotationId, start, end, part }, position }));
    },
  };
}

/** The article blocks repository. */
export type ArticleBlocksRepo = ReturnType<typeof createArticleBlocksRepo>;
