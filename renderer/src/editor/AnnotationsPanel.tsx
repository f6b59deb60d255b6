import { memo, useState } from 'react';
import { FilterSelect } from '../ui/FilterSelect';
import { annotationStatuses, labels, type Annotation, type AnnotationKind, type AnnotationMap, type AnnotationStatus } from '../../../common/model/annotation';
import { annotationShortcuts } from './tagShortcuts';
import { useShownRows } from '../ui/useShownRows';

interface AnnotationsPanelProps {
  annotations: AnnotationMap;
  textOf: (id: string) => string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onNextToReview: () => void;
}

// The editor's tags by kind, then the suggestions still waiting by kind: suggestions never mix with tags.
const groups: { key: string; kind: AnnotationKind; suggested: boolean; title: string }[] = [
  { key: 'entity', kind: 'entity', suggested: false, title: 'Entities' },
  { key: 'figure', kind: 'figure', suggested: false, title: 'Figures' },
  { key: 'attribution', kind: 'attribution', suggested: false, title: 'Attributions' },
  { key: 'suggested-entity', kind: 'entity', suggested: true, title: 'Suggested entities' },
  { key: 'suggested-figure', kind: 'figure', suggested: true, title: 'Suggested figures' },
  { key: 'suggested-attribution', kind: 'attribution', suggested: true, title: 'Suggested attributions' },
];

function typeLabel(annotation: Annotation): string {
  if (annotation.kind === 'entity') return labels[annotation.entityType];
  if (annotation.kind === 'figure') return annotation.figure.figureKind ?? 'figure';
  return annotation.mode;
}

// Rows re-render only when their own record, text or selection changes: long lists stay cheap to update.
const AnnotationRow = memo(function AnnotationRow({ annotation, text, selected, onSelect }: { annotation: Annotation; text: string; selected: boolean; onSelect: (id: string) => void }) {
  return (
    <li>
      <button
        type="button"
        className={`annotation-item tag-${annotation.kind === 'entity' ? annotation.entityType : annotation.kind}${annotation.status === 'suggested' ? ' is-suggested' : ''}${selected ? ' is-selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-annotation-id={annotation.id}
        onClick={() => onSelect(annotation.id)}
      >
        <span className="swatch" aria-hidden="true" />
        <span className="annotation-text">{text}</span>
        <span className="annotation-type">{typeLabel(annotation)}</span>
        {annotation.status === 'needs_review' && <span className="badge review">Needs review</span>}
      </button>
    </li>
  );
});

interface AnnotationGroupProps {
  group: (typeof groups)[number];
  members: readonly Annotation[];
  textOf: (id: string) => string;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

// One group's rows, a page of them in a long article.
function AnnotationGroup({ group, members, textOf, selectedId, onSelect }: AnnotationGroupProps) {
  const { shown, showAllButton, listRef } = useShownRows<HTMLUListElement>(members.length);
  return (
    <div className={`annotation-group${group.suggested ? ' is-suggested' : ''}`} role="group" aria-label={group.title}>
      <h3>
        {group.title} <span className="count">{members.length}</span>
      </h3>
      <ul ref={listRef}>
        {members.slice(0, shown).map((annotation) => (
          <AnnotationRow key={annotation.id} annotation={annotation} text={textOf(annotation.id) || annotation.quote} selected={annotation.id === selectedId} onSelect={onSelect} />
        ))}
      </ul>
      {showAllButton}
    </div>
  );
}

/** Every annotation of the article, grouped by kind; choosing one selects it and scrolls to it. */
export const AnnotationsPanel = memo(function AnnotationsPanel({ annotations, textOf, selectedId, onSelect, onNextToReview }: AnnotationsPanelProps) {
  const [statusFilter, setStatusFilter] = useState<AnnotationStatus | ''>('');
  const everything = Object.values(annotations);
  const needingReview = everything.filter((annotation) => annotation.status === 'needs_review').length;
  const all = statusFilter ? everything.filter((annotation) => annotation.status === statusFilter) : everything;
  return (
    <section className="annotations-panel" aria-label="Annotations">
      <h2>Annotations</h2>
      <div className="panel-filters">
        <FilterSelect label="Filter by tag status" allLabel="All statuses" value={statusFilter} options={annotationStatuses} optionLabel={(status) => labels[status]} onChange={setStatusFilter} />
        {needingReview > 0 && (
          <button type="button" className="review-queue" onClick={onNextToReview} title={`Step through the tags that need review (${annotationShortcuts.nextToReview.label})`}>
            {needingReview} need review · next
          </button>
        )}
      </div>
      {all.length === 0 && <p className="empty-hint">Select words in the text and press a tag button or its shortcut.</p>}
      {groups.map((group) => {
        const members = all.filter((annotation) => annotation.kind === group.kind && (annotation.status === 'suggested') === group.suggested);
        return members.length === 0 ? null : <AnnotationGroup key={group.key} group={group} members={members} textOf={textOf} selectedId={selectedId} onSelect={onSelect} />;
      })}
    </section>
  );
});
