import type { ArticleSummary, ImportReply } from '../../../common/api';

/** An import that stopped because the library already holds its text, waiting for the person to choose. */
export interface PendingDuplicate {
  // What was being imported, as the dialog names it: a file's name, or "The pasted text".
  what: string;
  existing: ArticleSummary;
  // Imports the same file or text again, this time as a copy.
  importCopy: () => Promise<ImportReply>;
}
