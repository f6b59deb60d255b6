/**
 * Run in the page (through `page.evaluate`): clicks an article's link in the library and resolves with the
 * milliseconds from the click to the end of the first frame that paints the article's text. The floor page's
 * open ends the same way (tests/bench/floor/floorPage.ts): a frame callback, then a task after its paint.
 * Callers collect the page's garbage first, on both pages alike, so that what the page did before (another
 * 100,000-word document, thousands of keys) is not collected in the middle of the open being timed.
 */
export function clickOpenAndTimeToPaint(articleId: string): Promise<number> {
  const start = performance.now();
  document.querySelector<HTMLButtonElement>(`tr[data-article-id="${articleId}"] .article-link`)!.click();
  return new Promise<number>((resolve) => {
    // Frame callbacks run before the frame's paint; a task queued from one runs after it.
    const check = () => {
      if (document.querySelector('.ProseMirror p')) setTimeout(() => resolve(performance.now() - start), 0);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}
