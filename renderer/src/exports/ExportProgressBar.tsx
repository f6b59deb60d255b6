import type { ExportProgress } from './ExportControls';

interface ExportProgressBarProps {
  progress: ExportProgress;
  // The title to name a failed article by.
  titleOf: (articleId: string) => string;
  onCancel: () => void;
  onDismiss: () => void;
}

/** How a batch export goes, with a way to cancel it, then how many were exported and which failed. */
export function ExportProgressBar({ progress, titleOf, onCancel, onDismiss }: ExportProgressBarProps) {
  return (
    <div className="progress" role="status" aria-label="Export progress">
      {progress.finished ? (
        <span>
          Exported {progress.done - progress.failures.length} of {progress.total}
          {progress.cancelled ? ' (cancelled)' : ''}
          {progress.failures.length > 0 ? `; ${progress.failures.length} failed` : ''}.
        </span>
      ) : (
        <span>
          Exporting {progress.done} of {progress.total}…
        </span>
      )}
      <progress max={progress.total} value={progress.done} />
      {progress.finished ? (
        <button type="button" className="link-button" onClick={() => onDismiss()}>
          Dismiss
        </button>
      ) : (
        <button type="button" onClick={() => onCancel()}>
          Cancel
        </button>
      )}
      {progress.failures.length > 0 && (
        <ul>
          {progress.failures.map((failure) => (
            <li key={failure.articleId}>
              <strong>{titleOf(failure.articleId)}</strong>: {failure.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
