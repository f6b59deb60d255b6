import { useCallback, useEffect, useRef, useState } from 'react';
import { articleStatusLabels, articleStatuses, type AnnotatorApi, type ArticleStatus, type ArticleSummary } from '../../../common/api';
import { ConfirmDeleteDialog } from '../ui/ConfirmDialog';
import { ExportProgressBar } from '../exports/ExportProgressBar';
import { ArticleTable } from './ArticleTable';
import { RenameDialog } from './RenameDialog';
import { ExportControls, exportArticles, type ExportProgress } from '../exports/ExportControls';
import { importAccept } from './importFiles';
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

  const runExport = async (format: ExportFormatName, includeSuggestions: boolean) => {
    const ids = chosen.size > 0 ? [...chosen] : (articles ?? []).map((article) => article.id);
    if (ids.length === 0) return;
    const controller = new AbortController();
    exportAbort.current = controller;
    setExportProgress({ done: 0, total: ids.length, failures: [], warnings: [], finished: false, cancelled: false });
    await exportArticles(api, ids, format, setExportProgress, controller.signal, includeSuggestions);
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
        <ExportControls label={chosen.size > 0 ? `Export ${chosen.size} selected` : 'Export all'} disabled={!articles?.length || (exportProgress !== null && !exportProgress.finished)} onExport={(format, includeSuggestions) => void runExport(format, includeSuggestions)} />
      </div>
      {exportProgress && <ExportProgressBar progress={exportProgress} titleOf={titleOf} onCancel={() => exportAbort.current?.abort()} onDismiss={() => setExportProgress(null)} />}
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
        <ArticleTable articles={articles} chosen={chosen} onChoose={setChosen} onOpen={onOpen} onRename={setRenaming} onDelete={setDeleting} />
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
