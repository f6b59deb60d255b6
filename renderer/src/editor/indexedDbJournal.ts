import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { MemoryJournalStorage, type JournalEntry, type JournalStorage } from './unsavedJournal';

interface JournalDatabase extends DBSchema {
  unsaved: { key: string; value: JournalEntry };
}

const databaseName = 'annotator-journal';

/** The journal's storage in the browser's IndexedDB, which outlives reloads, crashes and closed tabs. */
class IndexedDbJournalStorage implements JournalStorage {
  constructor(private readonly database: Promise<IDBPDatabase<JournalDatabase>>) {}

  async get(articleId: string): Promise<JournalEntry | undefined> {
    return (await this.database).get('unsaved', articleId);
  }

  async put(entry: JournalEntry): Promise<void> {
    await (await this.database).put('unsaved', entry);
  }

  async delete(articleId: string): Promise<void> {
    await (await this.database).delete('unsaved', articleId);
  }
}

let shared: JournalStorage | null = null;

/** The page's one journal storage: IndexedDB when the browser offers it, else memory (which lasts the page). */
export function journalStorage(): JournalStorage {
  if (shared) return shared;
  if (typeof indexedDB === 'undefined') return (shared = new MemoryJournalStorage());
  const database = openDB<JournalDatabase>(databaseName, 1, {
    upgrade(db) {
      db.createObjectStore('unsaved', { keyPath: 'articleId' });
    },
  });
  // A browser that refuses storage (private modes) must not break saving: memory takes over.
  shared = new FallbackJournalStorage(new IndexedDbJournalStorage(database), database);
  return shared;
}

/** IndexedDB, falling back to memory when it cannot be opened. */
class FallbackJournalStorage implements JournalStorage {
  private readonly memory = new MemoryJournalStorage();
  private usable: Promise<JournalStorage>;

  constructor(primary: JournalStorage, opened: Promise<unknown>) {
    this.usable = opened.then(() => primary, () => this.memory);
  }

  async get(articleId: string): Promise<JournalEntry | undefined> {
    return (await this.usable).get(articleId);
  }

  async put(entry: JournalEntry): Promise<void> {
    return (await this.usable).put(entry);
  }

  async delete(articleId: string): Promise<void> {
    return (await this.usable).delete(articleId);
  }
}
