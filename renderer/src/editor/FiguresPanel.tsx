import { memo, useState } from 'react';
import { labels, type AnnotationMap, type FigureAnnotation } from '../../../common/model/annotation';
import { figureValueText } from '../../../common/model/fieldText';
import { useShownRows } from '../ui/useShownRows';

interface FiguresPanelProps {
  annotations: AnnotationMap;
  textOf: (id: string) => string;
  order: readonly string[];
  onSelect: (id: string) => void;
}

/** The article's figures for fact-checking: text, normalised value, unit, verification and source. */
export const FiguresPanel = memo(function FiguresPanel({ annotations, textOf, order, onSelect }: FiguresPanelProps) {
  const [uncheckedOnly, setUncheckedOnly] = useState(false);
  const rank = new Map(order.map((id, index) => [id, index]));
  const figures = Object.values(annotations)
    .filter((annotation): annotation is FigureAnnotation => annotation.kind === 'figure')
    .filter((figure) => !uncheckedOnly || figure.figure.verification === 'unchecked')
    .sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
  const { shown, showAllButton, listRef } = useShownRows<HTMLTableSectionElement>(figures.length);
  return (
    <section className="figures-panel" aria-label="Figures">
      <label className="filter">
        <input type="checkbox" checked={uncheckedOnly} onChange={(event) => setUncheckedOnly(event.target.checked)} /> Unchecked only
      </label>
      {figures.length === 0 ? (
        <p className="empty-hint">{uncheckedOnly ? 'Every figure has been checked.' : 'No figures tagged yet (Alt+Shift+F).'}</p>
      ) : (
        <>
          <table className="compact-table">
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Value</th>
                <th scope="col">Unit</th>
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody ref={listRef}>
              {figures.slice(0, shown).map((figure) => (
                <tr key={figure.id} onClick={() => onSelect(figure.id)} className={`verification-${figure.figure.verification}`}>
                  <td>
                    {/* The row takes the click too (for mouse users); one selection per click, not two. */}
                    <button
                      type="button"
                      className="link-button"
                      onClick={(event) => {
                        event.stopPropagation();
                        onSelect(figure.id);
                      }}
                    >
                      {textOf(figure.id) || figure.quote}
                    </button>
                  </td>
                  <td>
                    {figure.figure.qualifier !== 'exactly' && `${labels[figure.figure.qualifier]} `}
                    {figureValueText(figure.figure.value) || '—'}
                    {figure.figure.currency ? ` ${figure.figure.currency}` : ''}
                  </td>
                  <td>{figure.figure.unit}</td>
                  <td title={figure.figure.sourceNote}>{figure.figure.verification}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {showAllButton}
        </>
      )}
    </section>
  );
});
