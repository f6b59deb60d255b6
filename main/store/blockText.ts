import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { AnnotationPart } from '../../common/model/annotation';

/** Where one annotation's words fall in one block: UTF-16 offsets into the block's plain text. */
export interface BlockSpan {
  annotationId: string;
  start: number;
  end: number;
  part: AnnotationPart;
}

/** A top-level block as the store keeps it: its type, its JSON, its plain text and its annotation spans. */
export interface StoredBlock {
  type: string;
  json: string;
  text: string;
  spans: BlockSpan[];
}

/**
 * Reads one top-level block into what the store keeps of it. Adjacent text nodes carrying the same
 * annotation part join into one span, as common/articleText.ts joins them for the whole article, so a
 * block's spans are exactly that function's spans inside the block, shifted to the block's start.
 */
export function storedBlockOf(block: ProseMirrorNode): StoredBlock {
  const spans: BlockSpan[] = [];
  const open = new Map<string, BlockSpan>();
  let text = '';
  block.forEach((child) => {
    const childText = child.text ?? '';
    const start = text.length;
    for (const mark of child.marks) {
      if (mark.type.name !== 'annotation') continue;
      const annotationId = String(mark.attrs.id);
      const part = mark.attrs.part as AnnotationPart;
      const key = `${part}\u0000${annotationId}`;
      const last = open.get(key);
      if (last && last.end === start) {
        last.end = start + childText.length;
      } else {
        const span = { annotationId, start, end: start + childText.length, part };
        spans.push(span);
        open.set(key, span);
      }
    }
    text += childText;
  });
  return { type: block.type.name, json: JSON.stringify(block.toJSON()), text, spans };
}
