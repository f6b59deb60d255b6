import { useState } from 'react';
import type { ArticleSummary } from '../../../common/api';
import { CancelAndConfirm, Dialog } from '../ui/ConfirmDialog';

/** Asks for an article's new title. */
export function RenameDialog({ article, onCancel, onRename }: { article: ArticleSummary; onCancel: () => void; onRename: (title: string) => void }) {
  const [title, setTitle] = useState(article.title);
  return (
    <Dialog
      title="Rename article"
      onClose={onCancel}
      actions={<CancelAndConfirm onCancel={onCancel} confirmLabel="Rename" form="rename-form" disabled={title.trim() === ''} />}
    >
      <form
        id="rename-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) onRename(title.trim());
        }}
      >
        <label className="field">
          <span className="field-label">Title</span>
          <input type="text" aria-label="Title" value={title} autoFocus onChange={(event) => setTitle(event.target.value)} />
        </label>
      </form>
    </Dialog>
  );
}
