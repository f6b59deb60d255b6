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
import { BackupsDialog } from './backups/BackupsDialog';
import { RestoredBackupNotice } from './backups/RestoredBackupNotice';

type Screen = { name: 'library' } | { name: 'registry' } | { name: 'trash' } | { name: 'editor'; articleId: string; focusAnnotationId?: string };

/** The application shell: header, library or editor, import progress and the paste dialog. */
export function App() {
  const api = useMemo<AnnotatorApi>(() => createApiClient(), []);
  const [screen, setScreen] = useState<Screen>({ name: 'library' });
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
    if (!sessionStorage.getItem('annotator.started')) {
      sessionStorage.setItem('annotator.started', '1');
      api
        .listArticles({})
        .then((articles) => {
          if (articles.length === 1 && articles[0]!.source === demoArticleSource) setScreen({ name: 'editor', articleId: articles[0]!.id });
        })
        .catch(() => {});
    }
  }, [api]);

  const registerFlush = useCallback((flush: (() => Promise<boolean>) | null) => {
    flushRef.current = flush;
  }, []);
  // Leaving the editor unmounts it; with a failed save that would throw the unsaved work away.
  const editorSaved = useCallback(async () => (await flushRef.current?.()) ?? true, []);

  const open = useCallback(async (articleId: string, focusAnnotationId?: string) => {
    if (!(await editorSaved())) return;
    setScreen({ name: 'editor', articleId, focusAnnotationId });
  }, [editorSaved]);

  const showRegistry = useCallback(async () => {
    // Registry changes (merges, deletions) rewrite articles: pending edits must reach the store first.
    if (!(await editorSaved())) return;
    setScreen({ name: 'registry' });
  }, [editorSaved]);

  const showTrash = useCallback(async () => {
    // Leaving the editor: its pending edits must land first.
    if (!(await editorSaved())) return;
    setScreen({ name: 'trash' });
  }, [editorSaved]);

  const showLibrary = useCallback(async () => {
    if (!(await editorSaved())) return;
    setScreen({ name: 'library' });
    setLibraryVersion((version) => version + 1);
  }, [editorSaved]);

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
          <button type="button" className={screen.name === 'library' ? 'is-current' : ''} aria-current={screen.name === 'library' ? 'page' : undefined} onClick={() => void showLibrary()}>
            Library
          </button>
          <button type="button" className={screen.name === 'registry' ? 'is-current' : ''} aria-current={screen.name === 'registry' ? 'page' : undefined} onClick={() => void showRegistry()}>
            Registry
          </button>
          <button type="button" className={screen.name === 'trash' ? 'is-current' : ''} aria-current={screen.name === 'trash' ? 'page' : undefined} onClick={() => void showTrash()}>
            Trash
          </button>
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
      {screen.name === 'trash' && <TrashView api={api} onRestored={() => setLibraryVersion((version) => version + 1)} onShowBackups={() => setShowingBackups(true)} />}
      {screen.name === 'library' && (
        <LibraryView api={api} onOpen={(id) => void open(id)} onImportFiles={(files) => void runImport(files)} onPasteArticle={() => setPasting(true)} refreshKey={libraryVersion} />
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
