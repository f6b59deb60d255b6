import type { AnnotatorDatabase } from './database';

/** The preferences table: one text value per key, falling back to `defaults` for keys never set. */
export function createPreferencesRepo(db: AnnotatorDatabase, defaults: Readonly<Record<string, string>> = {}) {
  const getStatement = db.prepare('SELECT value FROM preferences WHERE key = ?').pluck();
  const setStatement = db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');

  return {
    /** The stored value, else the default the store was opened with, else undefined. */
    get(key: string): string | undefined {
      return (getStatement.get(key) as string | undefined) ?? (Object.hasOwn(defaults, key) ? defaults[key] : undefined);
    },
    /** Stores a value, replacing any earlier one. */
    set(key: string, value: string): void {
      setStatement.run(key, value);
    },
  };
}

/** The preferences repository. */
export type PreferencesRepo = ReturnType<typeof createPreferencesRepo>;
