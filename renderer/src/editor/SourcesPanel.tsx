import { memo } from 'react';
import type { AnnotationMap } from '../../../common/model/annotation';
import { attributionsList, summariseSources, type EntityNameLookup } from '../../../common/model/sources';
import { useShownRows } from '../ui/useShownRows';

interface SourcesPanelProps {
  annotations: AnnotationMap;
  entityNames: EntityNameLookup;
  order: readonly string[];
  onSelect: (id: string) => void;
}

/** Who the article quotes and how often, named against anonymous, and every attribution in text order. */
export const SourcesPanel = memo(function SourcesPanel({ annotations, entityNames, order, onSelect }: SourcesPanelProps) {
  const summary = summariseSources(annotations, entityNames);
  const rows = attributionsList(annotations, entityNames, { order });
  const { totals } = summary;
  const { shown, showAllButton, listRef } = useShownRows<HTMLUListElement>(rows.length);
  return (
    <section className="sources-panel" aria-label="Sources">
      <h3>Sources summary</h3>
      <p className="sources-totals" data-testid="sources-totals">
        {totals.attributions} attributions: {totals.named} named, {totals.anonymous} anonymous{totals.unattributed ? `, ${totals.unattributed} without a speaker` : ''}
      </p>
      <table className="compact-table" aria-label="Sources summary">
        <thead>
          <tr>
            <th scope="col">Speaker</th>
            <th scope="col">Quotes</th>
            <th scope="col">Direct · indirect · partial</th>
          </tr>
        </thead>
        <tbody>
          {[...summary.named, ...summary.anonymous].map((row) => (
            <tr key={row.key} data-speaker-type={row.speakerType}>
              <td>
                {row.speakerType === 'anonymous' ? <em>Anonymous: {row.name || 'unnamed'}</em> : row.name}
                {row.anonymityReasons.length > 0 && <div className="muted">{row.anonymityReasons.join('; ')}</div>}
              </td>
              <td>{row.count}</td>
              <td>
                {row.modes.direct} · {row.modes.indirect} · {row.modes.partial}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Attributions</h3>
      <ul className="attribution-list" ref={listRef}>
        {rows.slice(0, shown).map((row) => (
          <li key={row.id}>
            <button type="button" className="annotation-item" onClick={() => onSelect(row.id)}>
              <span className="annotation-text">
                <strong>{row.speakerName || 'No speaker yet'}</strong>: {row.firstWords}
              </span>
              <span className="annotation-type">{row.mode}</span>
              {row.status === 'needs_review' && <span className="badge review">Needs review</span>}
            </button>
          </li>
        ))}
      </ul>
      {showAllButton}
    </section>
  );
});
