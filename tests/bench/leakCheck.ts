/**
 * The bench's leak check: the renderer's JS heap (after a forced GC) before and after many keystrokes and
 * many tags added and removed on one open article, twice. The first round fills what an editor rightly keeps
 * (the undo history, up to its depth; the longer text); a leak grows again in the second.
 */
import type { Page } from 'playwright-core';
import { selectTextInEditor, waitForSaved } from '../support/browserSession';
import { heapAfterGarbageCollection, installKeyProbe, timeTyping, type EditorTarget } from './editorFigures';
import { megabytes } from './stats';

/** The heap before and after each round, and how many tags the page showed before and after (they should match). */
export interface LeakFigures {
  keys: number;
  tagsAddedAndRemoved: number;
  heapBeforeMB: number;
  heapAfterMB: number;
  heapAfterSecondRoundMB: number;
  tagsShownBefore: number;
  tagsShownAfter: number;
}

async function tagsShown(page: Page): Promise<number> {
  return page.evaluate(() => new Set([...document.querySelectorAll<HTMLElement>('.ProseMirror [data-ann-id]')].map((element) => element.dataset.annId)).size);
}

async function addAndRemoveTags(page: Page, word: string, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    await selectTextInEditor(page, word, index);
    await page.keyboard.press('Alt+Shift+P');
    await page.waitForTimeout(50);
    await page.keyboard.press('Alt+Shift+Backspace');
    await page.waitForTimeout(50);
  }
}

// One round: `keys` keys typed, `tags` tags added and removed, saved; the heap after it.
async function leakRound(page: Page, target: EditorTarget, keys: number, tags: number): Promise<number> {
  await timeTyping(page, target.typeAfter, keys, 0);
  await addAndRemoveTags(page, 'corridor', tags);
  await waitForSaved(page);
  await page.waitForTimeout(500);
  return heapAfterGarbageCollection(page);
}

/** Opens the target, warms up, then reads the heap before and after each of two rounds of typing and tagging. */
export async function measureLeak(page: Page, target: EditorTarget, keys: number, tags: number): Promise<LeakFigures> {
  await target.open(page);
  await installKeyProbe(page);
  // A warm-up, so first-use allocations (compiled code, caches) are not counted as growth.
  await timeTyping(page, target.typeAfter, 20, 0);
  await addAndRemoveTags(page, 'corridor', 5);
  await waitForSaved(page);
  const tagsShownBefore = await tagsShown(page);
  const heapBefore = await heapAfterGarbageCollection(page);
  const heapAfter = await leakRound(page, target, keys, tags);
  const heapAfterSecondRound = await leakRound(page, target, keys, tags);
  return {
    keys,
    tagsAddedAndRemoved: tags,
    heapBeforeMB: megabytes(heapBefore),
    heapAfterMB: megabytes(heapAfter),
    heapAfterSecondRoundMB: megabytes(heapAfterSecondRound),
    tagsShownBefore,
    tagsShownAfter: await tagsShown(page),
  };
}
