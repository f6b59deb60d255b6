import { useState } from 'react';

// The page reloads after a restore; the message about it waits here for the reloaded page.
const restoredMessageKey = 'annotator.restoredBackup';

/** Keeps the message a restore ends with for the page that the restore reloads. */
export function announceRestoredBackup(message: string): void {
  try {
    sessionStorage.setItem(restoredMessageKey, message);
  } catch {
    // Storage can be disabled; the restore stands, only the message is lost.
  }
}

// Read once per page load (React may run a state initialiser twice, and the second read would find nothing).
let restoredMessage: string | null | undefined;

function takeRestoredMessage(): string | null {
  if (restoredMessage !== undefined) return restoredMessage;
  restoredMessage = null;
  try {
    restoredMessage = sessionStorage.getItem(restoredMessageKey);
    sessionStorage.removeItem(restoredMessageKey);
  } catch {
    // Storage can be disabled: then there is no message to show.
  }
  return restoredMessage;
}

/** Tells, once, after the reload that follows a restore, which backup is now in use and how to undo it. */
export function RestoredBackupNotice() {
  const [message, setMessage] = useState(takeRestoredMessage);
  if (!message) return null;
  return (
    <p className="notice-bar" role="status">
      {message}{' '}
      <button type="button" onClick={() => setMessage(null)}>
        Dismiss
      </button>
    </p>
  );
}
