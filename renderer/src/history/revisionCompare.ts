import { diffArrays } from 'diff';
import type { Node } from 'prosemirror-model';
import type { PackedDocument } from '../../../common/packedDocument';

/** One block in a comparison: kept in both, only in the revision, or only in the current text. */
export interface ComparedBlock {
  change: 'same' | 'removed' | 'added';
  text: string;
}

/** What a comparison reads of a document: its blocks' texts, in order, and how many tag records it holds. */
export interface BlockTexts {
  blocks: string[];
  records: number;
}

/** The block texts of a stored revision, packed as the store sends it. */
export function blockTextsOf(document: PackedDocument): BlockTexts {
  return { blocks: document.blocks.map((block) => block.text), records: Object.keys(document.records).length };
}

/** The block texts of the document an editor holds, with the number of records it holds beside it. */
export function blockTextsOfEditor(doc: Node, records: number): BlockTexts {
  const blocks: string[] = [];
  doc.forEach((block) => blocks.push(block.textContent));
  return { blocks, records };
}

// Beyond this many blocks added and removed the comparison stops looking for the fewest (the cost of finding
// them grows with its square) and lists the blocks that differ position by position.
const maxAlignedEdits = 2_000;

/**
 * Compares a revision's blocks with the current ones as one list in reading order: the fewest whole blocks
 * added and removed (Myers' difference, from jsdiff), so a changed paragraph shows as its old text removed and
 * its new one added, and a few edits anywhere in a long article are found exactly, whatever its length.
 */
export function compareBlocks(revision: readonly string[], current: readonly string[]): ComparedBlock[] {
  const changes = diffArrays([...revision], [...current], { maxEditLength: maxAlignedEdits });
  if (!changes) return positionByPosition(revision, current);
  return changes.flatMap((run) => run.value.map((text): ComparedBlock => ({ change: run.added ? 'added' : run.removed ? 'removed' : 'same', text })));
}

// Revisions too far apart to align: everything that differs position by position is shown as changed.
function positionByPosition(revision: readonly string[], current: readonly string[]): ComparedBlock[] {
  const out: ComparedBlock[] = [];
  for (let index = 0; index < Math.max(revision.length, current.length); index++) {
    if (index < revision.length && index < current.length && revision[index] === current[index]) out.push({ change: 'same', text: revision[index]! });
    else {
      if (index < revision.length) out.push({ change: 'removed', text: revision[index]! });
      if (index < current.length) out.push({ change: 'added', text: current[index]! });
    }
  }
  return out;
}
