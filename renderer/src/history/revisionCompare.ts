import { Node } from 'prosemirror-model';
import { articleSchema } from '../../../common/schema';

/** One block in a comparison: kept in both, only in the revision, or only in the current text. */
export interface ComparedBlock {
  change: 'same' | 'removed' | 'added';
  text: string;
}

/** The texts of a stored document's blocks, in order, and how many tag records it holds. */
export function blockTextsOf(docJson: unknown): { blocks: string[]; records: number } {
  const doc = Node.fromJSON(articleSchema, docJson);
  const blocks: string[] = [];
  doc.forEach((block) => blocks.push(block.textContent));
  const annotations = (doc.attrs as { annotations?: Record<string, unknown> }).annotations;
  return { blocks, records: annotations ? Object.keys(annotations).length : 0 };
}

// Beyond this many cells the table of common subsequences would cost more than a comparison should.
const maxTableCells = 4_000_000;

/**
 * Compares a revision's blocks with the current ones as one list in reading order: a longest common
 * subsequence of whole blocks, so a changed paragraph shows as its old text removed and its new one added.
 */
export function compareBlocks(revision: readonly string[], current: readonly string[]): ComparedBlock[] {
  const n = revision.length;
  const m = current.length;
  if (n * m > maxTableCells) {
    // Too long to align: everything that differs position by position is shown as changed.
    const out: ComparedBlock[] = [];
    for (let i = 0; i < Math.max(n, m); i++) {
      if (i < n && i < m && revision[i] === current[i]) out.push({ change: 'same', text: revision[i]! });
      else {
        if (i < n) out.push({ change: 'removed', text: revision[i]! });
        if (i < m) out.push({ change: 'added', text: current[i]! });
      }
    }
    return out;
  }
  // lengths[i][j]: the longest common subsequence of revision[i..] and current[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i]![j] = revision[i] === current[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  const out: ComparedBlock[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (revision[i] === current[j]) {
      out.push({ change: 'same', text: revision[i]! });
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) out.push({ change: 'removed', text: revision[i++]! });
    else out.push({ change: 'added', text: current[j++]! });
  }
  while (i < n) out.push({ change: 'removed', text: revision[i++]! });
  while (j < m) out.push({ change: 'added', text: current[j++]! });
  return out;
}
