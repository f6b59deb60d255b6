import type { JournalConflict } from './useEditorController';

/**
 * Asks what to do with unsaved work from last time when the article was saved elsewhere since: neither side
 * is dropped without the editor's word, and keeping mine leaves the other side in the history.
 */
export function JournalConflictPrompt({ conflict }: { conflict: JournalConflict }) {
  return (
    <div className="notice-bar journal-conflict" role="alertdialog" aria-label="Unsaved changes from last time">
      <p>
        This article has unsaved changes from {new Date(conflict.journalledAt).toLocaleString()}, made on revision {conflict.baseRevision}, but it was
        saved since (revision {conflict.storedRevision}).
      </p>
      <button type="button" onClick={conflict.keepMine}>
        Keep mine (revision {conflict.storedRevision} stays in the history)
      </button>
      <button type="button" onClick={conflict.keepTheirs}>
        Keep theirs (drop my unsaved changes)
      </button>
    </div>
  );
}
