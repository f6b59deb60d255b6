import { annotationKinds, type AnnotationKind } from '../../../common/model/annotation';
import { reviewQueueShows, type ReviewQueueShow } from '../../../common/reviewQueue';

/** What the review queue keeps in its route's `view`: its filters and the item the editor is on. */
export interface ReviewQueueState {
  show: ReviewQueueShow;
  kind: AnnotationKind | undefined;
  // The current item's place in the whole queue, and its tag ("articleId/annotationId") to find it again.
  at: number;
  item: string | undefined;
}

/** The queue's state from the route's view, ignoring what it does not understand (an old or hand-edited URL). */
export function reviewQueueState(view: Record<string, string>): ReviewQueueState {
  const show = (reviewQueueShows as readonly string[]).includes(view.show ?? '') ? (view.show as ReviewQueueShow) : 'both';
  const kind = (annotationKinds as readonly string[]).includes(view.kind ?? '') ? (view.kind as AnnotationKind) : undefined;
  const at = /^\d{1,9}$/.test(view.at ?? '') ? Number(view.at) : 0;
  return { show, kind, at, item: view.item || undefined };
}

/** The route's view for a queue state: only what differs from the defaults, so plain URLs stay plain. */
export function reviewQueueView(state: ReviewQueueState): Record<string, string> {
  const view: Record<string, string> = {};
  if (state.show !== 'both') view.show = state.show;
  if (state.kind) view.kind = state.kind;
  if (state.at > 0) view.at = String(state.at);
  if (state.item) view.item = state.item;
  return view;
}

/** The key of a tag in the queue's view. */
export function queueItemKey(articleId: string, annotationId: string): string {
  return `${articleId}/${annotationId}`;
}
