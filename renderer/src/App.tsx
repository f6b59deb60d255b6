import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { demoArticleSource, type AnnotatorApi } from '../../common/api';
import { createApiClient, onFlushRequest, onMenuCommand } from './api/client';
import { ArticleEditor } from './editor/ArticleEditor';
import { LibraryView } from './library/LibraryView';
import { RegistryView } from './registry/RegistryView';
import { droppedFiles, importFiles, type ImportOutcome, type ImportProgress } from './library/importFiles';
import { CancelAndConfirm, Dialog } from './ui/ConfirmDialog';
import { useDuplicateImports } from './library/DuplicateImportDialog';

type Screen = { name: 'library' } | { name: 'registry' } | { name: 'editor'; articleId: string; focusAnnotationId?: string };

/** The application shell: header, library or editor, import progress and the paste dialog. */
export function App() {
  const api = useMemo<AnnotatorApi>(() => createApiClient(), []);
  const [screen, setScreen] = useState<Screen>({ name: 'library' });
  const [userName, setUserName] = useState('');
  const [libraryVersion, setLibraryVersion] = useState(0);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [pasting, setPasting] = useState(false);
  const [editingName, setEditingName] = useState(false);
  const [startupError, setStartupError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  // Saves the open editor's pending work; false when it could not, and the editor must then stay open.
  const flushRef = useRef<(() => Promise<boolean>) | null>(null);

  useEffect(() => {
    api
      .getPreferences({})
      .then((preferences) => setUserName(preferences.userName))
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
      }),
    [open, showLibrary, showRegistry],
  );

  // Files dropped anywhere on the window are imported, never opened as a page.
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      // A drop on the editor was already taken by it (and prevented); import it once.
      if (event.defaultPrevented || !event.dataTransfer || event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      void importDrop(event.dataTransfer);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [importDrop]);

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
        </nav>
        <span className="toolbar-gap" />
        <button type="button" className="user-name" title="Your name is recorded on every tag you make. Click to change it." onClick={() => setEditingName(true)}>
          {userName || 'Set your name'}
        </button>
      </header>
      {startupError && (
        <p className="error" role="alert">
          Cannot reach the article store: {startupError}
        </p>
      )}
      {progress && (
        <div className="progress" role="status" aria-label="Import progress">
          <span>
            Importing {Math.min(progress.done + 1, progress.total)} of {progress.total}: {progress.current}
          </span>
          <progress max={progress.total} value={progress.done} />
          <button type="button" onClick={() => abortRef.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      {outcome && (
        <div className={`import-summary ${outcome.failed.length ? 'has-failures' : ''}`} role="status">
          <p>
            Imported {outcome.imported.length} {outcome.imported.length === 1 ? 'article' : 'articles'}
            {outcome.duplicates.length > 0 && `; ${outcome.duplicates.length} already in the library`}
            {outcome.failed.length > 0 && `; ${outcome.failed.length} failed`}
            {outcome.cancelled && '; the rest were cancelled'}.
          </p>
          {outcome.imported.some((article) => article.importWarnings?.length) && (
            <ul>
              {outcome.imported
                .filter((article) => article.importWarnings?.length)
                .map((article) => (
                  <li key={article.id}>
                    <button type="button" className="link-button" onClick={() => void open(article.id)}>
                      {article.title}
                    </button>
                    : {article.importWarnings!.join(' ')}
                  </li>
                ))}
            </ul>
          )}
          {outcome.failed.length > 0 && (
            <ul>
              {outcome.failed.map((failure) => (
                <li key={failure.fileName}>
                  <strong>{failure.fileName}</strong>: {failure.message}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="link-button" onClick={() => setOutcome(null)}>
            Dismiss
          </button>
        </div>
      )}
      {screen.name === 'registry' && <RegistryView api={api} onOpenMention={(articleId, annotationId) => void open(articleId, annotationId)} />}
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
      {editingName && (
        <UserNameDialog
          initial={userName}
          onCancel={() => setEditingName(false)}
          onSave={async (name) => {
            const preferences = await api.setPreferences({ userName: name });
            setUserName(preferences.userName);
            setEditingName(false);
          }}
        />
      )}
      {duplicates.dialog}
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

function PasteDialog({ onCancel, onImport }: { onCancel: () => void; onImport: (text: string, title: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await onImport(text, title);
    } catch (importError) {
      setError((importError as Error).message);
    }
  };
  return (
    <Dialog
      title="Paste an article"
      onClose={onCancel}
      actions={<CancelAndConfirm onCancel={onCancel} confirmLabel="Create article" onConfirm={() => void submit()} disabled={text.trim() === ''} />}
    >
      <label className="field">
        <span className="field-label">Title (optional: proposed from the text)</span>
        <input type="text" aria-label="Title" value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Article text</span>
        <textarea aria-label="Article text" rows={14} value={text} autoFocus onChange={(event) => setText(event.target.value)} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

function UserNameDialog({ initial, onCancel, onSave }: { initial: string; onCancel: () => void; onSave: (name: string) => Promise<void> }) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = () => onSave(name.trim()).catch((saveError: Error) => setError(saveError.message));
  return (
    <Dialog
      title="Your name"
      onClose={onCancel}
      actions={<CancelAndConfirm onCancel={onCancel} confirmLabel="Save" onConfirm={() => void save()} disabled={name.trim() === ''} />}
    >
      <label className="field">
        <span className="field-label">Recorded as the author of the tags you make from now on</span>
        <input
          type="text"
          aria-label="Your name"
          value={name}
          autoFocus
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && name.trim()) void save();
          }}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
