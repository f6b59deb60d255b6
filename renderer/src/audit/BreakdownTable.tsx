import type { AuditBreakdownRow } from '../../../common/model/sourcingAudit';
import { navigate } from '../navigation/route';
import { formatCount, formatShare, shareNumber } from './auditFormat';
import { CsvButton } from './CsvButton';
import { moveBetweenRows } from './rowKeys';

interface BreakdownTableProps {
  id: string;
  title: string;
  // The heading of the label column ("Source role").
  rowHeading: string;
  // What the shares are shares of ("of named quotes").
  wholeLabel: string;
  rows: readonly AuditBreakdownRow[];
  emptyText: string;
}

/** One breakdown of quotes (by role, medium, reason...): label, count and share, rows naming an entity opening its page. */
export function BreakdownTable({ id, title, rowHeading, wholeLabel, rows, emptyText }: BreakdownTableProps) {
  const whole = rows.reduce((sum, row) => sum + row.count, 0);
  const table = { name: title, header: [rowHeading, 'Quotes', `Share ${wholeLabel}`], rows: rows.map((row) => [row.label, row.count, shareNumber(row.count, whole)]) };
  return (
    <section className="audit-breakdown" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="audit-section-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {rows.length > 0 && <CsvButton table={table} label={title} />}
      </div>
      {rows.length === 0 ? (
        <p className="empty-hint">{emptyText}</p>
      ) : (
        <table className="audit-table" aria-labelledby={`${id}-title`} onKeyDown={moveBetweenRows}>
          <thead>
            <tr>
              <th scope="col">{rowHeading}</th>
              <th scope="col" className="number">Quotes</th>
              <th scope="col" className="number">Share {wholeLabel}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">
                  {row.entityId ? (
                    <button type="button" className="link-button" onClick={() => navigate({ name: 'entity', entityId: row.entityId! })}>
                      {row.label}
                    </button>
                  ) : (
                    row.label
                  )}
                </th>
                <td className="number">{formatCount(row.count)}</td>
                <td className="number">{formatShare(row.count, whole)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
