import { importFormats, type AnnotatorApi, type ImportResult } from '../../../common/api';

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
      // Trimmed as the importer's own messages name it: a trailing space would not show, and mislead.
      outcome.failed.push({ fileName: file.name.trim(), message: (error as Error).message });
    }
  }
  onProgress({ done: files.length - (outcome.cancelled ? files.length - outcome.imported.length - outcome.failed.length : 0), total: files.length, current: '' });
  return outcome;
}

/** The file-name endings the importer reads, as a file input's `accept` list. */
export const importAccept = importFormats.flatMap((format) => format.extensions.map((extension) => `.${extension}`)).join(',');

const importableExtensions = new Set(importFormats.flatMap((format) => format.extensions));

function isImportable(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return !name.startsWith('.') && dot > 0 && importableExtensions.has(name.slice(dot + 1).toLowerCase());
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
