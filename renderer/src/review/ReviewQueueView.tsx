import { useEffect, useRef, useState } from 'react';
import type { AnnotatorApi, ArticleSelection } from '../../../common/api';
import { annotationKinds, labels } from '../../../common/model/annotation';
import type { ReviewQueueItem, ReviewQueuePage } from '../../../common/reviewQueue';
import { navigate } from '../navigation/route';
import { SelectionBanner } from '../navigation/SelectionBanner';
import { FilterSelect } from '../ui/FilterSelect';
import { countOf } from '../ui/plural';
import { Pager } from '../entity/Pager';
import { queueItemKey, reviewQueueState, reviewQueueView, type ReviewQueueState } from './reviewQueueState';
import { ReviewQueueItems } from './ReviewQueueItems';

const pageSize = 100;
const showOptions = ['needs_review', 'suggested'] as const;
const showLabels = { needs_review: 'Needs review only', suggested: 'Suggestions only' } as const;
const nextKeys = new Set(['j', 'ArrowDown']);
const previousKeys = new Set(['k', 'ArrowUp']);

interface ReviewQueueViewProps {
  api: AnnotatorApi;
  selection: ArticleSelection;
  view: Record<string, string>;
}

/**
 * One queue across the desk (or the library's selection) of the tags that wait for an editor, grouped by article
 * and stepped through by keyboard; each item opens the article at the tag, and back returns to the same item
 * because the current item lives in the URL.
 */
export function ReviewQueueView({ api, selection, view }: ReviewQueueViewProps) {
  const state = reviewQueueState(view);
  const offset = Math.floor(state.at / pageSize) * pageSize;
  const [page, setPage] = useState<ReviewQueuePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // Set when the current item should take the focus once its page is painted (a key moved it, or back returned to it).
  const focusPending = useRef(state.at > 0 || state.item !== undefined);
  const selectionKey = JSON.stringify(selection);

  const update = (change: Partial<ReviewQueueState>, how: 'push' | 'replace' = 'replace') =>
    navigate({ name: 'review', selection, view: reviewQueueView({ ...state, ...change }) }, how);

  useEffect(() => {
    let stale = false;
    setError(null);
    api.listReviewQueue({ selection: JSON.parse(selectionKey) as ArticleSelection, show: state.show, kind: state.kind, offset, limit: pageSize }).then(
      (loaded) => !stale && setPage(loaded),
      (failure: Error) => !stale && setError(failure.message),
    );
    return () => {
      stale = true;
    };
  }, [api, selectionKey, state.show, state.kind, offset]);

  // The item in the URL may have left the queue (accepted in the editor): the item now at its place is current.
  const items = page?.offset === offset ? page.items : [];
  const remembered = state.item ? items.find((item) => queueItemKey(item.articleId, item.annotationId) === state.item) : undefined;
  const current = remembered?.index ?? Math.min(state.at, Math.max(0, (page?.total ?? 1) - 1));

  useEffect(() => {
    if (!focusPending.current || items.length === 0) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(`[data-index="${current}"]`);
    if (!button) return;
    focusPending.current = false;
    button.focus();
    button.scrollIntoView({ block: 'nearest' });
  }, [items, current]);

  const moveTo = (index: number) => {
    if (!page || index < 0 || index >= page.total) return;
    const item = items.find((candidate) => candidate.index === index);
    focusPending.current = true;
    update({ at: index, item: item ? queueItemKey(item.articleId, item.annotationId) : undefined });
  };
  const open = (item: ReviewQueueItem) => {
    // The queue's entry must name this item before the editor's entry is pushed, so back returns to it.
    update({ at: item.index, item: queueItemKey(item.articleId, item.annotationId) });
    navigate({ name: 'editor', articleId: item.articleId, focusAnnotationId: item.annotationId });
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = nextKeys.has(event.key) ? 1 : previousKeys.has(event.key) ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      moveTo(current + step);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveTo(event.key === 'Home' ? 0 : (page?.total ?? 1) - 1);
    }
  };

  return (
    <section className="desk-review-queue" aria-labelledby="review-queue-heading">
      <h1 id="review-queue-heading">Review queue</h1>
      <SelectionBanner api={api} selection={selection} view="review" />
      <div className="library-actions">
        <FilterSelect label="Show" allLabel="Needs review and suggestions" value={state.show === 'both' ? '' : state.show} options={showOptions} optionLabel={(option) => showLabels[option]} onChange={(show) => update({ show: show || 'both', at: 0, item: undefined })} />
        <FilterSelect label="Filter by tag kind" allLabel="All kinds" value={state.kind ?? ''} options={annotationKinds} optionLabel={(kind) => labels[kind]} onChange={(kind) => update({ kind: kind || undefined, at: 0, item: undefined })} />
        <span className="muted">
          <kbd>j</kbd>/<kbd>k</kbd> or arrows move, <kbd>Enter</kbd> opens the article at the tag
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          Could not load the review queue: {error}
        </p>
      )}
      {!page && !error && <p aria-live="polite">Loading the review queue…</p>}
      {page && (
        <p className="review-summary" role="status">
          {page.total === 0
            ? 'Nothing waits for review here.'
            : `${countOf(page.total, 'tag')} waiting in ${countOf(page.articles, 'article')}: ${countOf(page.needsReview, 'needing review', 'needing review')}, ${countOf(page.suggested, 'suggestion')}.`}
        </p>
      )}
      {page && page.total === 0 && <p className="empty-hint">Tags flagged for review and suggestions not yet accepted or rejected appear here. Widen the filters or the selection to see more.</p>}
      {items.length > 0 && (
        // The list's keys work wherever the focus is inside it; the buttons themselves handle Enter.
        <div onKeyDown={onKeyDown}>
          <ReviewQueueItems ref={listRef} items={items} articles={page!.itemArticles} current={current} onFocusItem={(item) => item.index !== current && update({ at: item.index, item: queueItemKey(item.articleId, item.annotationId) })} onOpen={open} />
        </div>
      )}
      {page && <Pager noun={['tag', 'tags']} offset={offset} shown={items.length} total={page.total} pageSize={pageSize} onOffset={(next) => update({ at: next, item: undefined })} />}
    </section>
  );
}
