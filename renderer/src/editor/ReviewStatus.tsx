import { labels, type Annotation } from '../../../common/model/annotation';
import { annotationShortcuts } from './tagShortcuts';

interface ReviewStatusProps {
  annotation: Annotation;
  onToggleReview: () => void;
}

/**
 * Whether a tag waits for review and the reason recorded with it ("Its words changed: 422,000 -> 432,000"),
 * with the control that marks it for review or clears that. Older records carry no reason, and none is made up.
 */
export function ReviewStatus({ annotation, onToggleReview }: ReviewStatusProps) {
  const needsReview = annotation.status === 'needs_review';
  const review = needsReview ? annotation.review ?? null : null;
  return (
    <div className="review-status">
      {needsReview && (
        <p className="review-note" role="status" data-testid="review-note">
          <strong>{labels.needs_review}</strong>
          {review && (
            <>
              : {labels[review.reason]}
              {review.detail && <span className="review-detail"> ({review.detail})</span>}
            </>
          )}
        </p>
      )}
      <button
        type="button"
        className="small"
        onClick={onToggleReview}
        title={`${needsReview ? 'Clear the review flag and accept this tag' : 'Flag this tag for another look'} (${annotationShortcuts.toggleReview.label})`}
        aria-keyshortcuts={annotationShortcuts.toggleReview.label}
      >
        {needsReview ? 'Mark as reviewed' : 'Mark for review'}
      </button>
    </div>
  );
}
