interface NoticeBarProps {
  notice: string | null;
  onDismiss: () => void;
}

/**
 * A one-line message over the top of the text ("Added to the registry", "Select some words first"). It lies
 * over the text rather than above it, so showing or dismissing it never moves the article under the reader.
 */
export function NoticeBar({ notice, onDismiss }: NoticeBarProps) {
  return (
    <div className="notice-slot">
      {notice && (
        <p className="notice" role="status">
          <span className="notice-text">{notice}</span>
          <button type="button" className="link-button" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
