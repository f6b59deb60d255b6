import { useState } from 'react';
import { CancelAndConfirm, Dialog } from '../ui/ConfirmDialog';

/** Asks for the name recorded as the author of the tags the user makes. */
export function UserNameDialog({ initial, onCancel, onSave }: { initial: string; onCancel: () => void; onSave: (name: string) => Promise<void> }) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = () => onSave(name.trim()).catch((saveError: Error) => setError(saveError.message));
  return (
    <Dialog
      title="Your name"
      onClose={onCancel}
      actions={<CancelAndConfirm onCancel={onCancel} confirmLabel="Save" onConfirm={() => void save()} disabled={name.trim() === ''} />}
    >
      <label className="field">
        <span className="field-label">Recorded as the author of the tags you make from now on</span>
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
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
