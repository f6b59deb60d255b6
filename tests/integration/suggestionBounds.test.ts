import { afterAll, describe, expect, it } from 'vitest';
import { createSuggestionRunner, suggestionWorkerLimits } from '../../main/services/suggestionRunner';

/**
 * The suggestion worker is bounded in time (and, by its resource limits, in memory): a request past its time
 * stops the worker and is refused with a reason, and the next request gets a fresh worker and its answer.
 */

const runner = createSuggestionRunner();
afterAll(() => runner.close());

const sentence = { text: 'Mayor Anna Berg said the council would meet in Millbrook on Monday.', type: 'paragraph' as const };

describe('the suggestion worker', () => {
  it('stops a request that takes longer than its limit, then answers the next one', async () => {
    const blocks = Array.from({ length: 20_000 }, (_, index) => ({ text: `Line ${index}: Anna Berg told Reuters that 40 people left.`, type: 'paragraph' as const }));
    const started = performance.now();
    await expect(runner.suggest({ blocks, registry: [], rejected: [] }, { kinds: ['entity', 'figure', 'attribution'] }, 300)).rejects.toThrow(/took longer than .* and were stopped/);
    expect(performance.now() - started).toBeLessThan(10_000);
    const result = await runner.suggest({ blocks: [sentence], registry: [], rejected: [] }, { kinds: ['entity'] });
    expect(result.entities.map((entity) => entity.text)).toContain('Anna Berg');
  });

  it('refuses a request whose worker runs out of its memory, saying so, and answers the next one', async () => {
    // A heap too small for the language model: the worker is stopped by V8 as it loads it.
    const cramped = createSuggestionRunner(undefined, undefined, { ...suggestionWorkerLimits, maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 });
    try {
      await expect(cramped.suggest({ blocks: [sentence], registry: [], rejected: [] }, { kinds: ['entity'] })).rejects.toThrow('the text needs more memory than suggestions may use (16 MB)');
      expect(cramped.runningThreadId()).toBeNull();
    } finally {
      await cramped.close();
    }
    const result = await runner.suggest({ blocks: [sentence], registry: [], rejected: [] }, { kinds: ['entity'] });
    expect(result.entities.map((entity) => entity.text)).toContain('Anna Berg');
  });

  it('waits while paused (the editor typing), answers the same once the pauses stop, and does not count the wait against its time', async () => {
    const input = { blocks: Array.from({ length: 400 }, (_, index) => ({ text: `Line ${index}: Anna Berg told Reuters that 40 people left.`, type: 'paragraph' as const })), registry: [], rejected: [] };
    const straightStarted = performance.now();
    const straight = await runner.suggest(input);
    const straightMs = performance.now() - straightStarted;
    // Paused before it starts and again every 100 ms for two seconds, as keys would: it cannot answer before then,
    // and its one-second limit does not stop it.
    runner.pause(300);
    const pausing = setInterval(() => runner.pause(300), 100);
    setTimeout(() => clearInterval(pausing), 2_000);
    const pausedStarted = performance.now();
    const paused = await runner.suggest(input, {}, 1_000);
    const pausedMs = performance.now() - pausedStarted;
    clearInterval(pausing);
    expect(straightMs).toBeLessThan(1_000);
    expect(pausedMs).toBeGreaterThanOrEqual(2_000);
    expect(paused).toEqual(straight);
  });

  it('waits no longer in all than its bound, then computes through the pauses', async () => {
    const impatient = createSuggestionRunner(undefined, undefined, { ...suggestionWorkerLimits, maxPauseMs: 500 });
    const pausing = setInterval(() => impatient.pause(300), 100);
    try {
      impatient.pause(300);
      const started = performance.now();
      const result = await impatient.suggest({ blocks: [sentence], registry: [], rejected: [] }, { kinds: ['entity'] });
      expect(result.entities.map((entity) => entity.text)).toContain('Anna Berg');
      // Half a second of waiting, then the answer, while the pauses go on.
      expect(performance.now() - started).toBeGreaterThanOrEqual(500);
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      clearInterval(pausing);
      await impatient.close();
    }
  });

  it('keeps the worker through a short pause after a large request, then ends it once idle long enough', async () => {
    const idleRunner = createSuggestionRunner(undefined, { largeRequestCharacters: 1_000, idleMsAfterLargeRequest: 1_500 });
    try {
      const large = { blocks: Array.from({ length: 40 }, () => sentence), registry: [], rejected: [] };
      await idleRunner.suggest(large, { kinds: ['entity'] });
      const first = idleRunner.runningThreadId();
      expect(first).not.toBeNull();
      // Asked again within the pause: answered by the same worker, its model already loaded.
      const again = await idleRunner.suggest(large, { kinds: ['entity'] });
      expect(again.entities.map((entity) => entity.text)).toContain('Anna Berg');
      expect(idleRunner.runningThreadId()).toBe(first);
      // A small request after the large one does not let the worker keep what the large one grew.
      await idleRunner.suggest({ blocks: [sentence], registry: [], rejected: [] }, { kinds: ['entity'] });
      expect(idleRunner.runningThreadId()).toBe(first);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(idleRunner.runningThreadId()).toBeNull();
      // A small request afterwards starts a new worker, which stays: small requests leave little behind.
      await idleRunner.suggest({ blocks: [sentence], registry: [], rejected: [] }, { kinds: ['entity'] });
      const small = idleRunner.runningThreadId();
      expect(small).not.toBeNull();
      expect(small).not.toBe(first);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(idleRunner.runningThreadId()).toBe(small);
    } finally {
      await idleRunner.close();
    }
  });
  it('gives back a worker that answered a large request when asked (as an import does before storing), and keeps one that did not', async () => {
    const releasing = createSuggestionRunner(undefined, { largeRequestCharacters: 1_000, idleMsAfterLargeRequest: 60_000 });
    try {
      await releasing.suggest({ blocks: [sentence], registry: [], rejected: [] }, { kinds: ['entity'] });
      const small = releasing.runningThreadId();
      await releasing.releaseAfterLargeRequest();
      expect(releasing.runningThreadId()).toBe(small);
      const result = await releasing.suggest({ blocks: Array.from({ length: 40 }, () => sentence), registry: [], rejected: [] }, { kinds: ['entity'] });
      expect(result.entities.map((entity) => entity.text)).toContain('Anna Berg');
      expect(releasing.runningThreadId()).toBe(small);
      await releasing.releaseAfterLargeRequest();
      expect(releasing.runningThreadId()).toBeNull();
      // The next request starts a new worker and is answered as before.
      const again = await releasing.suggest({ blocks: [sentence], registry: [], rejected: [] }, { kinds: ['entity'] });
      expect(again.entities.map((entity) => entity.text)).toContain('Anna Berg');
      expect(releasing.runningThreadId()).not.toBeNull();
      expect(releasing.runningThreadId()).not.toBe(small);
    } finally {
      await releasing.close();
    }
  });
});
