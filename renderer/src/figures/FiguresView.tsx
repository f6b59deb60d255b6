import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnnotatorApi, ArticleSelection, FigureChecklist, FigureChecklistOrder, FigureChecklistRow } from '../../../common/api';
import type { VerificationStatus } from '../../../common/model/annotation';
import { navigate } from '../navigation/route';
import { SelectionBanner } from '../navigation/SelectionBanner';
import { FigureChecklistTable, rowKey } from './FigureChecklistTable';
import { noteFieldId, verificationLabels, type RowActivity } from './FigureRow';
import { FiguresFilters } from './FiguresFilters';
import { FiguresPager, FiguresSummary } from './FiguresSummary';
import { figuresPageSize, figuresViewParams, figuresViewState, type FiguresViewState } from './figuresViewState';

interface FiguresViewProps {
  api: AnnotatorApi;
  selection: ArticleSelection;
  view: Record<string, string>;
  onOpen: (articleId: string, annotationId: string) => void;
}

// Orders whose natural first look is the largest or newest.
const descendingFirst: ReadonlySet<FigureChecklistOrder> = new Set(['article', 'changed', 'value']);

function withRow(checklist: FigureChecklist, saved: FigureChecklistRow, previous: VerificationStatus): FigureChecklist {
  const byVerification = { ...checklist.byVerification };
  byVerification[previous]--;
  byVerification[saved.figure.verification]++;
  // Other figures of the same article are now read at the new revision too.
  const rows = checklist.rows.map((row) => (rowKey(row) === rowKey(saved) ? saved : row.articleId === saved.articleId ? { ...row, articleRevision: saved.articleRevision } : row));
  return { ...checklist, rows, byVerification };
}

// What an empty list means, and what to do about it.
function emptyHint(checklist: FigureChecklist, state: FiguresViewState): string {
  const { unchecked, disputed, verified } = checklist.byVerification;
  if (unchecked + disputed + verified === 0 && !state.flaggedOnly) {
    return 'These articles hold no figures yet: tag figures in the editor (Alt+Shift+F), accept figure suggestions, or widen the selection.';
  }
  if (state.verification === 'open' && !state.flaggedOnly && unchecked + disputed === 0) {
    return 'Nothing left to check here: every figure in these articles is verified. Choose “Verified” to see them, or widen the selection.';
  }
  return 'No figures match these filters. Clear a filter, or choose “Every article” above.';
}

/** The figures checklist: every figure of the selected articles still to check, verdicts by mouse or keyboard. */
export function FiguresView({ api, selection, view, onOpen }: FiguresViewProps) {
  const state = useMemo(() => figuresViewState(view), [view]);
  const [checklist, setChecklist] = useState<FigureChecklist | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  const [notes, setNotes] = useState<Map<string, string>>(new Map());
  const [activities, setActivities] = useState<Map<string, RowActivity>>(new Map());
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    let stale = false;
    setLoading(true);
    api
      .figuresChecklist({ selection, figureKind: state.figureKind ?? undefined, verification: state.verification, flaggedOnly: state.flaggedOnly, order: state.order, descending: state.descending, page: state.page, pageSize: figuresPageSize })
      .then((loaded) => {
        if (stale) return;
        setChecklist(loaded);
        setLoadError(null);
        setActiveIndex((index) => Math.min(index, Math.max(0, loaded.rows.length - 1)));
      })
      .catch((error: Error) => !stale && setLoadError(error.message))
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [api, selection, state, version]);

  const change = (next: Partial<FiguresViewState>) => navigate({ name: 'figures', selection, view: figuresViewParams({ ...state, ...next }) });
  const setActivity = (key: string, activity: RowActivity) => setActivities((current) => new Map(current).set(key, activity));

  const giveVerdict = useCallback(
    async (row: FigureChecklistRow, verification: VerificationStatus) => {
      const key = rowKey(row);
      setActivity(key, { state: 'saving' });
      try {
        const saved = await api.setFigureVerification({ articleId: row.articleId, annotationId: row.annotationId, baseRevision: row.articleRevision, verification, sourceNote: notes.get(key) ?? row.figure.sourceNote });
        setChecklist((current) => current && withRow(current, saved, row.figure.verification));
        setNotes((current) => {
          const next = new Map(current);
          next.delete(key);
          return next;
        });
        setActivity(key, { state: 'idle' });
        setAnnouncement(`“${row.quote}” is now ${verificationLabels[saved.figure.verification].toLowerCase()} (saved as revision ${saved.articleRevision} of “${row.articleTitle}”).`);
      } catch (error) {
        const { code, message } = error as { code?: string; message: string };
        const said = code === 'conflict' ? 'this figure was changed in its article since the list was loaded. The list now shows it as it is: check it again.' : message;
        setActivity(key, { state: 'failed', message: `Not saved: ${said}` });
        setAnnouncement('');
        if (code === 'conflict') setVersion((value) => value + 1);
        else if (verification === 'disputed') document.getElementById(noteFieldId(row))?.focus();
      }
    },
    [api, notes],
  );

  return (
    <section className="figures" aria-label="Figures checklist">
      <h1 className="view-title">Figures checklist</h1>
      <SelectionBanner api={api} selection={selection} view="figures" />
      <FiguresFilters state={state} articleStatus={selection.status} onChange={change} onArticleStatus={(status) => navigate({ name: 'figures', selection: { ...selection, status }, view: figuresViewParams({ ...state, page: 0 }) })} />
      {checklist && <FiguresSummary checklist={checklist} />}
      <p className="figures-keys" id="figures-keys">
        Keys on a row: ↑ ↓ move · V verified · D disputed · U unchecked · N source note (Enter returns to the row) · R raw value · Enter opens the article at the figure.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {loading ? 'Loading figures…' : announcement}
      </p>
      {loadError && (
        <div className="error" role="alert">
          The figures could not be loaded: {loadError}{' '}
          <button type="button" onClick={() => setVersion((value) => value + 1)}>
            Try again
          </button>
        </div>
      )}
      {!checklist && !loadError && <p className="empty-hint">Loading figures…</p>}
      {checklist && checklist.rows.length === 0 && !loading && (
        <p className="empty-hint">{emptyHint(checklist, state)}</p>
      )}
      {checklist && checklist.rows.length > 0 && (
        <div className="figures-list" aria-busy={loading} aria-describedby="figures-keys">
          <FigureChecklistTable
            rows={checklist.rows}
            activeIndex={activeIndex}
            order={state.order}
            descending={state.descending}
            notes={notes}
            activities={activities}
            onActiveIndex={setActiveIndex}
            onSort={(order) => change({ order, descending: order === state.order ? !state.descending : descendingFirst.has(order), page: 0 })}
            onVerdict={(row, verification) => void giveVerdict(row, verification)}
            onNote={(row, note) => setNotes((current) => new Map(current).set(rowKey(row), note))}
            onOpen={(row) => onOpen(row.articleId, row.annotationId)}
          />
          <FiguresPager checklist={checklist} onPage={(page) => change({ page })} />
        </div>
      )}
    </section>
  );
}
