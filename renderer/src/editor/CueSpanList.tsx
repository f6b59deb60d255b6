import { useEffect, useRef } from 'react';
import { annotationShortcuts } from './tagShortcuts';

/** One cue span as the inspector lists it: its words and where its mark lies. */
export interface CueSpanItem {
  from: number;
  to: number;
  words: string;
}

interface CueSpanListProps {
  cues: readonly CueSpanItem[];
  onRemove: (cue: CueSpanItem) => void;
  onMarkCue: () => void;
  onAddSpan: () => void;
}

/** An attribution's cue spans, each removable on its own by mouse or keyboard, and the buttons that add more. */
export function CueSpanList({ cues, onRemove, onMarkCue, onAddSpan }: CueSpanListProps) {
  const groupRef = useRef<HTMLDivElement>(null);
  // Where the focus goes once the removed cue's button is gone: the next cue's button, or "Mark cue".
  const focusAfterRemoval = useRef<number | null>(null);
  useEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === null || !groupRef.current) return;
    focusAfterRemoval.current = null;
    const buttons = groupRef.current.querySelectorAll<HTMLButtonElement>('button');
    const removeButtons = groupRef.current.querySelectorAll<HTMLButtonElement>('button.remove-cue');
    (removeButtons[Math.min(index, removeButtons.length - 1)] ?? buttons[buttons.length - 2])?.focus();
  }, [cues]);
  return (
    <div className="field" role="group" aria-labelledby="cue-label" ref={groupRef}>
      <span className="field-label" id="cue-label">
        Cue
      </span>
      {cues.length === 0 ? (
        <span className="cue-text">none marked</span>
      ) : (
        <ul className="cue-list" aria-label="Cue spans">
          {cues.map((cue) => (
            <li key={`${cue.from}-${cue.to}`}>
              <span className="cue-text">{cue.words}</span>
              <button type="button" className="small remove-cue" aria-label={`Remove cue “${cue.words}”`} title="Remove this cue only" onClick={() => {
                  focusAfterRemoval.current = cues.indexOf(cue);
                  onRemove(cue);
                }}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div>
        <button type="button" className="small" title={`Select the reporting verb in the text, then press (${annotationShortcuts.markCue.label})`} onMouseDown={(e) => e.preventDefault()} onClick={onMarkCue}>
          Mark cue from selection
        </button>
        <button type="button" className="small" title={`Add the selected words to this quote, for a quote split by "she said" (${annotationShortcuts.addSpan.label})`} onMouseDown={(e) => e.preventDefault()} onClick={onAddSpan}>
          Add selection to quote
        </button>
      </div>
    </div>
  );
}
