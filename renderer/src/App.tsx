import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { demoArticleSource, type AnnotatorApi, type Preferences } from '../../common/api';
import { createApiClient, onFlushRequest, onMenuCommand } from './api/client';
import { ArticleEditor } from './editor/ArticleEditor';
import { LibraryView } from './library/LibraryView';
import { RegistryView } from './registry/RegistryView';
import { TrashView } from './library/TrashView';
import { droppedFiles, importFiles, type ImportOutcome, type ImportProgress } from './library/importFiles';
import { ImportStatus } from './library/ImportStatus';
import { PasteDialog } from './library/PasteDialog';
import { useWindowFileDrop } from './library/useWindowFileDrop';
import { PreferencesDialog } from './preferences/PreferencesDialog';
import { useDuplicateImports } from './library/DuplicateImportDialog';
import { AuditView } from './audit/AuditView';
import { BackupsDialog } from './backups/BackupsDialog';
import { RestoredBackupNotice } from './backups/RestoredBackupNotice';

import { navigate, onNavigate, useRoute, type Route } from './navigation/route';
import { preloadArticle } from './editor/articlePreload';
import { journalStorage } from './editor/indexedDbJournal';
import { EntityPageView } from './entity/EntityPageView';
import { provideEntityPageOpener } from './entity/EntityPageLink';
import { ReviewQueueView } from './review/ReviewQueueView';
// Figures checklist (issue 10).
import { FiguresView } from './figures/FiguresView';

// The header's views, in the order a desk works through them.
const headerViews: { name: Route['name']; label: string; route: Route }[] = [
  { name: 'library', label: 'Library', route: { name: 'library', selection: {}, view: {} } },
  { name: 'review', label: 'Review', route: { name: 'review', selection: {}, view: {} } },
  { name: 'figures', label: 'Figures', route: { name: 'figures', selection: {}, view: {} } },
  { name: 'audit', label: 'Sourcing', route: { name: 'audit', selection: {}, view: {} } },
  { name: 'registry', label: 'Registry', route: { name: 'registry' } },
  { name: 'trash', label: 'Trash', route: { name: 'trash' } },
];

