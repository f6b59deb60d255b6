import type { AnnotatorApi, OpenedArticle } from '../../../common/api';

/**
 * Opening an article asks the host for it as soon as a view navigates to the editor, before React has drawn
 * the editor's screen, rather than from the editor's effect after that: on a long article the host's answer
 * then overlaps the drawing (some 25 ms sooner). One request is kept, for one article, and handed to the
 * editor that opens it within a moment; after that it is dropped, and the editor asks afresh.
 */
let preloaded: { api: AnnotatorApi; articleId: string; answer: Promise<OpenedArticle>; at: number } | null = null;

// Long enough for the editor's screen to be drawn, short enough that nothing saved meanwhile is missed.
const preloadLifetimeMs = 2_000;

/** Starts opening `articleId` now; the editor that opens it next takes the answer. */
export function preloadArticle(api: AnnotatorApi, articleId: string): void {
  const answer = api.openArticle({ id: articleId });
  // Failures are the editor's to show when it takes the answer; an answer never taken must not be reported.
  answer.catch(() => undefined);
  preloaded = { api, articleId, answer, at: performance.now() };
}

/** The article as `openArticle` answers it: the preloaded answer when it is for this article and fresh, else a new request. */
export function openedArticle(api: AnnotatorApi, articleId: string): Promise<OpenedArticle> {
  const taken = preloaded;
  preloaded = null;
  if (taken && taken.api === api && taken.articleId === articleId && performance.now() - taken.at < preloadLifetimeMs) return taken.answer;
  return api.openArticle({ id: articleId });
}
