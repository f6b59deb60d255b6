import { useState } from 'react';
import { CancelAndConfirm, Dialog } from '../ui/ConfirmDialog';

/** Makes a new article from pasted text, with an optional title (proposed from the text when left empty). */
export function PasteDialog({ onCancel, onImport }: { onCancel: () => void; onImport: (text: string, title: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await onImport(text, title);
    } catch (importError) {
      setError((importError as Error).message);
    }
  };
  return (
    <Dialog
      title="Paste an article"
      onClose={onCancel}
      actions={<CancelAndConfirm onCancel={onCancel} confirmLabel="Create article" onConfirm={() => void submit()} disabled={text.trim() === ''} />}
    >
      <label className="field">
        <span className="field-label">Title (optional: proposed from the text)</span>
        <input type="text" aria-label="Title" value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Article text</span>
        <textarea aria-label="Article text" rows={14} value={text} autoFocus onChange={(event) => setText(event.target.value)} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
