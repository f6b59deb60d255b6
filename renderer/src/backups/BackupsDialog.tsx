import { useCallback, useEffect, useState } from 'react';
import type { AnnotatorApi } from '../../../common/api';
import { backupKindLabels, type BackupEntry, type BackupListing } from '../../../common/backups';
import { CancelAndConfirm, Dialog } from '../ui/ConfirmDialog';
import { announceRestoredBackup } from './RestoredBackupNotice';

interface BackupsDialogProps {
  api: AnnotatorApi;
  // Saves the open editor's pending work; false when it could not, and the restore must then wait.
  saveOpenWork: () => Promise<boolean>;
  onClose: () => void;
}

// Sizes as a desk reads them: "812 KB", "14.2 MB".
function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

function takenLabel(backup: BackupEntry): string {
  return new Date(backup.takenAt).toLocaleString();
}

/**
 * File > Restore from backup: the backups beside the database with their date, size, kind and integrity
 * check, "Back up now", and Restore, which asks first and says what will be replaced. After a restore the
 * page reloads, so that every view shows the restored database.
 */
export function BackupsDialog({ api, saveOpenWork, onClose }: BackupsDialogProps) {
  const [listing, setListing] = useState<BackupListing | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupEntry | null>(null);

  const reload = useCallback(() => {
    api.listBackups({}).then(setListing, (error: Error) => setMessage(`Could not list the backups: ${error.message}`));
  }, [api]);
  useEffect(reload, [reload]);

  const backUpNow = async () => {
    setBusy('Backing up…');
    try {
      const taken = await api.backUpNow({});
      setMessage(`Backed up: ${sizeLabel(taken.bytes)}, checked, taken ${takenLabel(taken)}.`);
    } catch (error) {
      setMessage(`The backup failed: ${(error as Error).message}`);
    }
    setBusy(null);
    reload();
  };

  const restore = async (backup: BackupEntry) => {
    setConfirming(null);
    setBusy('Restoring…');
    if (!(await saveOpenWork())) {
      setBusy(null);
      setMessage('The open article could not be saved, so nothing was restored. Save it (or copy your changes) first.');
      return;
    }
    try {
      const { restored, keptAs } = await api.restoreBackup({ name: backup.name });
      announceRestoredBackup(
        `Restored the backup taken ${takenLabel(restored)}. The database as it was just before is kept as the backup “${backupKindLabels[keptAs.kind]}, ${takenLabel(keptAs)}” (File > Restore from backup), so this restore can be undone.`,
      );
      // Every view starts again on the restored database, at the library: the article or entity the address named
      // may not exist in it.
      window.history.replaceState(window.history.state, '', '#/library');
      window.location.reload();
    } catch (error) {
      setBusy(null);
      setMessage((error as Error).message);
      reload();
    }
  };

  return (
    <>
      <Dialog
        title="Backups"
        onClose={onClose}
        actions={
          <>
            <button type="button" disabled={busy !== null} onClick={() => void backUpNow()}>
              Back up now
            </button>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </>
        }
      >
        <p className="dialog-hint">
          The app backs up the whole database (every article, tag, registry entry, history and the trash) when it starts and every day, keeping 7 daily and 4
          weekly backups{listing ? ` in ${listing.folder}` : ''}. Each backup is checked with SQLite’s integrity check.
        </p>
        {(busy ?? message) && (
          <p className="notice-bar" role="status">
            {busy ?? message}
          </p>
        )}
        {!listing && <p>Loading…</p>}
        {listing && listing.backups.length === 0 && <p>There are no backups yet. “Back up now” takes one.</p>}
        {listing && listing.backups.length > 0 && (
          <table className="article-table" aria-label="Backups">
            <thead>
              <tr>
                <th>Taken</th>
                <th>Kind</th>
                <th>Size</th>
                <th>Check</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {listing.backups.map((backup) => (
                <tr key={backup.name}>
                  <td>{takenLabel(backup)}</td>
                  <td>{backupKindLabels[backup.kind]}</td>
                  <td>{sizeLabel(backup.bytes)}</td>
                  <td>{backup.check.usable ? 'OK' : `Unusable: ${backup.check.problem}`}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Restore the backup taken ${takenLabel(backup)}`}
                      disabled={busy !== null || !backup.check.usable}
                      onClick={() => setConfirming(backup)}
                    >
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Dialog>
      {confirming && (
        <Dialog
          title="Restore this backup?"
          onClose={() => setConfirming(null)}
          actions={<CancelAndConfirm onCancel={() => setConfirming(null)} confirmLabel="Replace with this backup" onConfirm={() => void restore(confirming)} danger />}
        >
          <p>
            Everything in the app — every article and its tags, the registry, the history and the trash — will be replaced by the backup taken{' '}
            {takenLabel(confirming)}. Work saved after that will no longer be in the library.
          </p>
          <p>The database as it is now is backed up first (as “{backupKindLabels['before-restore']}”), so you can restore it again to undo this.</p>
        </Dialog>
      )}
    </>
  );
}
