import { useCallback, useState, type ReactNode } from 'react';
import type { ImportResult } from '../../../common/api';
import { Dialog } from '../ui/ConfirmDialog';
import { articleOriginLine } from './articleOrigin';
import type { PendingDuplicate } from './pendingDuplicate';

interface DuplicateImportDialogProps {
  duplicate: PendingDuplicate;
  // How many more duplicates wait after this one, from the same batch.
  waiting: number;
  onOpen: () => void;
  onImportCopy: () => Promise<void>;
  onCancel: () => void;
}

/**
 * "Already in the library": offers to open the article already there, to import a copy, or to leave it. Open it
 * has the focus, so Enter opens; Tab reaches Import a copy and Cancel; Escape cancels.
 */
export function DuplicateImportDialog({ duplicate, waiting, onOpen, onImportCopy, onCancel }: DuplicateImportDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const importCopy = () => {
    setBusy(true);
    onImportCopy().catch((copyError: Error) => {
      setError(copyError.message);
      setBusy(false);
    });
  };
  return (
    <Dialog
      title={`Already in the library: ${duplicate.existing.title}`}
      onClose={onCancel}
      actions={
        // Open it comes first: the dialog focuses its first control, so Enter never makes a copy by accident.
        <>
          <button type="button" onClick={onOpen}>
            Open it
          </button>
          <button type="button" onClick={importCopy} disabled={busy}>
            Import a copy
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </>
      }
    >
      <p>
        {duplicate.what} has the same text as “<strong>{duplicate.existing.title}</strong>”, which the library already holds.
      </p>
      <p className="muted">{articleOriginLine(duplicate.existing)}</p>
      <p>Open that article, or import this text again as a copy: the library marks it “Copy” beside its title.</p>
      {waiting > 0 && (
        <p className="muted">
          {waiting} more {waiting === 1 ? 'import waits' : 'imports wait'} for the same question.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

interface DuplicateImportsOptions {
  onOpen: (articleId: string) => void;
  // A copy was stored; `onlyOne` says it was the single import in question, which the app then opens.
  onCopyImported: (article: ImportResult, onlyOne: boolean) => void;
}

/**
 * The duplicates of the latest imports, asked about one at a time. `offer` queues them; `dialog` is the dialog
 * to render (or null). Opening the existing article ends the queue, since the editor then takes the screen.
 */
export function useDuplicateImports({ onOpen, onCopyImported }: DuplicateImportsOptions): { offer: (duplicates: PendingDuplicate[]) => void; dialog: ReactNode } {
  const [queue, setQueue] = useState<{ pending: PendingDuplicate[]; batchSize: number }>({ pending: [], batchSize: 0 });
  const offer = useCallback((duplicates: PendingDuplicate[]) => {
    if (duplicates.length > 0) setQueue({ pending: duplicates, batchSize: duplicates.length });
  }, []);
  const next = () => setQueue((current) => ({ ...current, pending: current.pending.slice(1) }));
  const current = queue.pending[0];
  const dialog = current ? (
    <DuplicateImportDialog
      key={`${current.what}:${queue.pending.length}`}
      duplicate={current}
      waiting={queue.pending.length - 1}
      onCancel={next}
      onOpen={() => {
        setQueue({ pending: [], batchSize: 0 });
        onOpen(current.existing.id);
      }}
      onImportCopy={async () => {
        const reply = await current.importCopy();
        // The service stores a copy when asked to; any other reply would be a contract breach worth showing.
        if (reply.outcome !== 'imported') throw new Error('The copy could not be imported.');
        next();
        onCopyImported(reply, queue.batchSize === 1);
      }}
    />
  ) : null;
  return { offer, dialog };
}
