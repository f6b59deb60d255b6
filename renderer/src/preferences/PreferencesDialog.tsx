import { useState } from 'react';
import type { Preferences, SuggestionPreferences } from '../../../common/api';
import { suggestionKinds, type SuggestionKind } from '../../../common/suggestions/types';
import { CancelAndConfirm, Dialog } from '../ui/ConfirmDialog';

const kindNames: Record<SuggestionKind, string> = { entity: 'Entities (names)', figure: 'Figures', attribution: 'Attributions (quotes and speakers)' };

/**
 * The user's preferences: the name recorded as the author of the tags they make, and where the app suggests tags
 * by itself (on import, on open) and of which kinds. Suggestions on demand are always there.
 */
export function PreferencesDialog({ initial, onCancel, onSave }: { initial: Preferences; onCancel: () => void; onSave: (preferences: Preferences) => Promise<void> }) {
  const [name, setName] = useState(initial.userName);
  const [suggestions, setSuggestions] = useState<SuggestionPreferences>(initial.suggestions);
  const [error, setError] = useState<string | null>(null);
  const save = () => onSave({ userName: name.trim(), suggestions }).catch((saveError: Error) => setError(saveError.message));
  const toggleKind = (kind: SuggestionKind, on: boolean) =>
    setSuggestions({ ...suggestions, kinds: suggestionKinds.filter((each) => (each === kind ? on : suggestions.kinds.includes(each))) });
  return (
    <Dialog
      title="Preferences"
      onClose={onCancel}
      actions={<CancelAndConfirm onCancel={onCancel} confirmLabel="Save" onConfirm={() => void save()} disabled={name.trim() === ''} />}
    >
      <label className="field">
        <span className="field-label">Your name, recorded as the author of the tags you make from now on</span>
        <input
          type="text"
          aria-label="Your name"
          value={name}
          autoFocus
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && name.trim()) void save();
          }}
        />
      </label>
      <fieldset className="preferences-kinds">
        <legend>Suggest tags by themselves (computed on this machine; “Suggest tags” always works)</legend>
        <label>
          <input type="checkbox" checked={suggestions.onImport} onChange={(event) => setSuggestions({ ...suggestions, onImport: event.target.checked })} /> When an article is imported
        </label>
        <label>
          <input type="checkbox" checked={suggestions.onOpen} onChange={(event) => setSuggestions({ ...suggestions, onOpen: event.target.checked })} /> When an article is opened
        </label>
      </fieldset>
      <fieldset className="preferences-kinds">
        <legend>Which kinds to suggest</legend>
        {suggestionKinds.map((kind) => (
          <label key={kind}>
            <input type="checkbox" checked={suggestions.kinds.includes(kind)} onChange={(event) => toggleKind(kind, event.target.checked)} /> {kindNames[kind]}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
