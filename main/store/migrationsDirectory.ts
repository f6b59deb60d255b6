import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The first migration marks the folder: any directory holding it is the one we want.
const markerFile = '0001_init.sql';

/**
 * Where the migrations folder may be, relative to the module that asks: next to it (the .ts sources run by
 * tsx or vitest), then `main/store/migrations` under each folder above it (the Electron bundle at
 * out/main/index.js, whose project folder still holds the sources).
 */
export function migrationsDirectoryCandidates(moduleUrl: string): string[] {
  const moduleDirectory = dirname(fileURLToPath(moduleUrl));
  const candidates = [join(moduleDirectory, 'migrations')];
  for (let directory = moduleDirectory; ; directory = dirname(directory)) {
    candidates.push(join(directory, 'main', 'store', 'migrations'));
    if (dirname(directory) === directory) break;
  }
  return candidates;
}

/** Finds the folder of numbered migration files for the module at `moduleUrl`, or says where it looked. */
export function findMigrationsDirectory(moduleUrl: string = import.meta.url): string {
  const candidates = migrationsDirectoryCandidates(moduleUrl);
  const found = candidates.find((directory) => existsSync(join(directory, markerFile)));
  if (!found) {
    throw new Error(
      `The database migrations were not found: no ${markerFile} next to ${fileURLToPath(moduleUrl)} ` +
        'or in main/store/migrations of any folder above it.',
    );
  }
  return found;
}
