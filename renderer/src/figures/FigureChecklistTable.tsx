import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { FigureChecklistOrder, FigureChecklistRow } from '../../../common/api';
import type { VerificationStatus } from '../../../common/model/annotation';
import { FigureRow, noteFieldId, type RowActivity } from './FigureRow';

const columns: { label: string; order: FigureChecklistOrder | null }[] = [
  { label: 'Figure in its sentence', order: null },
  { label: 'Value', order: 'value' },
  { label: 'Unit', order: null },
  { label: 'Kind', order: 'kind' },
  { label: 'Article', order: 'article' },
  { label: 'Check', order: 'verification' },
];

const verdictByKey: Record<string, VerificationStatus> = { v: 'verified', d: 'disputed', u: 'unchecked' };

interface FigureChecklistTableProps {
  rows: FigureChecklistRow[];
  activeIndex: number;
  order: FigureChecklistOrder;
  descending: boolean;
  notes: ReadonlyMap<string, string>;
  activities: ReadonlyMap<string, RowActivity>;
  onActiveIndex: (index: number) => void;
  onSort: (order: FigureChecklistOrder) => void;
  onVerdict: (row: FigureChecklistRow, verification: VerificationStatus) => void;
  onNote: (row: FigureChecklistRow, note: string) => void;
  onOpen: (row: FigureChecklistRow) => void;
}

/** The key of a row across articles, for notes and activities kept beside the rows. */
export function rowKey(row: Pick<FigureChecklistRow, 'articleId' | 'annotationId'>): string {
  return `${row.articleId}/${row.annotationId}`;
}

/**
 * The checklist's table. One row is active (the one Tab reaches); on it, arrow keys move, V, D and U give a
 * verdict, N goes to the source note (Enter comes back), R shows the raw value and Enter opens the article at
 * the figure. Keys typed in the note or on a button inside a row are theirs, not the row's.
 */
export function FigureChecklistTable({ rows, activeIndex, order, descending, notes, activities, onActiveIndex, onSort, onVerdict, onNote, onOpen }: FigureChecklistTableProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  const focusWanted = useRef(false);
  const rowElement = (index: number) => body.current?.querySelector<HTMLTableRowElement>(`tr[data-row-index="${index}"]`) ?? null;

  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    rowElement(activeIndex)?.focus();
  }, [activeIndex, rows]);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    focusWanted.current = true;
    if (target === activeIndex) rowElement(target)?.focus();
    onActiveIndex(target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    if (target.tagName !== 'TR' || event.altKey || event.ctrlKey || event.metaKey) return;
    const row = rows[activeIndex];
    if (!row) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    let handled = true;
    if (key === 'ArrowDown') moveTo(activeIndex + 1);
    else if (key === 'ArrowUp') moveTo(activeIndex - 1);
    else if (key === 'Home') moveTo(0);
    else if (key === 'End') moveTo(rows.length - 1);
    else if (key === 'Enter') onOpen(row);
    else if (key === 'n') document.getElementById(noteFieldId(row))?.focus();
    else if (key === 'r') {
      const details = target.querySelector('details');
      if (details) details.open = !details.open;
    } else if (verdictByKey[key]) onVerdict(row, verdictByKey[key]!);
    else handled = false;
    if (handled) event.preventDefault();
  };

  return (
    <table className="figures-table">
      <thead>
        <tr>
          {columns.map(({ label, order: columnOrder }) => (
            <th key={label} scope="col" aria-sort={columnOrder === order ? (descending ? 'descending' : 'ascending') : undefined}>
              {columnOrder ? (
                <button type="button" className="sort-button" onClick={() => onSort(columnOrder)}>
                  {label}
                  <span aria-hidden="true">{columnOrder === order ? (descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              ) : (
                label
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown}>
        {rows.map((row, index) => (
          <FigureRow
            key={rowKey(row)}
            row={row}
            index={index}
            active={index === activeIndex}
            note={notes.get(rowKey(row)) ?? row.figure.sourceNote}
            activity={activities.get(rowKey(row)) ?? { state: 'idle' }}
            onFocusRow={onActiveIndex}
            onVerdict={onVerdict}
            onNote={onNote}
            onNoteDone={(index, keep) => {
              // Escape gives the note back as it was saved; Enter keeps what was typed for the next verdict.
              if (!keep) onNote(row, row.figure.sourceNote);
              moveTo(index);
            }}
            onOpen={onOpen}
          />
        ))}
      </tbody>
    </table>
  );
}
