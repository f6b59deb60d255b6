import { Fragment, type Mark, type Node as ProseMirrorNode, type Schema } from 'prosemirror-model';
import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform';

/**
 * Puts annotation marks on, or takes them off, many ranges of text in one step. ProseMirror's AddMarkStep rebuilds
 * the document's list of blocks for every range, so thousands of suggestions placed or accepted at once cost time
 * in the square of the article's length; this step rebuilds each block it touches once. It moves no position (its
 * map is empty), inverts exactly, and maps through edits like AddMarkStep.
 */

/** One range's change: the mark taken off (if any), then the mark put on (if any). */
export interface MarkChange {
  from: number;
  to: number;
  remove: Mark | null;
  add: Mark | null;
}

// The block's inline content with the changes applied; offsets of `changes` are relative to the block's content.
function changedContent(block: ProseMirrorNode, changes: readonly MarkChange[]): Fragment {
  const cuts = new Set<number>();
  for (const change of changes) cuts.add(change.from).add(change.to);
  const pieces: ProseMirrorNode[] = [];
  block.forEach((child, offset) => {
    const end = offset + child.nodeSize;
    const points = [offset, ...[...cuts].filter((cut) => cut > offset && cut < end).sort((a, b) => a - b), end];
    for (let index = 0; index + 1 < points.length; index++) {
      const [start, stop] = [points[index]!, points[index + 1]!];
      let marks = child.marks;
      for (const change of changes) {
        if (change.from > start || change.to < stop) continue;
        if (change.remove) marks = change.remove.removeFromSet(marks);
        if (change.add) marks = change.add.addToSet(marks);
      }
      const piece = child.isText ? child.type.schema.text(child.text!.slice(start - offset, stop - offset), marks) : child.mark(marks);
      const last = pieces[pieces.length - 1];
      // Text that now carries the same marks as its neighbour is one node, as ProseMirror keeps it.
      if (last?.isText && piece.isText && last.sameMarkup(piece)) pieces[pieces.length - 1] = piece.type.schema.text(last.text! + piece.text!, piece.marks);
      else pieces.push(piece);
    }
  });
  return Fragment.fromArray(pieces);
}

/** Changes annotation marks on many ranges, each inside one top-level textblock, in one pass over the document. */
export class AnnotationMarksStep extends Step {
  constructor(readonly changes: readonly MarkChange[]) {
    super();
  }

  apply(doc: ProseMirrorNode): StepResult {
    const sorted = this.changes.map((change, order) => ({ ...change, order })).sort((a, b) => a.from - b.from);
    const blocks: ProseMirrorNode[] = [];
    let next = 0;
    let failure: string | null = null;
    doc.forEach((block, offset) => {
      const start = offset + 1;
      const end = start + block.content.size;
      const inBlock: Array<MarkChange & { order: number }> = [];
      while (next < sorted.length && sorted[next]!.from < end) {
        const change = sorted[next++]!;
        if (!block.isTextblock || change.from < start || change.to > end || change.to <= change.from) failure ??= `A mark change from ${change.from} to ${change.to} does not lie inside one textblock.`;
        else inBlock.push({ ...change, from: change.from - start, to: change.to - start });
      }
      // Changes to the same words apply in the order given, as separate mark steps would: the order of marks follows it.
      blocks.push(inBlock.length === 0 ? block : block.copy(changedContent(block, inBlock.sort((a, b) => a.order - b.order))));
    });
    if (next < sorted.length) failure ??= 'A mark change lies beyond the end of the document.';
    if (failure) return StepResult.fail(failure);
    return StepResult.ok(doc.copy(Fragment.fromArray(blocks)));
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  invert(): Step {
    return new AnnotationMarksStep([...this.changes].reverse().map((change) => ({ from: change.from, to: change.to, remove: change.add, add: change.remove })));
  }

  map(mapping: Mappable): Step | null {
    const mapped: MarkChange[] = [];
    for (const change of this.changes) {
      const from = mapping.mapResult(change.from, 1);
      const to = mapping.mapResult(change.to, -1);
      if ((from.deleted && to.deleted) || from.pos >= to.pos) continue;
      mapped.push({ ...change, from: from.pos, to: to.pos });
    }
    return mapped.length > 0 ? new AnnotationMarksStep(mapped) : null;
  }

  toJSON(): { stepType: string; changes: Array<{ from: number; to: number; remove: unknown; add: unknown }> } {
    return { stepType: 'annotationMarks', changes: this.changes.map((change) => ({ from: change.from, to: change.to, remove: change.remove?.toJSON() ?? null, add: change.add?.toJSON() ?? null })) };
  }

  static override fromJSON(schema: Schema, json: { changes?: unknown }): AnnotationMarksStep {
    if (!Array.isArray(json.changes)) throw new RangeError('Invalid input for AnnotationMarksStep.fromJSON');
    return new AnnotationMarksStep(
      (json.changes as Array<{ from: number; to: number; remove: unknown; add: unknown }>).map((change) => ({
        from: change.from,
        to: change.to,
        remove: change.remove ? schema.markFromJSON(change.remove) : null,
        add: change.add ? schema.markFromJSON(change.add) : null,
      })),
    );
  }
}

Step.jsonID('annotationMarks', AnnotationMarksStep);
