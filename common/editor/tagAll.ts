import type { EditorState } from 'prosemirror-state';
import { articleText, textOffsetToDocPosition } from '../articleText';
import { findOccurrences } from '../model/occurrences';
import { annotationMapOf } from './annotationRecords';

/** One place "Tag all occurrences" proposes to tag, for the editor to review. */
export interface OccurrenceCandidate {
  from: number;
  to: number;
  text: string;
  // A little of the text around the occurrence, to judge it without leaving the dialog.
  before: string;
  after: string;
  // Already a mention of this entity: shown, but not tagged again.
  alreadyTagged: boolean;
}

const contextLength = 48;

/**
 * Finds the entity's names (canonical name and aliases) elsewhere in the article as whole words, and says
 * for each whether it is already tagged as a mention of this entity (`entityId`, or the mention itself).
 */
export function tagAllCandidates(state: EditorState, names: readonly string[], entityId: string | null, mentionId: string): OccurrenceCandidate[] {
  const plain = articleText(state.doc);
  const records = annotationMapOf(state);
  const isSameEntity = (id: string) => {
    const record = records[id];
    return id === mentionId || (record?.kind === 'entity' && entityId !== null && record.entityId === entityId);
  };
  const candidates: OccurrenceCandidate[] = [];
  for (const occurrence of findOccurrences(plain.text, names)) {
    const from = textOffsetToDocPosition(plain, occurrence.start);
    const to = textOffsetToDocPosition(plain, occurrence.end);
    if (from === null || to === null || to <= from) continue;
    let alreadyTagged = false;
    state.doc.nodesBetween(from, to, (node) => {
      if (node.marks.some((mark) => mark.type.name === 'annotation' && mark.attrs.part === 'content' && isSameEntity(String(mark.attrs.id)))) alreadyTagged = true;
      return !alreadyTagged;
    });
    candidates.push({
      from,
      to,
      text: occurrence.text,
      before: plain.text.slice(Math.max(0, occurrence.start - contextLength), occurrence.start).replace(/\s+/g, ' '),
      after: plain.text.slice(occurrence.end, occurrence.end + contextLength).replace(/\s+/g, ' '),
      alreadyTagged,
    });
  }
  return candidates;
}
