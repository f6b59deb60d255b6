import type { SaveStatus } from './autosave';

interface SaveIndicatorProps {
  status: SaveStatus;
  onRetry: () => void;
  onOverwrite: () => void;
}

/** Saved / saving / failed, always visible; a failure says the work is kept and offers a way on. */
export function SaveIndicator({ status, onRetry, onOverwrite }: SaveIndicatorProps) {
  let text: string;
  switch (status.state) {
    case 'saved':
      text = 'Saved';
      break;
    case 'pending':
    case 'saving':
      text = 'Saving…';
      break;
    case 'failed':
      text = status.conflict
        ? 'Not saved: this article was changed in another window. Your version is kept here.'
        : `Not saved: ${status.message}. Your work is kept here; retrying${status.retryInMs ? ` in ${Math.round(status.retryInMs / 1000)} s` : ''}.`;
      break;
  }
  return (
    <div className={`save-indicator save-${status.state}`} role="status" aria-live="polite" aria-label="Save status">
      <span className="save-dot" aria-hidden="true" />
      <span className="save-text">{text}</span>
      {status.state === 'failed' && !status.conflict && (
        <button type="button" className="link-button" onClick={onRetry}>
          Retry now
        </button>
      )}
      {status.state === 'failed' && status.conflict && (
        <button type="button" className="link-button" onClick={onOverwrite}>
          Keep mine
        </button>
      )}
    </div>
  );
}
