import { importFormatOf } from '../../../common/formats';
import { importFormats, type AnnotatorApi, type ImportResult } from '../../../common/api';
import type { PendingDuplicate } from './pendingDuplicate';

/** How a batch import is going, for the progress bar. */
export interface ImportProgress {
  done: number;
  total: number;
  current: string;
}

/** What a batch import did: the articles it made and, per failed file, why. */
export interface ImportOutcome {
  imported: ImportResult[];
  // Files whose text the library already holds: nothing was stored, and the person is asked what to do.
  duplicates: PendingDuplicate[];
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
  const outcome: ImportOutcome = { imported: [], duplicates: [], failed: [], cancelled: false };
  for (const [index, file] of files.entries()) {
    if (signal.aborted) {
      outcome.cancelled = true;
      break;
    }
    onProgress({ done: index, total: files.length, current: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const request = { fileName: file.name, bytesBase64: toBase64(bytes) };
      const reply = await api.importFile(request);
      if (reply.outcome === 'imported') outcome.imported.push(reply);
      else outcome.duplicates.push({ what: file.name, existing: reply.existing, importCopy: () => api.importFile({ ...request, onDuplicate: 'copy' }) });
    } catch (error) {
      // Trimmed as the importer's own messages name it: a trailing space would not show, and mislead.
      outcome.failed.push({ fileName: file.name.trim(), message: (error as Error).message });
    }
  }
  const handled = outcome.imported.length + outcome.duplicates.length + outcome.failed.length;
  onProgress({ done: files.length - (outcome.cancelled ? files.length - handled : 0), total: files.length, current: '' });
  return outcome;
}

/** The file-name endings the importer reads, as a file input's `accept` list. */
export const importAccept = importFormats.flatMap((format) => format.extensions.map((extension) => `.${extension}`)).join(',');

function isImportable(name: string): boolean {
  return !name.startsWith('.') && importFormatOf(name) !== undefined;
}

function readEntry(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    return new Promise((resolve) => (entry as FileSystemFileEntry).file((file) => resolve([file]), () => resolve([])));
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out a directory in batches until it returns an empty one.
  const readAll = (found: FileSystemEntry[]): Promise<FileSystemEntry[]> =>
    new Promise((resolve) =>
      reader.readEntries(
        (batch) => (batch.length === 0 ? resolve(found) : void readAll([...found, ...batch]).then(resolve)),
        () => resolve(found),
      ),
    );
  return readAll([]).then(async (children) => (await Promise.all(children.map(readEntry))).flat().filter((file) => isImportable(file.name)));
}

/**
 * The files of a drop: dropped files as they are, dropped folders searched (with their subfolders) for
 * files the importer reads. Entries must be taken while the drop event is being handled.
 */
export function droppedFiles(dataTransfer: DataTransfer): Promise<File[]> {
  const entries = [...dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter((entry): entry is FileSystemEntry => Boolean(entry));
  if (entries.length === 0) return Promise.resolve([...dataTransfer.files]);
  return Promise.all(entries.map(readEntry)).then((lists) => lists.flat());
}
