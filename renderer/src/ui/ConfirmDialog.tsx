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

interface CancelAndConfirmProps {
  onCancel: () => void;
  confirmLabel: string;
  onConfirm?: () => void;
  // A confirm button that submits this form instead of calling onConfirm (Enter in a field then confirms).
  form?: string;
  disabled?: boolean;
  danger?: boolean;
}

/** The two buttons every dialog ends with. A dangerous action leaves the focus on Cancel. */
export function CancelAndConfirm({ onCancel, confirmLabel, onConfirm, form, disabled, danger }: CancelAndConfirmProps) {
  return (
    <>
      <button type="button" onClick={onCancel} autoFocus={danger}>
        Cancel
      </button>
      <button type={form ? 'submit' : 'button'} form={form} className={danger ? 'danger' : undefined} disabled={disabled} onClick={form ? undefined : onConfirm}>
        {confirmLabel}
      </button>
    </>
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
      actions={<CancelAndConfirm onCancel={onCancel} confirmLabel="Delete" onConfirm={onConfirm} danger />}
    >
      {children}
    </Dialog>
  );
}
