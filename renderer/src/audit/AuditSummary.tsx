import type { SourcingAudit } from '../../../common/model/sourcingAudit';
import { formatCount, formatShare } from './auditFormat';
import { CsvButton } from './CsvButton';

/** The audit's totals as label, count and share rows, shared by the summary on screen and its CSV. */
function summaryRows(audit: SourcingAudit): { label: string; count: number; whole: number }[] {
  const { totals } = audit;
  const spoken = totals.named + totals.anonymous;
  return [
    { label: 'Quotes (attributions)', count: totals.attributions, whole: totals.attributions },
    { label: 'Named sources', count: totals.named, whole: spoken },
    { label: 'Anonymous sources', count: totals.anonymous, whole: spoken },
    { label: 'Without a speaker yet', count: totals.unattributed, whole: totals.attributions },
    { label: 'Direct quotes', count: totals.modes.direct, whole: totals.attributions },
    { label: 'Indirect quotes', count: totals.modes.indirect, whole: totals.attributions },
    { label: 'Partial quotes', count: totals.modes.partial, whole: totals.attributions },
  ];
}

/** The audit at a glance: quotes named and anonymous, by mode, as counts and shares, and suggestions still waiting. */
export function AuditSummary({ audit }: { audit: SourcingAudit }) {
  const rows = summaryRows(audit);
  return (
    <section className="audit-summary" aria-labelledby="audit-summary-title" data-testid="audit-summary">
      <div className="audit-section-head">
        <h3 id="audit-summary-title">At a glance</h3>
        <CsvButton table={{ name: 'Sourcing at a glance', header: ['Measure', 'Count', 'Of'], rows: rows.map((row) => [row.label, row.count, row.whole]) }} label="At a glance" />
      </div>
      <p className="muted">
        {formatCount(audit.articleCount)} articles, {formatCount(audit.articlesWithQuotes)} of them quoting someone. Named and anonymous shares are of quotes with a speaker; the others of all quotes.
      </p>
      <dl className="audit-totals">
        {rows.map((row) => (
          <div key={row.label} className="audit-total" data-label={row.label}>
            <dt>{row.label}</dt>
            <dd>
              <span className="audit-total-count">{formatCount(row.count)}</span>
              {row.label !== 'Quotes (attributions)' && <span className="audit-total-share">{formatShare(row.count, row.whole)}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <p className="audit-waiting" data-testid="audit-waiting">
        {audit.suggestionsWaiting === 0
          ? 'No attribution suggestions are waiting in these articles.'
          : `${formatCount(audit.suggestionsWaiting)} attribution ${audit.suggestionsWaiting === 1 ? 'suggestion is' : 'suggestions are'} still waiting in these articles and not counted here: accept or reject them in the editor or the review queue.`}
      </p>
    </section>
  );
}
