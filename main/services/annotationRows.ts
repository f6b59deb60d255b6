import { subjectEntityOf } from '../../common/model/entityLinks';
import { highlightLabel, type Annotation } from '../../common/model/annotation';
import type { AnnotationRow, StoredAnnotationState } from '../store/index';

/** A record as a save stores it, with the JSON and quote its row gets. */
export interface PlannedRecord {
  record: Annotation;
  recordJson: string;
  quote: string;
}

/**
 * The record a save stores for an annotation whose content words are `words` (null when it has none left).
 * A record with no content span left that is not already flagged becomes `needs_review` (the editor normally
 * does this; the store must not hold an accepted tag on no words), keeping the last words it covered as its
 * quote.
 */
export function planRecord(original: Annotation, words: string | null, previous: StoredAnnotationState | undefined): PlannedRecord {
  let record = original;
  if (words === null && record.status !== 'needs_review') {
    record = { ...record, status: 'needs_review', quote: record.quote || previous?.quote || '' };
  }
  return { record, recordJson: JSON.stringify(record), quote: words ?? record.quote };
}

/** The annotation row of a planned record: what queries across articles read without opening the record. */
export function annotationRow(articleId: string, planned: PlannedRecord): AnnotationRow {
  const { record } = planned;
  return {
    articleId,
    id: record.id,
    kind: record.kind,
    status: record.status,
    label: highlightLabel(record),
    entityId: subjectEntityOf(record),
    mediumEntityId: record.kind === 'attribution' ? record.mediumEntityId : null,
    quote: planned.quote,
    recordJson: planned.recordJson,
    author: record.author,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
