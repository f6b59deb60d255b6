import { articleStatusLabels, articleStatuses, type ArticleStatus, type FigureChecklistVerification } from '../../../common/api';
import { figureKinds, type FigureKind } from '../../../common/model/annotation';
import { FilterSelect } from '../ui/FilterSelect';
import type { FiguresViewState } from './figuresViewState';

const kindLabels: Record<FigureKind, string> = { count: 'Counts', money: 'Money', percent: 'Percentages', date: 'Dates and times', duration: 'Durations', ratio: 'Ratios' };
const verificationLabels: Record<FigureChecklistVerification, string> = {
  open: 'To check (unchecked or disputed)',
  unchecked: 'Unchecked',
  disputed: 'Disputed',
  verified: 'Verified',
  all: 'Every verification',
};

interface FiguresFiltersProps {
  state: FiguresViewState;
  articleStatus: ArticleStatus | undefined;
  onChange: (change: Partial<FiguresViewState>) => void;
  onArticleStatus: (status: ArticleStatus | undefined) => void;
}

/** The checklist's filters: figure kind, verification, article status and flagged figures only. */
export function FiguresFilters({ state, articleStatus, onChange, onArticleStatus }: FiguresFiltersProps) {
  return (
    <div className="figures-filters" role="group" aria-label="Filters">
      <FilterSelect
        label="Verification"
        allLabel={verificationLabels.open}
        value={state.verification === 'open' ? '' : state.verification}
        options={['unchecked', 'disputed', 'verified', 'all'] as const}
        optionLabel={(option) => verificationLabels[option]}
        onChange={(value) => onChange({ verification: value || 'open', page: 0 })}
      />
      <FilterSelect
        label="Figure kind"
        allLabel="Every kind of figure"
        value={state.figureKind ?? ''}
        options={figureKinds}
        optionLabel={(kind) => kindLabels[kind]}
        onChange={(value) => onChange({ figureKind: value || null, page: 0 })}
      />
      <FilterSelect
        label="Article status"
        allLabel="Every article status"
        value={articleStatus ?? ''}
        options={articleStatuses}
        optionLabel={(status) => articleStatusLabels[status]}
        onChange={(value) => onArticleStatus(value || undefined)}
      />
      <label className="filter">
        <input type="checkbox" checked={state.flaggedOnly} onChange={(event) => onChange({ flaggedOnly: event.target.checked, page: 0 })} /> Only flagged
        figures
      </label>
    </div>
  );
}
