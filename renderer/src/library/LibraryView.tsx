import { useMemo, useRef, useState } from 'react';
import type { AnnotatorApi, ArticleSelection, ArticleSummary, ExportFormatName, LibrarySortKey } from '../../../common/api';
import { defaultDirection } from '../../../common/librarySearch';
import { ConfirmDeleteDialog } from '../ui/ConfirmDialog';
import { ExportProgressBar } from '../exports/ExportProgressBar';
import { ExportControls, exportArticles, type ExportProgress } from '../exports/ExportControls';
import { navigate } from '../navigation/route';
import { ArticleTable } from './ArticleTable';
import { DeskViewLinks } from './DeskViewLinks';
import { importAccept } from './importFiles';
import { LibraryFilters } from './LibraryFilters';
import { LibraryPager } from './LibraryPager';
import { libraryViewOf, libraryViewState } from './libraryViewState';
import { RenameDialog } from './RenameDialog';
import { useLibraryPage } from './useLibraryPage';

const numbers = new Intl.NumberFormat();

interface LibraryViewProps {
  api: AnnotatorApi;
  // What the URL says the library shows: the filter, and the order and page.
  selection: ArticleSelection;
  view: Record<string, string>;
  onOpen: (articleId: string) => void;
  onImportFiles: (files: File[]) => void;
  onPasteArticle: () => void;
  // Bumped by the app when articles were added elsewhere (an import, the menu), to reload the list.
  refreshKey: number;
}

/**
 * The library: search and filter every article, a page at a time, in any column's order, all kept in the URL;
 * open, rename, delete, import, paste and export; and the desk's other views of the same articles.
 */
export function LibraryView({ api, selection, view, onOpen, onImportFiles, onPasteArticle, refreshKey }: LibraryViewProps) {
  const viewState = useMemo(() => libraryViewState(view), [view]);
  const [changes, setChanges] = useState(0);
  const { page, loading, error: loadError } = useLibraryPage(api, selection, viewState, refreshKey + changes);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<ArticleSummary | null>(null);
  const [deleting, setDeleting] = useState<ArticleSummary | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [exportProgress, setExportProgress] = useState<ExportProgress | null>(null);
  const exportAbort = useRef<AbortController | null>(null);
  const articles = page?.articles ?? [];
  const searching = Boolean(selection.query?.trim());

  // A new filter starts at its first page, in the order the user chose.
  const changeSelection = (next: ArticleSelection, how: 'push' | 'replace') =>
    navigate({ name: 'library', selection: next, view: libraryViewOf({ ...viewState, page: 1 }) }, how);
  const sortBy = (column: LibrarySortKey) => {
    const direction = page?.sort === column ? (page.direction === 'asc' ? 'desc' : 'asc') : defaultDirection[column];
    navigate({ name: 'library', selection, view: libraryViewOf({ sort: column, direction, page: 1 }) });
  };
  const showPage = (number: number) => navigate({ name: 'library', selection, view: libraryViewOf({ ...viewState, page: number }) });

  const runExport = async (format: ExportFormatName, includeSuggestions: boolean) => {
    const controller = new AbortController();
    exportAbort.current = controller;
    try {
      const ids = chosen.size > 0 ? [...chosen] : await api.matchingArticleIds({ selection });
      if (ids.length === 0) return;
      setExportProgress({ done: 0, total: ids.length, failures: [], warnings: [], finished: false, cancelled: false });
      await exportArticles(api, ids, format, setExportProgress, controller.signal, includeSuggestions);
    } catch (exportError) {
      setError((exportError as Error).message);
    } finally {
      exportAbort.current = null;
    }
  };
  const titleOf = (id: string) => articles.find((article) => article.id === id)?.title ?? id;
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setChanges((count) => count + 1);
    } catch (actionError) {
      setError((actionError as Error).message);
    }
  };
  const rename = (title: string) =>
    act(async () => {
      if (!renaming) return;
      await api.renameArticle({ id: renaming.id, title });
      setRenaming(null);
    });
  const remove = () =>
    act(async () => {
      if (!deleting) return;
      await api.deleteArticle({ id: deleting.id });
      // A deleted article left among the chosen ones would make the next export fail for it.
      setChosen((previous) => new Set([...previous].filter((id) => id !== deleting.id)));
      setDeleting(null);
    });

  const total = page?.total ?? null;
  const filtered = Object.keys(selection).length > 0;
  const matching = total === null ? 'Export all matching' : `Export all ${numbers.format(total)} matching`;
  const exportLabel = chosen.size > 0 ? `Export ${numbers.format(chosen.size)} selected` : filtered ? matching : 'Export all';
  const shownError = error ?? loadError;
  return (
    <section className="library" aria-label="Library">
      <h1 className="visually-hidden">Library</h1>
      <div className="library-actions">
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
        <ExportControls label={exportLabel} disabled={!total || (exportProgress !== null && !exportProgress.finished)} onExport={(format, includeSuggestions) => void runExport(format, includeSuggestions)} />
        <span className="toolbar-gap" />
        <DeskViewLinks selection={selection} total={total} />
      </div>
      <LibraryFilters api={api} selection={selection} entity={page?.entity} onChange={changeSelection} />
      {exportProgress && <ExportProgressBar progress={exportProgress} titleOf={titleOf} onCancel={() => exportAbort.current?.abort()} onDismiss={() => setExportProgress(null)} />}
      {shownError && (
        <p className="error" role="alert">
          {shownError}
        </p>
      )}
      {page === null ? (
        <p role="status">Loading the library…</p>
      ) : (
        <>
          <LibraryPager
            total={page.total}
            offset={page.offset}
            shown={articles.length}
            loading={loading}
            sort={page.sort}
            searching={searching}
            onSortByRelevance={() => navigate({ name: 'library', selection, view: libraryViewOf({ sort: 'relevance', page: 1 }) })}
            onPage={showPage}
          />
          {articles.length === 0 ? (
            <p className="empty-hint">
              {filtered
                ? 'No articles match these filters. Change or clear a filter above.'
                : 'No articles yet. Import a file, paste text or drop a file on the window.'}
            </p>
          ) : (
            <ArticleTable articles={articles} chosen={chosen} onChoose={setChosen} onOpen={onOpen} onRename={setRenaming} onDelete={setDeleting} sort={page.sort} direction={page.direction} onSort={sortBy} />
          )}
        </>
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
