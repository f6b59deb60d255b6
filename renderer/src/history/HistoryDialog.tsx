import { useEffect, useMemo, useState } from 'react';
import type { AnnotatorApi, ArticleRevision, RevisionEntry, RevisionReason } from '../../../common/api';
import { Dialog } from '../ui/ConfirmDialog';
import { blockTextsOf, compareBlocks, type BlockTexts } from './revisionCompare';
import { countOf } from '../ui/plural';

/** The keyboard shortcut that opens an article's history from the editor. */
export const historyShortcut = { key: 'H', label: 'Alt+Shift+H' } as const;

const reasonLabels: Record<RevisionReason, string> = {
  created: 'Created',
  saved: 'Saved',
  restored: 'Restored',
  renamed: 'Renamed',
  registry: 'Registry change',
  migrated: 'Migrated',
};

interface HistoryDialogProps {
  api: AnnotatorApi;
  articleId: string;
  // The text as the editor holds it now, to compare revisions with.
  current: BlockTexts;
  currentRevision: number;
  onRestore: (revision: number) => void;
  onClose: () => void;
}

/** What one revision changed, in a few words. */
function changeSummary(entry: RevisionEntry): string {
  const { summary } = entry;
  const parts: string[] = [];
  if (summary.addedBlocks || summary.removedBlocks) parts.push(summary.removedBlocks ? `${countOf(summary.removedBlocks, 'block')} replaced by ${summary.addedBlocks}` : `${countOf(summary.addedBlocks, 'block')} written`);
  if (summary.changedRecords) parts.push(`${countOf(summary.changedRecords, 'tag')} changed`);
  if (summary.removedRecords) parts.push(`${countOf(summary.removedRecords, 'tag')} removed`);
  if (summary.wordCountDelta) parts.push(`${summary.wordCountDelta > 0 ? '+' : ''}${countOf(summary.wordCountDelta, 'word')}`);
  if (entry.restoredFrom !== null) parts.push(`brought back revision ${entry.restoredFrom}`);
  return parts.join(', ') || 'no change to text or tags';
}

/**
 * An article's history: who saved when and what changed; a revision chosen from the list is compared block
 * by block with the current text and can be restored (as a new revision, so the restore can be undone too).
 */
export function HistoryDialog({ api, articleId, current, currentRevision, onRestore, onClose }: HistoryDialogProps) {
  const [entries, setEntries] = useState<RevisionEntry[] | null>(null);
  const [chosen, setChosen] = useState<ArticleRevision | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listRevisions({ id: articleId, limit: 200 }).then(setEntries, (failure: Error) => setError(failure.message));
  }, [api, articleId]);

  const choose = (revision: number) => {
    api.getRevision({ id: articleId, revision }).then(setChosen, (failure: Error) => setError(failure.message));
  };

  const comparison = useMemo(() => {
    if (!chosen) return null;
    const old = blockTextsOf(chosen.document);
    return { blocks: compareBlocks(old.blocks, current.blocks), oldRecords: old.records, nowRecords: current.records };
  }, [chosen, current]);

  return (
    <Dialog
      title="History"
      onClose={onClose}
      actions={
        <>
          {chosen && chosen.revision !== currentRevision && (
            <button type="button" onClick={() => onRestore(chosen.revision)}>
              Restore revision {chosen.revision}
            </button>
          )}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      {error && <p role="alert">Could not read the history: {error}</p>}
      {!entries && !error && <p>Loading…</p>}
      <div className="history-layout">
        <ol className="history-list" aria-label="Revisions">
          {entries?.map((entry) => (
            <li key={entry.revision}>
              <button
                type="button"
                aria-pressed={chosen?.revision === entry.revision}
                aria-label={`Revision ${entry.revision}`}
                onClick={() => choose(entry.revision)}
              >
                <strong>
                  {entry.revision}
                  {entry.revision === currentRevision ? ' (current)' : ''}
                </strong>{' '}
                {reasonLabels[entry.reason]} {new Date(entry.savedAt).toLocaleString()}
                {entry.savedBy ? ` by ${entry.savedBy}` : ''}
                <span className="history-summary">{changeSummary(entry)}</span>
              </button>
            </li>
          ))}
        </ol>
        <section className="history-compare" aria-label="Comparison">
          {!comparison && <p className="dialog-hint">Choose a revision to compare it with the current text.</p>}
          {comparison && chosen && (
            <>
              <p className="dialog-hint">
                Revision {chosen.revision} against the current text: {comparison.oldRecords} tags then, {comparison.nowRecords} now.
              </p>
              {comparison.blocks.every((block) => block.change === 'same') && <p>The text is the same.</p>}
              <ul className="history-blocks">
                {comparison.blocks
                  .filter((block) => block.change !== 'same')
                  .map((block, index) => (
                    <li key={index} className={`history-block history-${block.change}`}>
                      <span className="visually-hidden">{block.change === 'removed' ? 'Only in the revision: ' : 'Only in the current text: '}</span>
                      {block.change === 'removed' ? '− ' : '+ '}
                      {block.text}
                    </li>
                  ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </Dialog>
  );
}
