import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { MemoryJournalStorage, journalEntryOf, type JournalEntry, type JournalStorage, type JournalWrite } from './unsavedJournal';

/**
 * An entry as stored: the document as one JSON string. IndexedDB copies what it stores with the structured clone
 * algorithm, which for the object tree of a 100,000-word document takes a hundred milliseconds and more of the
 * page's main thread, a stall the next key typed waits out; one string is copied in a few. Entries written by
 * earlier versions hold the document as objects (`doc`) and are read as they are.
 */
type StoredJournalEntry = JournalWrite | JournalEntry;

interface JournalDatabase extends DBSchema {
  unsaved: { key: string; value: StoredJournalEntry };
}

const databaseName = 'annotator-journal';

/** The journal's storage in the browser's IndexedDB, which outlives reloads, crashes and closed tabs. */
class IndexedDbJournalStorage implements JournalStorage {
  constructor(private readonly database: Promise<IDBPDatabase<JournalDatabase>>) {}

  async get(articleId: string): Promise<JournalEntry | undefined> {
    const stored = await (await this.database).get('unsaved', articleId);
    if (!stored || !('docJson' in stored)) return stored;
    return journalEntryOf(stored);
  }

  async put(entry: JournalWrite): Promise<void> {
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

  async put(entry: JournalWrite): Promise<void> {
    return (await this.usable).put(entry);
  }

  async delete(articleId: string): Promise<void> {
    return (await this.usable).delete(articleId);
  }
}