/** The application shell: header, library or editor, import progress and the paste dialog. */
export function App() {
  const api = useMemo<AnnotatorApi>(() => createApiClient(), []);
  const screen = useRoute();
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const userName = preferences?.userName ?? '';
  const [libraryVersion, setLibraryVersion] = useState(0);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [pasting, setPasting] = useState(false);
  const [editingName, setEditingName] = useState(false);
  const [startupError, setStartupError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [showingBackups, setShowingBackups] = useState(false);
  // Saves the open editor's pending work; false when it could not, and the editor must then stay open.
  const flushRef = useRef<(() => Promise<boolean>) | null>(null);

  useEffect(() => {
    api
      .getPreferences({})
      .then(setPreferences)
      .catch((error: Error) => setStartupError(error.message));
    // A new user lands on the demo article so the tool shows what it does; later starts show the library.
    if (!sessionStorage.getItem('annotator.started') && !window.location.hash) {
      sessionStorage.setItem('annotator.started', '1');
      api
        .listArticles({})
        .then((articles) => {
          if (articles.length === 1 && articles[0]!.source === demoArticleSource) navigate({ name: 'editor', articleId: articles[0]!.id }, 'replace');
        })
        .catch(() => {});
    }
  }, [api]);

  // An article opened from any view is asked for before its screen is drawn. Not from the editor: the article
  // it leaves may still be saving, and its own reload must follow that save. The journal's database is opened
  // now rather than by the first editor: opening it takes longer than the host takes to send a short article.
  useEffect(
    () => {
      journalStorage();
      return onNavigate((to, from) => {
        if (to.name === 'editor' && from.name !== 'editor') preloadArticle(api, to.articleId);
      });
    },
    [api],
  );

  const registerFlush = useCallback((flush: (() => Promise<boolean>) | null) => {
    flushRef.current = flush;
  }, []);
  // Leaving the editor unmounts it; with a failed save that would throw the unsaved work away.
  const editorSaved = useCallback(async () => (await flushRef.current?.()) ?? true, []);

  // Leaving the editor unmounts it; its pending edits must reach the store first (registry merges and deletions
  // rewrite articles, and a failed save must keep the editor open rather than throw the work away).
  const go = useCallback(
    async (route: Route) => {
      if (!(await editorSaved())) return;
      navigate(route);
      if (route.name === 'library') setLibraryVersion((version) => version + 1);
    },
    [editorSaved],
  );
  const open = useCallback((articleId: string, focusAnnotationId?: string) => go({ name: 'editor', articleId, focusAnnotationId }), [go]);
  const openEntity = useCallback((entityId: string) => go({ name: 'entity', entityId }), [go]);
  useEffect(() => provideEntityPageOpener((entityId) => void openEntity(entityId)), [openEntity]);
  const showLibrary = useCallback(() => go({ name: 'library', selection: {}, view: {} }), [go]);
  const showRegistry = useCallback(() => go({ name: 'registry' }), [go]);

  const duplicates = useDuplicateImports({
    onOpen: (articleId) => void open(articleId),
    onCopyImported: (article, onlyOne) => {
      setLibraryVersion((version) => version + 1);
      if (onlyOne) void open(article.id);
    },
  });
  const offerDuplicates = duplicates.offer;

  const runImport = useCallback(
    async (files: File[]) => {
      const controller = new AbortController();
      abortRef.current = controller;
      setOutcome(null);
      const result = await importFiles(api, files, setProgress, controller.signal);
      abortRef.current = null;
      setProgress(null);
      setLibraryVersion((version) => version + 1);
      const warned = result.imported.some((article) => article.importWarnings?.length);
      offerDuplicates(result.duplicates);
      if (files.length === 1 && result.imported.length === 1 && !warned) await open(result.imported[0]!.id);
      // Duplicates alone are the dialog's to tell about; a summary would only say nothing was imported.
      else if (result.imported.length > 0 || result.failed.length > 0 || result.cancelled) setOutcome(result);
    },
    [api, open, offerDuplicates],
  );

  const importDrop = useCallback(
    async (dataTransfer: DataTransfer) => {
      const files = await droppedFiles(dataTransfer);
      if (files.length > 0) await runImport(files);
    },
    [runImport],
  );

  useEffect(
    () =>
      onFlushRequest(async () => {
        await flushRef.current?.();
      }),
    [],
  );
  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command.type === 'article-imported' && command.articleId) void open(command.articleId);
        else if (command.type === 'paste-article') setPasting(true);
        else if (command.type === 'show-library') void showLibrary();
        else if (command.type === 'show-registry') void showRegistry();
        else if (command.type === 'show-backups') setShowingBackups(true);
      }),
    [open, showLibrary, showRegistry],
  );

  useWindowFileDrop(importDrop);

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">Newsroom Annotator</span>
        <nav aria-label="Views">
          {headerViews.map((view) => (
            <button
              key={view.name}
              type="button"
              className={screen.name === view.name ? 'is-current' : ''}
              aria-current={screen.name === view.name ? 'page' : undefined}
              onClick={() => void go(view.route)}
            >
              {view.label}
            </button>
          ))}
        </nav>
        <span className="toolbar-gap" />
        <button type="button" className="user-name" title="Your name (recorded on every tag you make) and where tags are suggested. Click to change them." onClick={() => setEditingName(true)}>
          {userName || 'Set your name'}
        </button>
      </header>
      {startupError && (
        <p className="error" role="alert">
          Cannot reach the article store: {startupError}
        </p>
      )}
      <RestoredBackupNotice />
      <ImportStatus progress={progress} outcome={outcome} onCancel={() => abortRef.current?.abort()} onOpen={(id) => void open(id)} onDismiss={() => setOutcome(null)} />
      {screen.name === 'registry' && <RegistryView api={api} onOpenMention={(articleId, annotationId) => void open(articleId, annotationId)} />}
      {screen.name === 'entity' && <EntityPageView key={screen.entityId} api={api} entityId={screen.entityId} />}
      {screen.name === 'review' && <ReviewQueueView api={api} selection={screen.selection} view={screen.view} />}
      {screen.name === 'audit' && <AuditView api={api} selection={screen.selection} view={screen.view} />}
      {screen.name === 'figures' && <FiguresView api={api} selection={screen.selection} view={screen.view} onOpen={(articleId, annotationId) => void open(articleId, annotationId)} />}
      {screen.name === 'trash' && <TrashView api={api} onRestored={() => setLibraryVersion((version) => version + 1)} onShowBackups={() => setShowingBackups(true)} />}
      {screen.name === 'library' && (
        <LibraryView api={api} selection={screen.selection} view={screen.view} onOpen={(id) => void open(id)} onImportFiles={(files) => void runImport(files)} onPasteArticle={() => setPasting(true)} refreshKey={libraryVersion} />
      )}
      {screen.name === 'editor' && (
        <ArticleEditor
          key={`${screen.articleId}:${screen.focusAnnotationId ?? ''}`}
          api={api}
          articleId={screen.articleId}
          focusAnnotationId={screen.focusAnnotationId}
          userName={userName}
          onClose={() => void showLibrary()}
          onFilesDropped={(dataTransfer) => void importDrop(dataTransfer)}
          registerFlush={registerFlush}
        />
      )}
      {editingName && preferences && (
        <PreferencesDialog
          initial={preferences}
          onCancel={() => setEditingName(false)}
          onSave={async (chosen) => {
            setPreferences(await api.setPreferences(chosen));
            setEditingName(false);
          }}
        />
      )}
      {duplicates.dialog}
      {showingBackups && <BackupsDialog api={api} saveOpenWork={editorSaved} onClose={() => setShowingBackups(false)} />}
      {pasting && (
        <PasteDialog
          onCancel={() => setPasting(false)}
          onImport={async (text, title) => {
            const request = { text, title: title || undefined };
            const reply = await api.importText(request);
            setPasting(false);
            if (reply.outcome === 'imported') await open(reply.id);
            else offerDuplicates([{ what: 'The pasted text', existing: reply.existing, importCopy: () => api.importText({ ...request, onDuplicate: 'copy' }) }]);
          }}
        />
      )}
    </div>
  );
}
