import type { SaveResult } from '../../../common/api';
import type { AnnotationMap } from '../../../common/model/annotation';
import { documentPatchSince, type DocumentPatch, type SavedDocument } from '../../../common/documentPatch';
import type { Node as ProseMirrorNode } from 'prosemirror-model';

/** What one save sends: the whole document the first time, then only what changed since the last save. */
export type SavePayload = { doc: unknown } | { patch: DocumentPatch };

/** The editor's content at one moment: its document and its annotation records. */
export interface EditorSnapshot {
  doc: ProseMirrorNode;
  records: AnnotationMap;
  // The stored form of the whole document, built only when a whole document has to be sent.
  fullJson: () => unknown;
}

/** What the save indicator shows. */
export type SaveStatus =
  | { state: 'saved'; at: string }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'failed'; message: string; retryInMs: number | null; conflict: boolean };

export interface AutosaveOptions {
  save: (payload: SavePayload, baseRevision: number) => Promise<SaveResult>;
  onStatus: (status: SaveStatus) => void;
  // `newerPending` says an edit made during the save still waits for the next one.
  onSaved?: (result: SaveResult, newerPending: boolean) => void;
  revision: number;
  // The document as opened, which the store holds: the first save is already a patch against it.
  opened: SavedDocument;
  // Quiet time after the last edit before saving; well under the one-second promise.
  debounceMs?: number;
}

const retryDelaysMs = [1000, 2000, 5000, 10_000, 15_000];

/**
 * Saves the newest document shortly after each change, one save at a time. A failed save keeps the
 * document here and retries with growing delays; nothing is dropped until the store has it.
 */
export class AutosaveController {
  private revision: number;
  private pending: EditorSnapshot | null = null;
  // What the store holds, as this editor last saved it; null until the first save, or after a conflict.
  private saved: SavedDocument | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: AutosaveOptions) {
    this.revision = options.revision;
    this.saved = options.opened;
  }

  /** Records that the document changed; a save follows after a short quiet time. */
  schedule(snapshot: EditorSnapshot): void {
    this.pending = snapshot;
    this.options.onStatus({ state: 'pending' });
    this.arm(this.options.debounceMs ?? 400);
  }

  /** Whether a change has not reached the store yet. */
  hasUnsavedChanges(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  /**
   * Saves now whatever is pending and resolves when the store has it (true) or the save failed (false), so
   * that a caller about to close the editor can keep it open rather than lose the work.
   */
  async flush(): Promise<boolean> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (this.pending) await this.saveNow();
    return !this.hasUnsavedChanges();
  }

  /** Replaces the stored copy even though it changed elsewhere, taking its revision first. */
  async overwrite(currentRevision: number): Promise<boolean> {
    this.revision = currentRevision;
    // The stored copy is someone else's now: send the whole document, not a patch against ours.
    this.saved = null;
    this.failures = 0;
    return this.flush();
  }

  /** Stops timers; pending work should be flushed first. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private arm(delayMs: number): void {
    this.clearTimer();
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveNow();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async saveNow(): Promise<void> {
    if (this.inFlight) {
      await this.inFlight;
      if (!this.pending) return;
    }
    const snapshot = this.pending;
    if (!snapshot) return;
    this.pending = null;
    this.options.onStatus({ state: 'saving' });
    const attempt = (async () => {
      try {
        const payload: SavePayload = this.saved ? { patch: documentPatchSince(this.saved, snapshot.doc, snapshot.records) } : { doc: snapshot.fullJson() };
        const result = await this.options.save(payload, this.revision);
        this.revision = result.revision;
        this.saved = { doc: snapshot.doc, records: snapshot.records };
        this.failures = 0;
        this.options.onSaved?.(result, this.pending !== null);
        if (!this.pending) this.options.onStatus({ state: 'saved', at: result.updatedAt });
      } catch (error) {
        // Keep the newest document: an edit made during the failed save is newer than `snapshot`.
        this.pending = this.pending ?? snapshot;
        const conflict = (error as { code?: string }).code === 'conflict';
        const retryInMs = conflict ? null : retryDelaysMs[Math.min(this.failures, retryDelaysMs.length - 1)]!;
        this.failures += 1;
        this.options.onStatus({ state: 'failed', message: (error as Error).message, retryInMs, conflict });
        if (retryInMs !== null) this.arm(retryInMs);
      }
    })();
    this.inFlight = attempt;
    try {
      await attempt;
    } finally {
      this.inFlight = null;
    }
    if (this.pending && !this.timer && this.failures === 0) this.arm(0);
  }
}
