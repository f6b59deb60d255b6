import { subjectEntityOf } from '../../common/model/entityLinks';
import { highlightLabel, type Annotation, type AnnotationMap } from '../../common/annotation';
import { spanText, type AnnotationSpan } from '../../common/articleText';
import type { AnnotationRow, StoredAnnotationState } from '../store/index';

/**
 * What a save must write for a document's annotations: rows to write in full (new or changed records, changed
 * words), rows whose spans only moved, ids whose records left the document, and the records as they must be
 * stored (`flaggedIds` names the ones this changed).
 */
export interface AnnotationWritePlan {
  upserts: AnnotationRow[];
  moves: AnnotationRow[];
  removals: string[];
  records: AnnotationMap;
  flaggedIds: string[];
}

// Built by hand: this runs for every annotation on every save, and the shape is fixed.
function spansJson(spans: readonly AnnotationSpan[]): string {
  return `[${spans.map((span) => `{"start":${span.start},"end":${span.end},"part":"${span.part}"}`).join(',')}]`;
}

/**
 * Compares a document's annotation records and spans with the stored rows, so that a save writes only what
 * changed: typing in a long article moves many spans but changes few records, and a moved span needs only
 * its offsets rewritten. A record with no content span left that is not already flagged becomes
 * `needs_review` (the editor normally does this; the store must not hold an accepted tag on no words),
 * keeping the last words it covered as its quote.
 */
export function planAnnotationWrites(
  articleId: string,
  records: AnnotationMap,
  text: string,
  spans: ReadonlyMap<string, AnnotationSpan[]>,
  stored: ReadonlyMap<string, StoredAnnotationState>,
): AnnotationWritePlan {
  const plan: AnnotationWritePlan = { upserts: [], moves: [], removals: [], records: {}, flaggedIds: [] };
  for (const [id, original] of Object.entries(records)) {
    const recordSpans = spans.get(id) ?? [];
    const content = recordSpans.filter((span) => span.part === 'content');
    const previous = stored.get(id);
    let record = original;
    if (content.length === 0 && record.status !== 'needs_review') {
      record = { ...record, status: 'needs_review', quote: record.quote || previous?.quote || '' };
      plan.flaggedIds.push(id);
    }
    plan.records[id] = record;
    const recordJson = JSON.stringify(record);
    const quote = content.length > 0 ? spanText(text, recordSpans, 'content') : record.quote;
    const spanJson = spansJson(recordSpans);
    const changed = !previous || previous.recordJson !== recordJson || previous.quote !== quote;
    if (!changed && previous.spansJson === spanJson) continue;
    const row: AnnotationRow = {
      articleId,
      id,
      kind: record.kind,
      status: record.status,
      label: highlightLabel(record),
      entityId: subjectEntityOf(record),
      mediumEntityId: record.kind === 'attribution' ? record.mediumEntityId : null,
      quote,
      startOffset: content[0]?.start ?? -1,
      endOffset: content[0]?.end ?? -1,
      spansJson: spanJson,
      recordJson,
      author: record.author,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
    (changed ? plan.upserts : plan.moves).push(row);
  }
  for (const id of stored.keys()) if (!Object.hasOwn(records, id)) plan.removals.push(id);
  return plan;
}
