import type { AnnotatorApi, ImportResult } from '../../../common/api';

/** How a batch import is going, for the progress bar. */
export interface ImportProgress {
  done: number;
  total: number;
  current: string;
}

/** What a batch import did: the articles it made and, per failed file, why. */
export interface ImportOutcome {
  imported: ImportResult[];
  failed: { fileName: string; message: string }[];
  cancelled: boolean;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/**
 * Imports files one after another so one bad file never stops the rest, reporting progress and
 * stopping between files when `signal` is aborted.
 */
export async function importFiles(api: AnnotatorApi, files: File[], onProgress: (progress: ImportProgress) => void, signal: AbortSignal): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], failed: [], cancelled: false };
  for (const [index, file] of files.entries()) {
    if (signal.aborted) {
      outcome.cancelled = true;
      break;
    }
    onProgress({ done: index, total: files.length, current: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      outcome.imported.push(await api.importFile({ fileName: file.name, bytesBase64: toBase64(bytes) }));
    } catch (error) {
      outcome.failed.push({ fileName: file.name, message: (error as Error).message });
    }
  }
  onProgress({ done: files.length - (outcome.cancelled ? files.length - outcome.imported.length - outcome.failed.length : 0), total: files.length, current: '' });
  return outcome;
}
