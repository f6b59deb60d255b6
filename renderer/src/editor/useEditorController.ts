import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AnnotatorApi } from '../../../common/api';
import { editorArticleOf, type EditorArticle } from './editorArticle';
import { openedArticle } from './articlePreload';
import { EditorController, type EditorScreenSnapshot } from './editorController';
import { journalStorage } from './indexedDbJournal';
import { replayDecision, sameArticleDocument, type JournalEntry } from './unsavedJournal';

/** Unsaved work from last time that was built on an older revision than the store's: the editor chooses. */
export interface JournalConflict {
  storedRevision: number;
  journalledAt: string;
  baseRevision: number;
  // Opens the journalled work and saves it on top of the stored revision, which stays in the history.
  keepMine: () => void;
  // Drops the journalled work and opens the stored article.
  keepTheirs: () => void;
}

interface EditorControllerSetup {
  api: AnnotatorApi;
  articleId: string;
  userName: string;
  // A tag to select and scroll to once the article is open.
  focusAnnotationId?: string;
  onFilesDropped: (dataTransfer: DataTransfer) => void;
  // Lets the app flush this editor's pending save before it closes or switches views.
  registerFlush: (flush: (() => Promise<boolean>) | null) => void;
  // A new value opens the article afresh from the store (after a restore).
  openCount?: number;
}

/**
 * Opens an article in a new controller, paints it into the returned ref's element, and takes both down when
 * the article closes: the view's lifecycle, as React sees it.
 */
export function useEditorController({ api, articleId, userName, focusAnnotationId, onFilesDropped, registerFlush, openCount = 0 }: EditorControllerSetup) {
  const mountRef = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<EditorController | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [journalConflict, setJournalConflict] = useState<JournalConflict | null>(null);
  // Read through refs so that new callbacks or a name set later never reopen the article.
  const filesDropped = useRef(onFilesDropped);
  filesDropped.current = onFilesDropped;
  const userNameRef = useRef(userName);
  userNameRef.current = userName;

  useEffect(() => {
    let cancelled = false;
    let opened: EditorController | null = null;
    setController(null);
    setLoadError(null);
    const journal = journalStorage();
    const open = (article: EditorArticle, replay?: JournalEntry) => {
      if (cancelled || !mountRef.current) return;
      opened = new EditorController({ api, article, userName: userNameRef.current, journal, replay });
      opened.mount(mountRef.current, (dataTransfer) => filesDropped.current(dataTransfer));
      registerFlush(opened.flushBeforeLeaving);
      setController(opened);
      if (focusAnnotationId) opened.select(focusAnnotationId, true);
      void opened.suggestions.suggestOnOpen();
    };
    setJournalConflict(null);
    Promise.all([openedArticle(api, articleId), journal.get(articleId).catch(() => undefined)])
      .then(async ([answer, entry]) => {
        if (cancelled) return;
        const article = editorArticleOf(answer);
        const decision = replayDecision(entry, article, sameArticleDocument);
        if (decision.kind === 'none') open(article);
        else if (decision.kind === 'alreadySaved') {
          await journal.delete(articleId);
          open(article);
        } else if (decision.kind === 'apply') open(article, decision.entry);
        else
          setJournalConflict({
            storedRevision: decision.storedRevision,
            baseRevision: decision.entry.baseRevision,
            journalledAt: decision.entry.writtenAt,
            keepMine: () => {
              setJournalConflict(null);
              open(article, decision.entry);
            },
            keepTheirs: () => {
              setJournalConflict(null);
              void journal.delete(articleId).then(() => open(article));
            },
          });
      })
      .catch((error: Error) => {
        if (!cancelled) setLoadError(error.message);
      });
    return () => {
      cancelled = true;
      registerFlush(null);
      opened?.destroy();
    };
  }, [api, articleId, focusAnnotationId, registerFlush, openCount]);

  useEffect(() => controller?.setUserName(userName), [controller, userName]);
  useFlushOnPageLeave(controller);
  return { controller, loadError, journalConflict, mountRef };
}

const noSubscription = () => () => {};
const noSnapshot = () => null;

/** The controller's latest snapshot, re-rendering once per change; null until an article is open. */
export function useEditorSnapshot(controller: EditorController | null): EditorScreenSnapshot | null {
  return useSyncExternalStore(controller?.subscribe ?? noSubscription, controller?.getSnapshot ?? noSnapshot);
}

/** Saves at once when the page is hidden or left, and warns before leaving with a save in flight. */
function useFlushOnPageLeave(controller: EditorController | null): void {
  useEffect(() => {
    if (!controller) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!controller.hasUnsavedChanges()) return;
      void controller.flushJournal();
      void controller.flush();
      event.preventDefault();
    };
    const flushNow = () => {
      void controller.flushJournal();
      void controller.flush();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [controller]);
}
