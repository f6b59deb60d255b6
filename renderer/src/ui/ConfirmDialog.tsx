import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  children: ReactNode;
  onClose: () => void;
  actions: ReactNode;
}

/** A modal dialog on the native <dialog> element: focus is trapped, Escape closes it, and focus goes back. */
export function Dialog({ title, children, onClose, actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // The dialog leaves by being unmounted, not by close(), so the browser does not return the focus: a
      // keyboard user would be left on the page's body. Focus the opener unless the closing action moved it.
      const focused = document.activeElement;
      if (opener?.isConnected && (focused === null || focused === document.body)) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}

interface ConfirmDeleteDialogProps {
  title: string;
  children: ReactNode;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Asks before deleting something; Cancel has the focus, so Enter alone never deletes. */
export function ConfirmDeleteDialog({ title, children, onCancel, onConfirm }: ConfirmDeleteDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      actions={
        <>
          <button type="button" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            Delete
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
