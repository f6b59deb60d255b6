import { useCallback, useEffect, useRef, useState } from 'react';
import { articleStatusLabels, articleStatuses, type AnnotatorApi, type ArticleStatus, type ArticleSummary } from '../../../common/api';
import { CancelAndConfirm, ConfirmDeleteDialog, Dialog } from '../ui/ConfirmDialog';
import { ExportControls, exportArticles, type ExportProgress } from '../exports/ExportControls';
import { importAccept } from './importFiles';
import { ArticleOriginCells, CopyMarker } from './ArticleOriginCells';
import { FilterSelect } from '../ui/FilterSelect';
import type { ExportFormatName } from '../../../common/api';

interface LibraryViewProps {
  api: AnnotatorApi;
  onOpen: (articleId: string) => void;
  onImportFiles: (files: File[]) => void;
  onPasteArticle: () => void;
  // Bumped by the app when articles were added elsewhere (an import, the menu), to reload the list.
  refreshKey: number;
}

/** The library: every article with its status and tag counts; open, rename, delete, import. */
export function LibraryView({ api, onOpen, onImportFiles, onPasteArticle, refreshKey }: LibraryViewProps) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [statusFilter, setStatusFilter] = useState<ArticleStatus | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<ArticleSummary | null>(null);
  const [deleting, setDeleting] = useState<ArticleSummary | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [exportProgress, setExportProgress] = useState<ExportProgress | null>(null);
  const exportAbort = useRef<AbortController | null>(null);

  const runExport = async (format: ExportFormatName) => {
    const ids = chosen.size > 0 ? [...chosen] : (articles ?? []).map((article) => article.id);
    if (ids.length === 0) return;
    const controller = new AbortController();
    exportAbort.current = controller;
    setExportProgress({ done: 0, total: ids.length, failures: [], warnings: [], finished: false, cancelled: false });
    await exportArticles(api, ids, format, setExportProgress, controller.signal);
    exportAbort.current = null;
  };
  const titleOf = (id: string) => articles?.find((article) => article.id === id)?.title ?? id;

  const load = useCallback(async () => {
    try {
      setArticles(await api.listArticles({ query: query || undefined, status: statusFilter || undefined }));
      setError(null);
    } catch (loadError) {
      setError((loadError as Error).message);
    }
  }, [api, query, statusFilter]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const rename = async (title: string) => {
    if (!renaming) return;
    try {
      await api.renameArticle({ id: renaming.id, title });
      setRenaming(null);
      await load();
    } catch (renameError) {
      setError((renameError as Error).message);
    }
  };

  const remove = async () => {
    if (!deleting) return;
    try {
      await api.deleteArticle({ id: deleting.id });
      // A deleted article left among the chosen ones would make the next export fail for it.
      setChosen((previous) => new Set([...previous].filter((id) => id !== deleting.id)));
      setDeleting(null);
      await load();
    } catch (deleteError) {
      setError((deleteError as Error).message);
    }
  };

  return (
    <section className="library" aria-label="Library">
      <div className="library-actions">
        <input
          type="search"
          aria-label="Search articles"
          placeholder="Search titles and text"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <FilterSelect label="Filter by status" allLabel="All statuses" value={statusFilter} options={articleStatuses} optionLabel={(status) => articleStatusLabels[status]} onChange={setStatusFilter} />
        <span className="toolbar-gap" />
        <button type="button" onClick={() => fileInput.current?.click()} title="Import .txt, .md, .html, .docx, NITF or JSON files (or drop them on the window)">
          Import files…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          aria-label="Files to import"
          accept={importAccept}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) onImportFiles(files);
          }}
        />
        <button type="button" onClick={onPasteArticle}>
          Paste article…
        </button>
        <ExportControls label={chosen.size > 0 ? `Export ${chosen.size} selected` : 'Export all'} disabled={!articles?.length || (exportProgress !== null && !exportProgress.finished)} onExport={(format) => void runExport(format)} />
      </div>
      {exportProgress && (
        <div className="progress" role="status" aria-label="Export progress">
          {exportProgress.finished ? (
            <span>
              Exported {exportProgress.done - exportProgress.failures.length} of {exportProgress.total}
              {exportProgress.cancelled ? ' (cancelled)' : ''}
              {exportProgress.failures.length > 0 ? `; ${exportProgress.failures.length} failed` : ''}.
            </span>
          ) : (
            <span>
              Exporting {exportProgress.done} of {exportProgress.total}…
            </span>
          )}
          <progress max={exportProgress.total} value={exportProgress.done} />
          {exportProgress.finished ? (
            <button type="button" className="link-button" onClick={() => setExportProgress(null)}>
              Dismiss
            </button>
          ) : (
            <button type="button" onClick={() => exportAbort.current?.abort()}>
              Cancel
            </button>
          )}
          {exportProgress.failures.length > 0 && (
            <ul>
              {exportProgress.failures.map((failure) => (
                <li key={failure.articleId}>
                  <strong>{titleOf(failure.articleId)}</strong>: {failure.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {articles === null ? (
        <p>Loading…</p>
      ) : articles.length === 0 ? (
        <p className="empty-hint">No articles{query || statusFilter ? ' match' : ' yet'}. Import a file, paste text or drop a file on the window.</p>
      ) : (
        <table className="library-table">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select all articles"
                  checked={articles.length > 0 && chosen.size === articles.length}
                  onChange={(event) => setChosen(event.target.checked ? new Set(articles.map((article) => article.id)) : new Set())}
                />
              </th>
              <th scope="col">Title</th>
              <th scope="col">Source</th>
              <th scope="col">Format</th>
              <th scope="col">Status</th>
              <th scope="col" title="Entities · Figures · Attributions">
                Tags
              </th>
              <th scope="col">Needs review</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id} data-article-id={article.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${article.title}`}
                    checked={chosen.has(article.id)}
                    onChange={(event) => {
                      const next = new Set(chosen);
                      if (event.target.checked) next.add(article.id);
                      else next.delete(article.id);
                      setChosen(next);
                    }}
                  />
                </td>
                <td>
                  <button type="button" className="link-button article-link" onClick={() => onOpen(article.id)}>
                    {article.title}
                  </button>
                  <CopyMarker article={article} />
                  <div className="article-meta">{article.wordCount.toLocaleString()} words</div>
                </td>
                <ArticleOriginCells article={article} />
                <td>
                  <span className={`status-badge status-${article.status}`}>{articleStatusLabels[article.status]}</span>
                </td>
                <td className="tag-counts">
                  <span className="count tag-person" title="Entities">{article.tagCounts.entity}</span>
                  <span className="count tag-figure" title="Figures">{article.tagCounts.figure}</span>
                  <span className="count tag-attribution" title="Attributions">{article.tagCounts.attribution}</span>
                </td>
                <td>{article.tagCounts.needsReview > 0 ? <span className="badge review">{article.tagCounts.needsReview}</span> : '–'}</td>
                <td>{new Date(article.updatedAt).toLocaleString()}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => onOpen(article.id)} aria-label={`Open ${article.title}`}>
                    Open
                  </button>
                  <button type="button" onClick={() => setRenaming(article)} aria-label={`Rename ${article.title}`}>
                    Rename
                  </button>
                  <button type="button" className="danger" onClick={() => setDeleting(article)} aria-label={`Delete ${article.title}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {renaming && <RenameDialog article={renaming} onCancel={() => setRenaming(null)} onRename={rename} />}
      {deleting && (
        <ConfirmDeleteDialog title="Delete article?" onCancel={() => setDeleting(null)} onConfirm={() => void remove()}>
          <p>
            “{deleting.title}” and its {deleting.tagCounts.entity + deleting.tagCounts.figure + deleting.tagCounts.attribution} tags will be deleted. This cannot be undone.
          </p>
        </ConfirmDeleteDialog>
      )}
    </section>
  );
}

function RenameDialog({ article, onCancel, onRename }: { article: ArticleSummary; onCancel: () => void; onRename: (title: string) => void }) {
  const [title, setTitle] = useState(article.title);
  return (
    <Dialog
      title="Rename article"
      onClose={onCancel}
      actions={<CancelAndConfirm onCancel={onCancel} confirmLabel="Rename" form="rename-form" disabled={title.trim() === ''} />}
    >
      <form
        id="rename-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) onRename(title.trim());
        }}
      >
        <label className="field">
          <span className="field-label">Title</span>
          <input type="text" aria-label="Title" value={title} autoFocus onChange={(event) => setTitle(event.target.value)} />
        </label>
      </form>
    </Dialog>
  );
}
