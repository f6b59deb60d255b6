import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
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
    // "wx" creates a new file and fails on anything already there, link or not.
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}
