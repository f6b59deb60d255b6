import type { Node as ProseMirrorNode, Mark } from 'prosemirror-model';
import type { AnnotationPart } from '../model/annotation';

/** A stretch of the document carrying one annotation's mark. */
export interface AnnotationRange {
  from: number;
  to: number;
  part: AnnotationPart;
  mark: Mark;
}

/** Every range of the document marked with annotation `id`, adjacent text nodes merged, in document order. */
export function annotationRanges(doc: ProseMirrorNode, id: string): AnnotationRange[] {
  const ranges: AnnotationRange[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== 'annotation' || mark.attrs.id !== id) continue;
      const last = ranges[ranges.length - 1];
      if (last && last.to === pos && last.part === mark.attrs.part) last.to = pos + node.nodeSize;
      else ranges.push({ from: pos, to: pos + node.nodeSize, part: mark.attrs.part as AnnotationPart, mark });
    }
    return false;
  });
  return ranges;
}

/** The ids of every annotation mark found in the document. */
export function markedAnnotationIds(doc: ProseMirrorNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (!node.isText) return true;
    for (const mark of node.marks) if (mark.type.name === 'annotation' && mark.attrs.part === 'content') ids.add(String(mark.attrs.id));
    return false;
  });
  return ids;
}

/** The ids of the annotations whose content covers document position `pos`, innermost (shortest) first. */
export function annotationIdsAt(doc: ProseMirrorNode, pos: number): string[] {
  const $pos = doc.resolve(pos);
  const node = $pos.parent.childAfter($pos.parentOffset).node ?? $pos.nodeBefore;
  if (!node) return [];
  const ids = node.marks.filter((mark) => mark.type.name === 'annotation').map((mark) => String(mark.attrs.id));
  const lengthInBlock = (id: string) => {
    let length = 0;
    $pos.parent.forEach((child) => {
      if (child.marks.some((mark) => mark.type.name === 'annotation' && mark.attrs.id === id)) length += child.nodeSize;
    });
    return length;
  };
  return ids.map((id) => ({ id, length: lengthInBlock(id) })).sort((a, b) => a.length - b.length).map((entry) => entry.id);
}
