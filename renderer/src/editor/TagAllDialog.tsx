import { useState } from 'react';
import type { OccurrenceCandidate } from '../../../common/editor/tagAll';
import { CancelAndConfirm, Dialog } from '../ui/ConfirmDialog';
import { useShownRows } from '../ui/useShownRows';

interface TagAllDialogProps {
  entityName: string;
  names: string[];
  candidates: OccurrenceCandidate[];
  onApply: (chosen: OccurrenceCandidate[]) => void;
  onCancel: () => void;
}

/** Lists every occurrence of an entity's names for review; the chosen ones are tagged in one undo step. */
export function TagAllDialog({ entityName, names, candidates, onApply, onCancel }: TagAllDialogProps) {
  const [chosen, setChosen] = useState(() => new Set(candidates.map((candidate, index) => (candidate.alreadyTagged ? -1 : index)).filter((index) => index >= 0)));
  // A common name in a long article is found thousands of times.
  const { shown: listed, showAllButton, listRef } = useShownRows<HTMLUListElement>(candidates.length, (count) => `List all ${count}`);
  const untagged = candidates.filter((candidate) => !candidate.alreadyTagged).length;
  const firstToFocus = candidates.findIndex((candidate) => !candidate.alreadyTagged);
  return (
    <Dialog
      title={`Tag all occurrences of ${entityName}`}
      onClose={onCancel}
      actions={
        <CancelAndConfirm
          onCancel={onCancel}
          confirmLabel={`Tag ${chosen.size} ${chosen.size === 1 ? 'occurrence' : 'occurrences'}`}
          disabled={chosen.size === 0}
          onConfirm={() => onApply(candidates.filter((_, index) => chosen.has(index)))}
        />
      }
    >
      <p className="dialog-hint">
        Looked for {names.map((name) => `“${name}”`).join(', ')} as whole words: {candidates.length} found.{' '}
        {untagged === 0 ? 'Every occurrence is already tagged.' : `${untagged} not yet tagged.`}
        {candidates.length > listed && ` The first ${listed} are listed; every chosen one is tagged, listed or not.`}
      </p>
      <ul className="occurrence-list" aria-label="Occurrences" ref={listRef}>
        {candidates.slice(0, listed).map((candidate, index) => (
          <li key={`${candidate.from}-${candidate.to}`} className={candidate.alreadyTagged ? 'is-tagged' : undefined}>
            <label>
              <input
                type="checkbox"
                disabled={candidate.alreadyTagged}
                checked={chosen.has(index)}
                autoFocus={index === firstToFocus}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(index);
                  else next.delete(index);
                  setChosen(next);
                }}
              />
              <span className="occurrence-context">
                …{candidate.before}
                <mark>{candidate.text}</mark>
                {candidate.after}…
              </span>
              {candidate.alreadyTagged && <span className="badge">tagged</span>}
            </label>
          </li>
        ))}
      </ul>
      {showAllButton}
    </Dialog>
  );
}
