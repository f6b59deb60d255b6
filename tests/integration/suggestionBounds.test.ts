import { afterAll, describe, expect, it } from 'vitest';
import { createSuggestionRunner } from '../../main/services/suggestionRunner';

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
    const cramped = createSuggestionRunner(undefined, undefined, { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 });
    try {
      await expect(cramped.suggest({ blocks: [sentence], registry: [], rejected: [] }, { kinds: ['entity'] })).rejects.toThrow('the text needs more memory than suggestions may use (16 MB)');
      expect(cramped.runningThreadId()).toBeNull();
    } finally {
      await cramped.close();
    }
    const result = await runner.suggest({ blocks: [sentence], registry: [], rejected: [] }, { kinds: ['entity'] });
    expect(result.entities.map((entity) => entity.text)).toContain('Anna Berg');
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
