import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusableIn } from './focusable';

interface DialogProps {
  title: string;
  children: ReactNode;
  onClose: () => void;
  actions: ReactNode;
}

/**
 * A modal dialog on the <dialog> element: focus is trapped inside, Escape closes it, clicks outside it go
 * nowhere, and the focus goes back where it was. It is opened with show() and made modal here rather than by
 * showModal(): a modal <dialog> makes the rest of the page inert, and Chromium then spends hundreds of
 * milliseconds on a 100,000-word article in the editor behind it, once as it opens and again as it closes.
 */
export function Dialog({ title, children, onClose, actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.show();
      // As showModal() would: the first control takes the focus, unless one inside has it already.
      if (!dialog.contains(document.activeElement)) (focusableIn(dialog)[0] ?? dialog).focus();
    }
    return () => {
      // The dialog leaves by being unmounted, not by close(), so the browser does not return the focus: a
      // keyboard user would be left on the page's body. Focus the opener unless the closing action moved it.
      const focused = document.activeElement;
      if (opener?.isConnected && (focused === null || focused === document.body)) opener.focus();
    };
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    const dialog = ref.current;
    // A control inside that handled the key (a list's own Escape, say) keeps it.
    if (!dialog || event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      // Tab and Shift+Tab go round the dialog's controls and never leave it.
      const focusable = focusableIn(dialog);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = document.activeElement;
      if (!first || !last) event.preventDefault();
      else if (event.shiftKey && (active === first || active === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };
  return createPortal(
    <>
      {/* Covers the page: a click outside the dialog neither reaches the page nor takes the focus from the dialog. */}
      <div className="dialog-backdrop" aria-hidden="true" onMouseDown={(event) => event.preventDefault()} />
      <dialog ref={ref} className="dialog" aria-label={title} aria-modal="true" tabIndex={-1} onKeyDown={onKeyDown}>
        <h2>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </dialog>
    </>,
    document.body,
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
