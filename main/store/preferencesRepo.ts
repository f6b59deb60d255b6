import type { AnnotatorDatabase } from './database';

/** The preferences table: one text value per key. */
export function createPreferencesRepo(db: AnnotatorDatabase) {
  const getStatement = db.prepare('SELECT value FROM preferences WHERE key = ?').pluck();
  const setStatement = db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');

  return {
    /** The stored value, or undefined when the key was never set. */
    get(key: string): string | undefined {
      return getStatement.get(key) as string | undefined;
    },
    /** Stores a value, replacing any earlier one. */
    set(key: string, value: string): void {
      setStatement.run(key, value);
    },
  };
}

/** The preferences repository. */
export type PreferencesRepo = ReturnType<typeof createPreferencesRepo>;
