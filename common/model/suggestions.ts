import { Fragment, Mark, type Node as ProseMirrorNode } from 'prosemirror-model';
import type { AnnotationMap } from '../annotation';

/**
 * Suggestions are annotation records with status `suggested`: made by the same model code as a hand-made tag,
 * and kept in the document like one until the editor accepts or rejects them. What leaves the app holds the
 * editor's tags only unless suggestions are asked for.
 */

/** The ids of the records that are still suggestions. */
export function suggestedAnnotationIds(records: AnnotationMap): Set<string> {
  return new Set(Object.values(records).filter((record) => record.status === 'suggested').map((record) => record.id));
}

/**
 * The document without its suggestions: their marks and records are gone, every other tag and the text stay
 * exactly as they are. Returns the same document when it holds no suggestion.
 */
export function withoutSuggestions(doc: ProseMirrorNode): ProseMirrorNode {
  const records = doc.attrs.annotations as AnnotationMap;
  const suggested = suggestedAnnotationIds(records);
  if (suggested.size === 0) return doc;
  const kept = Object.fromEntries(Object.entries(records).filter(([id]) => !suggested.has(id)));
  const content: ProseMirrorNode[] = [];
  doc.forEach((block) => {
    const inline: ProseMirrorNode[] = [];
    block.forEach((child) => {
      const marks = child.marks.filter((mark) => !(mark.type.name === 'annotation' && suggested.has(String(mark.attrs.id))));
      const previous = inline[inline.length - 1];
      // Text that differed only by a suggestion's mark becomes one node again, as ProseMirror keeps it.
      if (previous?.isText && child.isText && Mark.sameSet(previous.marks, marks)) {
        inline[inline.length - 1] = previous.type.schema.text(previous.text! + child.text!, marks);
      } else {
        inline.push(marks.length === child.marks.length ? child : child.mark(marks));
      }
    });
    content.push(block.copy(Fragment.fromArray(inline)));
  });
  return doc.type.create({ ...doc.attrs, annotations: kept }, content, doc.marks);
}
