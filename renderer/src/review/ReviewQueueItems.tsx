import { forwardRef } from 'react';
import { labels } from '../../../common/model/annotation';
import { reviewCauseText, type ReviewQueueArticle, type ReviewQueueItem } from '../../../common/reviewQueue';
import { countOf } from '../ui/plural';

interface ReviewQueueItemsProps {
  items: ReviewQueueItem[];
  articles: ReviewQueueArticle[];
  current: number;
  onFocusItem: (item: ReviewQueueItem) => void;
  onOpen: (item: ReviewQueueItem) => void;
}

function Sentence({ item }: { item: ReviewQueueItem }) {
  if (!item.sentence) return <span className="muted">No words left in the text</span>;
  const at = item.sentence.indexOf(item.words);
  if (at < 0 || !item.words) return <>{item.sentence}</>;
  return (
    <>
      {item.sentence.slice(0, at)}
      <mark>{item.words}</mark>
      {item.sentence.slice(at + item.words.length)}
    </>
  );
}

function kindLabel(item: ReviewQueueItem): string {
  return item.kind === 'entity' && item.label in labels ? labels[item.label as keyof typeof labels] : labels[item.kind];
}

/**
 * The page's items grouped by article. Only the current item is a tab stop (a roving tab index), so Tab leaves
 * the queue in one step and the arrow keys or j/k move inside it; Enter opens the item.
 */
export const ReviewQueueItems = forwardRef<HTMLDivElement, ReviewQueueItemsProps>(function ReviewQueueItems({ items, articles, current, onFocusItem, onOpen }, ref) {
  const counts = new Map(articles.map((article) => [article.articleId, article]));
  const groups: ReviewQueueItem[][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.articleId === item.articleId) last.push(item);
    else groups.push([item]);
  }
  return (
    <div className="review-items" ref={ref}>
      {groups.map((group) => {
        const count = counts.get(group[0]!.articleId);
        const headingId = `review-article-${group[0]!.index}`;
        return (
          <section key={headingId} className="review-article" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {group[0]!.articleTitle}{' '}
              {count && (
                <span className="section-count">
                  {countOf(count.needsReview, 'needing review', 'needing review')} · {countOf(count.suggested, 'suggestion')}
                </span>
              )}
            </h2>
            <ul>
              {group.map((item) => (
                <li key={item.annotationId}>
                  <button
                    type="button"
                    className={`review-item tag-${item.label}${item.index === current ? ' is-current' : ''}`}
                    data-index={item.index}
                    tabIndex={item.index === current ? 0 : -1}
                    aria-current={item.index === current ? 'true' : undefined}
                    onFocus={() => onFocusItem(item)}
                    onClick={() => onOpen(item)}
                  >
                    <span className="review-item-head">
                      <span className="swatch" aria-hidden="true" />
                      <strong>{kindLabel(item)}</strong> <span className="review-words">{item.words || '(no words)'}</span>
                      <span className={item.cause.status === 'suggested' ? 'badge suggested' : 'badge review'}>{item.cause.status === 'suggested' ? 'Suggestion' : 'Needs review'}</span>
                    </span>
                    <span className="review-sentence">
                      <Sentence item={item} />
                    </span>
                    <span className="review-reason">
                      {reviewCauseText(item.cause)} · by {item.author || 'unknown'}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
});
