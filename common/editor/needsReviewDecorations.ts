import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep } from 'prosemirror-transform';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { AnnotationMap } from '../model/annotation';
import { AnnotationRecordStep } from './annotationStep';
import { annotationMapOf } from './annotationRecords';

/** The ids of the annotations waiting for review, and the decorations that set their words apart. */
export interface NeedsReviewState {
  ids: ReadonlySet<string>;
  decorations: DecorationSet;
}

/** The key of the needs-review plugin's state. */
export const needsReviewKey = new PluginKey<NeedsReviewState>('needsReview');

/** The class the decorated words of a tag waiting for review carry (the legend's "Needs review"). */
export const needsReviewClass = 'ann-needs-review';

function idsNeedingReview(records: AnnotationMap): Set<string> {
  const ids = new Set<string>();
  // Run as a long article opens: walking the keys spares an array per record of Object.entries.
  for (const id in records) if (records[id]!.status === 'needs_review') ids.add(id);
  return ids;
}

// One pass over the document for all the ids at once: there are few of them, the document may be long.
function decorate(doc: ProseMirrorNode, ids: ReadonlySet<string>): DecorationSet {
  if (ids.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name === 'annotation' && mark.attrs.part === 'content' && ids.has(String(mark.attrs.id))) {
        decorations.push(Decoration.inline(pos, pos + node.nodeSize, { class: needsReviewClass }, { annotationId: String(mark.attrs.id) }));
        break;
      }
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

// Only the records a transaction touched can change status: the others need no look.
function updatedIds(tr: Transaction, ids: ReadonlySet<string>): ReadonlySet<string> {
  let next: Set<string> | null = null;
  for (const step of tr.steps) {
    if (!(step instanceof AnnotationRecordStep)) continue;
    const needsReview = step.record?.status === 'needs_review';
    if (needsReview === (next ?? ids).has(step.annotationId)) continue;
    next ??= new Set(ids);
    if (needsReview) next.add(step.annotationId);
    else next.delete(step.annotationId);
  }
  return next ?? ids;
}

/**
 * Sets the words of every tag waiting for review apart in the text. Typing maps the decorations; they are
 * computed again only when a tag's status changes or marks are added or removed while some tag waits for
 * review, and then only for those few tags.
 */
export function needsReviewPlugin(): Plugin<NeedsReviewState> {
  return new Plugin<NeedsReviewState>({
    key: needsReviewKey,
    state: {
      init: (_config, state: EditorState) => {
        const ids = idsNeedingReview(annotationMapOf(state));
        return { ids, decorations: decorate(state.doc, ids) };
      },
      apply(tr, value, _oldState, newState) {
        const ids = updatedIds(tr, value.ids);
        const marksMoved = ids.size > 0 && tr.steps.some((step) => step instanceof AddMarkStep || step instanceof RemoveMarkStep);
        if (ids !== value.ids || marksMoved) return { ids, decorations: decorate(newState.doc, ids) };
        if (!tr.docChanged) return value;
        return { ids, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => needsReviewKey.getState(state)?.decorations,
    },
  });
}

/** The ids of the annotations waiting for review, as the plugin holds them. */
export function needsReviewIds(state: EditorState): ReadonlySet<string> {
  return needsReviewKey.getState(state)?.ids ?? new Set();
}
