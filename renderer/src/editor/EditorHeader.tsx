import { articleStatusLabels, articleStatuses, type AnnotatorApi, type ArticleStatus, type ExportFormatName } from '../../../common/api';
import { ExportControls, exportArticles } from '../exports/ExportControls';
import type { EditorController, EditorScreenSnapshot } from './editorController';
import { SaveIndicator } from './SaveIndicator';
import { historyShortcut } from '../history/HistoryDialog';
import { countOf } from '../ui/plural';
import { suggestionShortcuts } from './tagShortcuts';

interface EditorHeaderProps {
  api: AnnotatorApi;
  controller: EditorController | null;
  snapshot: EditorScreenSnapshot | null;
  // How many suggestions wait in the article.
  waitingSuggestions: number;
  onClose: () => void;
  onShowHistory: () => void;
}

/** The editor's header: back to the library, the article's title and status, export, and the save status. */
export function EditorHeader({ api, controller, snapshot, waitingSuggestions, onClose, onShowHistory }: EditorHeaderProps) {
  const article = snapshot?.article ?? null;

  const exportAs = async (format: ExportFormatName, includeSuggestions: boolean) => {
    if (!controller || !article) return;
    // The export reads the stored copy: without the latest save it would silently leave out the newest edits.
    if (!(await controller.flush())) {
      controller.setNotice('Not exported: the latest changes could not be saved yet. Try again once the article is saved.');
      return;
    }
    const outcome = await exportArticles(api, [article.id], format, () => {}, new AbortController().signal, includeSuggestions);
    if (outcome.failures.length > 0) controller.setNotice(`Export failed: ${outcome.failures[0]!.message}`);
    else controller.setNotice(outcome.warnings.length > 0 ? `Exported with notes: ${outcome.warnings.join(' ')}` : `Exported as ${format.toUpperCase()}.`);
  };

  return (
    <header className="editor-header">
      <button type="button" className="link-button" onClick={onClose} title="Back to the library">
        ← Library
      </button>
      <h1 className="editor-title" title={article?.title}>
        {article?.title ?? 'Loading…'}
      </h1>
      {article && controller && (
        <>
          <label className="status-select">
            <span className="visually-hidden">Article status</span>
            <select aria-label="Article status" value={article.status} onChange={(event) => void controller.setArticleStatus(event.target.value as ArticleStatus)}>
              {articleStatuses.map((status) => (
                <option key={status} value={status}>
                  {articleStatusLabels[status]}
                </option>
              ))}
            </select>
          </label>
 <button type="button" onClick={onShowHistory} title={`The article's history (${historyShortcut.label})`} aria-keyshortcuts="Alt+Shift+H">
            History
          </button>
          <ExportControls label="Export" onExport={(format, includeSuggestions) => void exportAs(format, includeSuggestions)} />
        </>
      )}
      {article && controller && (waitingSuggestions > 0 || snapshot?.suggesting) && (
        <button
          type="button"
          className="suggestion-count"
          aria-label="Suggestions waiting"
          title={`Go to the next suggestion (${suggestionShortcuts.nextSuggestion.label})`}
          onClick={() => controller.suggestions.step(1)}
        >
          {snapshot?.suggesting ? 'Suggesting…' : `${countOf(waitingSuggestions, 'suggestion')} waiting`}
        </button>
      )}
      <SaveIndicator status={snapshot?.saveStatus ?? { state: 'saved', at: '' }} onRetry={() => void controller?.flush()} onOverwrite={() => void controller?.keepMine()} />
    </header>
  );
}
