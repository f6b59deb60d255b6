import { useState } from 'react';
import type { AuditSpeakerRow, SourcingAudit } from '../../../common/model/sourcingAudit';
import { labels } from '../../../common/model/annotation';
import { navigate } from '../navigation/route';
import { formatCount, formatShare, shareNumber } from './auditFormat';
import { CsvButton } from './CsvButton';
import { moveBetweenRows } from './rowKeys';

const pageSize = 25;

function openSpeaker(row: AuditSpeakerRow): void {
  if (row.entityId) navigate({ name: 'entity', entityId: row.entityId });
  else navigate({ name: 'editor', articleId: row.quotingArticleId });
}

/** Who is quoted and how often: every speaker, most quoted first, a page at a time; a row opens the entity page. */
export function SpeakerTable({ audit }: { audit: SourcingAudit }) {
  const [shown, setShown] = useState(pageSize);
  const whole = audit.totals.named + audit.totals.anonymous;
  const rows = audit.speakers.slice(0, shown);
  const table = {
    name: 'Who is quoted',
    header: ['Speaker', 'Named or anonymous', 'Registry type', 'Source role', 'Quotes', 'Share of quotes with a speaker', 'Articles', 'Direct', 'Indirect', 'Partial'],
    rows: audit.speakers.map((row) => [
      row.name,
      row.speakerType,
      row.entityType ?? '',
      row.roleLabel ?? '',
      row.count,
      shareNumber(row.count, whole),
      row.articleCount,
      row.modes.direct,
      row.modes.indirect,
      row.modes.partial,
    ]),
  };
  if (audit.speakers.length === 0) return <p className="empty-hint">No one is quoted in these articles yet. Tag attributions in the editor, or widen the selection.</p>;
  return (
    <section aria-labelledby="audit-speakers-title" data-testid="audit-speakers">
      <div className="audit-section-head">
        <h3 id="audit-speakers-title">Who is quoted</h3>
        <CsvButton table={table} label="Who is quoted" />
      </div>
      <p className="muted">
        {formatCount(audit.speakerCount)} speakers. A named speaker opens its entity page; an anonymous source or a name not in the registry opens an article quoting it.
        {audit.speakerCount > audit.speakers.length && ` The ${formatCount(audit.speakers.length)} most quoted are listed.`}
      </p>
      <table className="audit-table" aria-labelledby="audit-speakers-title" onKeyDown={moveBetweenRows}>
        <thead>
          <tr>
            <th scope="col">Speaker</th>
            <th scope="col">Kind</th>
            <th scope="col">Role</th>
            <th scope="col" className="number">Quotes</th>
            <th scope="col" className="number">Share</th>
            <th scope="col" className="number">Articles</th>
            <th scope="col">Direct · indirect · partial</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-speaker-type={row.speakerType}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => openSpeaker(row)}>
                  {row.speakerType === 'anonymous' ? `Anonymous: ${row.name}` : row.name}
                </button>
              </th>
              <td>{row.speakerType === 'anonymous' ? 'Anonymous' : row.entityType ? labels[row.entityType] : 'Not in the registry'}</td>
              <td>{row.roleLabel ?? <span className="muted">–</span>}</td>
              <td className="number">{formatCount(row.count)}</td>
              <td className="number">{formatShare(row.count, whole)}</td>
              <td className="number">{formatCount(row.articleCount)}</td>
              <td>
                {formatCount(row.modes.direct)} · {formatCount(row.modes.indirect)} · {formatCount(row.modes.partial)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {audit.speakers.length > shown && (
        <button type="button" onClick={() => setShown((count) => count + pageSize)}>
          Show {Math.min(pageSize, audit.speakers.length - shown)} more of {formatCount(audit.speakers.length - shown)}
        </button>
      )}
    </section>
  );
}
