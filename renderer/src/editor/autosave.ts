import type { SaveResult } from '../../../common/api';

/** What the save indicator shows. */
export type SaveStatus =
  | { state: 'saved'; at: string }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'failed'; message: string; retryInMs: number | null; conflict: boolean };

export interface AutosaveOptions {
  save: (doc: unknown, baseRevision: number) => Promise<SaveResult>;
  onStatus: (status: SaveStatus) => void;
  onSaved?: (result: SaveResult) => void;
  revision: number;
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
  // Builds the document JSON to save; serialising is left until the save itself, not done per keystroke.
  private pending: (() => unknown) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: AutosaveOptions) {
    this.revision = options.revision;
  }

  /** Records that the document changed; a save follows after a short quiet time. */
  schedule(snapshot: () => unknown): void {
    this.pending = snapshot;
    this.options.onStatus({ state: 'pending' });
    this.arm(this.options.debounceMs ?? 400);
  }

  /** Whether a change has not reached the store yet. */
  hasUnsavedChanges(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  /** Saves now whatever is pending and resolves when the store has it (or the save failed). */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (this.pending) await this.saveNow();
  }

  /** Replaces the stored copy even though it changed elsewhere, taking its revision first. */
  async overwrite(currentRevision: number): Promise<void> {
    this.revision = currentRevision;
    this.failures = 0;
    await this.flush();
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
        const result = await this.options.save(snapshot(), this.revision);
        this.revision = result.revision;
        this.failures = 0;
        this.options.onSaved?.(result);
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
