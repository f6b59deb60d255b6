import { formatDescriptions, type ArticleSummary, type CopyOf, type ImportSource } from '../../../common/api';

/** How the library names where an article's text came from: "Word · report.docx", "Pasted text", or "Not recorded". */
export function importSourceLabel(importedFrom: ImportSource | null): string {
  if (importedFrom === null) return 'Not recorded';
  return importedFrom.kind === 'pasted' ? 'Pasted text' : `${formatDescriptions[importedFrom.format].label} · ${importedFrom.fileName}`;
}

/** The short format name a library column shows: "Word", "Plain text (pasted)", or "–" when it was never recorded. */
export function importFormatLabel(importedFrom: ImportSource | null): string {
  if (importedFrom === null) return '–';
  return importedFrom.kind === 'pasted' ? 'Plain text (pasted)' : formatDescriptions[importedFrom.format].label;
}

/** The marker a copy carries in the library: "Copy 1", "Copy 2", ... in the order the copies arrived. */
export function copyMarker(copyOf: CopyOf): string {
  return `Copy ${copyOf.copyNumber}`;
}

/** The marker's full sentence for tooltips and screen readers. */
export function copyDescription(copyOf: CopyOf): string {
  return `Copy ${copyOf.copyNumber} of “${copyOf.originalTitle}”: the same text was imported before.`;
}

/** One line about an article in a dialog: its source, where it came from and when it arrived. */
export function articleOriginLine(article: ArticleSummary): string {
  const parts = [article.source, importSourceLabel(article.importedFrom), `imported ${new Date(article.createdAt).toLocaleString()}`];
  return parts.filter(Boolean).join(' · ');
}
