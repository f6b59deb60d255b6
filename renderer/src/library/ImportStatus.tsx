import type { ImportOutcome, ImportProgress } from './importFiles';

interface ImportStatusProps {
  progress: ImportProgress | null;
  outcome: ImportOutcome | null;
  onCancel: () => void;
  onOpen: (articleId: string) => void;
  onDismiss: () => void;
}

/** How an import of files goes (with a way to cancel), then what came of it: warnings and failures by file. */
export function ImportStatus({ progress, outcome, onCancel, onOpen, onDismiss }: ImportStatusProps) {
  return (
    <>
      {progress && (
        <div className="progress" role="status" aria-label="Import progress">
          <span>
            Importing {Math.min(progress.done + 1, progress.total)} of {progress.total}: {progress.current}
          </span>
          <progress max={progress.total} value={progress.done} />
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      {outcome && (
        <div className={`import-summary ${outcome.failed.length ? 'has-failures' : ''}`} role="status">
          <p>
            Imported {outcome.imported.length} {outcome.imported.length === 1 ? 'article' : 'articles'}
            {outcome.duplicates.length > 0 && `; ${outcome.duplicates.length} already in the library`}
            {outcome.failed.length > 0 && `; ${outcome.failed.length} failed`}
            {outcome.cancelled && '; the rest were cancelled'}.
          </p>
          {outcome.imported.some((article) => article.importWarnings?.length) && (
            <ul>
              {outcome.imported
                .filter((article) => article.importWarnings?.length)
                .map((article) => (
                  <li key={article.id}>
                    <button type="button" className="link-button" onClick={() => onOpen(article.id)}>
                      {article.title}
                    </button>
                    : {article.importWarnings!.join(' ')}
                  </li>
                ))}
            </ul>
          )}
          {outcome.failed.length > 0 && (
            <ul>
              {outcome.failed.map((failure) => (
                <li key={failure.fileName}>
                  <strong>{failure.fileName}</strong>: {failure.message}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
