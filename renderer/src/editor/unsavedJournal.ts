import { Node, type Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema } from '../../../common/schema';
import { documentFromPacked, packedDocumentOf } from '../../../common/packedDocument';

/**
 * The journal of unsaved work: every change the store has not acknowledged is also kept in the renderer's own
 * storage, so that a reload, a crash of the host or a closed tab never loses it. The logic here is plain
 * TypeScript over a tiny storage interface; `indexedDbJournal.ts` is the storage the app uses.
 */

/** One article's unacknowledged work: its whole document and the stored revision that document was built on. */
export interface JournalEntry {
  articleId: string;
  baseRevision: number;
  // The article document JSON, as `saveArticle` accepts it whole.
  doc: unknown;
  writtenAt: string;
}

/**
 * An entry as it is written: the document as JSON text. Text is what the journal is given (built from cached
 * block texts, see documentJsonText.ts) and what storage copies cheaply; it is parsed only when read back.
 */
export type JournalWrite = Omit<JournalEntry, 'doc'> & { docJson: string };

/** Where journal entries live: one entry per article, replaced whole. */
export interface JournalStorage {
  get(articleId: string): Promise<JournalEntry | undefined>;
  put(entry: JournalWrite): Promise<void>;
  delete(articleId: string): Promise<void>;
}

/** A journalled document (JSON as written) read back; throws when it does not fit the schema. */
export function journalledDocument(doc: unknown): ProseMirrorNode {
  return Node.fromJSON(articleSchema, doc);
}

/** The entry a written one reads back as. */
export function journalEntryOf({ docJson, ...entry }: JournalWrite): JournalEntry {
  return { ...entry, doc: JSON.parse(docJson) as unknown };
}

/** What opening an article does with a journal entry found for it. */
export type ReplayDecision =
  | { kind: 'none' }
  // The entry was built on the stored revision: open with the journalled document and save it.
  | { kind: 'apply'; entry: JournalEntry }
  // The store already holds the journalled document (its save landed, its acknowledgement did not).
  | { kind: 'alreadySaved'; entry: JournalEntry }
  // The store moved on since the entry's base: the editor chooses, nothing is dropped or applied blindly.
  | { kind: 'conflict'; entry: JournalEntry; storedRevision: number };

/**
 * Decides how to replay `entry` over the stored article. `sameDocument` compares the journalled document with
 * the stored one, so that a save whose acknowledgement was lost is not offered as a conflict.
 */
export function replayDecision(
  entry: JournalEntry | undefined,
  stored: { revision: number; doc: ProseMirrorNode },
  sameDocument: (journalled: unknown, stored: ProseMirrorNode) => boolean,
): ReplayDecision {
  if (!entry) return { kind: 'none' };
  if (sameDocument(entry.doc, stored.doc)) return { kind: 'alreadySaved', entry };
  if (entry.baseRevision === stored.revision) return { kind: 'apply', entry };
  return { kind: 'conflict', entry, storedRevision: stored.revision };
}

/**
 * Whether a journalled document (JSON) holds the same text and tags as the stored one (attribute order aside).
 * The stored document was built from its packed form, whose marks come in one order; the journalled one goes
 * through the same form, so the order the editor added tags in does not count.
 */
export function sameArticleDocument(journalled: unknown, stored: ProseMirrorNode): boolean {
  try {
    return documentFromPacked(packedDocumentOf(journalledDocument(journalled))).eq(stored);
  } catch {
    return false;
  }
}

/** A storage in memory: for tests, and for browsers whose storage is disabled (the journal then lasts a page). */
export class MemoryJournalStorage implements JournalStorage {
  private readonly entries = new Map<string, JournalWrite>();

  async get(articleId: string): Promise<JournalEntry | undefined> {
    const written = this.entries.get(articleId);
    return written && journalEntryOf(written);
  }

  async put(entry: JournalWrite): Promise<void> {
    this.entries.set(entry.articleId, entry);
  }

  async delete(articleId: string): Promise<void> {
    this.entries.delete(articleId);
  }
}

/** What the journal of one open article needs. */
export interface ArticleJournalOptions {
  storage: JournalStorage;
  articleId: string;
  // Quiet time after the last change before the entry is written; short, since a crash can come any moment.
  debounceMs?: number;
  now?: () => string;
}

/**
 * The journal of one open article. `changed` is called on every edit with the document's JSON text (built lazily) and
 * the revision it stands on; `acknowledged` when a save lands. Writes are serialised, so a delete never
 * overtakes the put before it.
 */
export class ArticleJournal {
  private latest: { docJson: () => string; baseRevision: number } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: ArticleJournalOptions) {}

  /** Records that the document changed (its JSON text, built when written); the entry is written after a short quiet time. */
  changed(docJson: () => string, baseRevision: number): void {
    this.latest = { docJson, baseRevision };
    this.arm();
  }

  /**
   * Records that the store acknowledged a save at `revision`. With no newer change waiting the entry goes;
   * otherwise the newer document stays journalled, now on top of `revision`.
   */
  acknowledged(revision: number, newerChangesPending: boolean): void {
    if (!newerChangesPending || !this.latest) {
      this.latest = null;
      this.clearTimer();
      this.enqueue(() => this.options.storage.delete(this.options.articleId));
      return;
    }
    this.latest = { ...this.latest, baseRevision: revision };
    this.arm();
  }

  /** Writes the pending entry now (when the page is being left) and resolves once every write is done. */
  async flush(): Promise<void> {
    if (this.timer) {
      this.clearTimer();
      this.writeLatest();
    }
    await this.queue;
  }

  private arm(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writeLatest();
    }, this.options.debounceMs ?? 150);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private writeLatest(): void {
    const latest = this.latest;
    if (!latest) return;
    const entry: JournalWrite = {
      articleId: this.options.articleId,
      baseRevision: latest.baseRevision,
      docJson: latest.docJson(),
      writtenAt: (this.options.now ?? (() => new Date().toISOString()))(),
    };
    this.enqueue(() => this.options.storage.put(entry));
  }

  private enqueue(write: () => Promise<void>): void {
    // A failed write (storage full or disabled) must not stop later ones; the autosave still holds the work.
    this.queue = this.queue.then(write).catch(() => undefined);
  }
}
