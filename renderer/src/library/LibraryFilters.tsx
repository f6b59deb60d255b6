import { useEffect, useRef, useState } from 'react';
import {
  articleStatusLabels,
  articleStatuses,
  selectableTagStatuses,
  type AnnotatorApi,
  type ArticleSelection,
  type SelectedEntity,
  type TagAuthor,
} from '../../../common/api';
import { annotationKinds, labels } from '../../../common/model/annotation';
import { FilterSelect } from '../ui/FilterSelect';
import { EntityFilter } from './EntityFilter';

interface LibraryFiltersProps {
  api: AnnotatorApi;
  selection: ArticleSelection;
  entity: SelectedEntity | null | undefined;
  // A discrete change (a list, a date, the entity) makes a step back; typing in the search box does not.
  onChange: (selection: ArticleSelection, how: 'push' | 'replace') => void;
}

const tagStatusLabels = { needs_review: 'Tags needing review', suggested: 'Suggestions waiting' } as const;
// How long typing must pause before the search runs and the URL changes.
const typingPause = 250;

type DateField = 'importedFrom' | 'importedTo' | 'updatedFrom' | 'updatedTo';
const dateFields: { field: DateField; label: string }[] = [
  { field: 'importedFrom', label: 'Imported from' },
  { field: 'importedTo', label: 'Imported to' },
  { field: 'updatedFrom', label: 'Updated from' },
  { field: 'updatedTo', label: 'Updated to' },
];

/** The library's filter bar: words and phrases, entity, tag kind, tag status, article status, tag author, dates. */
export function LibraryFilters({ api, selection, entity, onChange }: LibraryFiltersProps) {
  const [typed, setTyped] = useState(selection.query ?? '');
  const [authors, setAuthors] = useState<TagAuthor[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(selection);
  latest.current = selection;

  // Back, forward or a link changed the words: the box shows them, unless the user is mid-typing.
  useEffect(() => {
    if (timer.current === undefined) setTyped(selection.query ?? '');
  }, [selection.query]);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    api.listTagAuthors({}).then(setAuthors, () => setAuthors([]));
  }, [api]);

  const set = (changes: Partial<ArticleSelection>) => {
    const next: Record<string, unknown> = { ...latest.current, ...changes };
    for (const key of Object.keys(next)) if (next[key] === undefined || next[key] === '') delete next[key];
    onChange(next as ArticleSelection, 'push');
  };
  const type = (text: string) => {
    setTyped(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      const { query: _previous, ...rest } = latest.current;
      onChange(text.trim() ? { ...rest, query: text } : rest, 'replace');
    }, typingPause);
  };
  const anyFilter = Object.keys(selection).length > 0;
  const authorNames = authors.map((author) => author.name);
  // A name from the URL that no longer has tags stays choosable, so the list shows what is filtered on.
  if (selection.tagAuthor && !authorNames.includes(selection.tagAuthor)) authorNames.push(selection.tagAuthor);

  return (
    <div className="library-filters" role="search" aria-label="Library filters">
      <div className="filter-row">
        <input
          type="search"
          aria-label="Search articles"
          aria-describedby="library-search-hint"
          placeholder='Words, "a phrase"…'
          value={typed}
          onChange={(event) => type(event.target.value)}
        />
        <span id="library-search-hint" className="visually-hidden">
          Each word also finds longer words that start with it; put words in quotes to find them as a phrase.
        </span>
        <EntityFilter api={api} entityId={selection.entityId} entity={entity} onChange={(entityId) => set({ entityId })} />
        <FilterSelect label="Filter by status" allLabel="All statuses" value={selection.status ?? ''} options={articleStatuses} optionLabel={(status) => articleStatusLabels[status]} onChange={(status) => set({ status: status || undefined })} />
        <FilterSelect label="Filter by tag kind" allLabel="Any tag kind" value={selection.tagKind ?? ''} options={annotationKinds} optionLabel={(kind) => `${labels[kind]} tags`} onChange={(tagKind) => set({ tagKind: tagKind || undefined })} />
        <FilterSelect label="Filter by tag status" allLabel="Any tag status" value={selection.tagStatus ?? ''} options={selectableTagStatuses} optionLabel={(status) => tagStatusLabels[status]} onChange={(tagStatus) => set({ tagStatus: tagStatus || undefined })} />
        <FilterSelect label="Filter by tag author" allLabel="Any tag author" value={selection.tagAuthor ?? ''} options={authorNames} optionLabel={(name) => name} onChange={(tagAuthor) => set({ tagAuthor: tagAuthor || undefined })} />
      </div>
      <div className="filter-row">
        {dateFields.map(({ field, label }) => (
          <label key={field} className="date-filter">
            {label}
            <input type="date" value={selection[field] ?? ''} onChange={(event) => set({ [field]: event.target.value || undefined })} />
          </label>
        ))}
        {anyFilter && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              clearTimeout(timer.current);
              timer.current = undefined;
              setTyped('');
              onChange({}, 'push');
            }}
          >
            Clear all filters
          </button>
        )}
      </div>
    </div>
  );
}
