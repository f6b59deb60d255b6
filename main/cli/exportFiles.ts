import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writing exported files into the folder a user named, and nowhere else. File names come from the exporters
 * (a safe slug of title and id), but the writer does not rely on that: a name that is not a plain file name is
 * refused, and each file is written to a temporary name in the folder and renamed over the target, so a
 * symbolic link planted under the target's name is replaced, never followed out of the folder.
 */

/** Why a file was not written. */
export class UnsafeFileNameError extends Error {
  override name = 'UnsafeFileNameError';
}

// Path separators of every platform, NUL, and the names that mean a folder rather than a file.
function isPlainFileName(fileName: string): boolean {
  return fileName !== '' && fileName !== '.' && fileName !== '..' && !/[/\\\0]/.test(fileName) && basename(fileName) === fileName;
}

/** How many UTF-16 units of a file's content are encoded and written at a time. */
export const writtenSliceLength = 1024 * 1024;

// Writes `content` to a new file (failing on anything already there, link or not) a slice at a time, so the
// UTF-8 bytes of a large export are never held whole beside its text. A slice never ends inside a surrogate
// pair, whose halves alone would be written as two replacement characters.
async function writeNewFileInSlices(path: string, content: string): Promise<void> {
  const file = await open(path, 'wx');
  try {
    for (let start = 0; start < content.length; ) {
      let end = Math.min(content.length, start + writtenSliceLength);
      const last = content.charCodeAt(end - 1);
      if (end < content.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
      const bytes = Buffer.from(content.slice(start, end), 'utf8');
      for (let written = 0; written < bytes.length; ) written += (await file.write(bytes, written, bytes.length - written)).bytesWritten;
      start = end;
    }
  } finally {
    await file.close();
  }
}

/** Creates the output folder (and its parents) when it does not exist; returns its absolute path. */
export async function prepareOutputFolder(folder: string): Promise<string> {
  const absolute = resolve(folder);
  await mkdir(absolute, { recursive: true });
  return absolute;
}

/**
 * Writes `content` as `fileName` directly inside `folder` (absolute), replacing a file of that name, and
 * returns the path written. Throws UnsafeFileNameError for a name that would land anywhere else.
 */
export async function writeExportedFile(folder: string, fileName: string, content: string): Promise<string> {
  const target = join(folder, fileName);
  if (!isPlainFileName(fileName) || dirname(target) !== folder) {
    throw new UnsafeFileNameError(`The export named a file "${fileName}", which is not a plain file name inside the output folder; it was not written.`);
  }
  const temporary = join(folder, `.${fileName}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNewFileInSlices(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}
