import { labels, type AnnotationKind, type ReviewReason } from './model/annotation';

/**
 * The review queue: every tag across the desk's articles (or the library's selection) that waits for an
 * editor, either flagged as needing review or a suggestion not yet accepted or rejected, grouped by article.
 */

/** Which waiting tags the queue shows: both, or one of the two states. */
export const reviewQueueShows = ['both', 'needs_review', 'suggested'] as const;
/** One of `reviewQueueShows`. */
export type ReviewQueueShow = (typeof reviewQueueShows)[number];

/** Why a tag is in the queue: flagged (with the model's reason when its record has one), or a suggestion. */
export type ReviewQueueCause =
  | { status: 'needs_review'; reason: ReviewReason | null; detail: string }
  | { status: 'suggested' };

/** One tag in the queue. */
export interface ReviewQueueItem {
  // Its place in the whole queue, from 0.
  index: number;
  articleId: string;
  articleTitle: string;
  annotationId: string;
  kind: AnnotationKind;
  // The highlight label: the entity type for a mention, the kind otherwise.
  label: string;
  words: string;
  // Empty when the tag has lost its words.
  sentence: string;
  cause: ReviewQueueCause;
  author: string;
}

/** How many tags wait in one article of the queue (under the queue's filters). */
export interface ReviewQueueArticle {
  articleId: string;
  needsReview: number;
  suggested: number;
}

/** One page of the queue and the counts of the whole queue. */
export interface ReviewQueuePage {
  total: number;
  needsReview: number;
  suggested: number;
  articles: number;
  offset: number;
  items: ReviewQueueItem[];
  // The articles of this page's items, with their counts in the whole queue.
  itemArticles: ReviewQueueArticle[];
}

/** The most items one page of the queue holds. */
export const maxReviewQueuePage = 500;

/** Why a tag waits, in words for the queue: the model's label for its review reason, or that it is a suggestion. */
export function reviewCauseText(cause: ReviewQueueCause): string {
  if (cause.status === 'suggested') return 'Suggestion waiting to be accepted or rejected';
  const reason = cause.reason ? labels[cause.reason] : labels.needs_review;
  return cause.detail ? `${reason}: ${cause.detail}` : reason;
}
