import { useEffect, useMemo, useState } from 'react';
import type { AnnotatorApi, ArticleSelection, SourcingAudit } from '../../../common/api';
import { navigate } from '../navigation/route';
import { SelectionBanner } from '../navigation/SelectionBanner';
import { AuditTabs, auditTabOf, type AuditTab } from './AuditTabs';
import { AuditSummary } from './AuditSummary';
import { AuditCharts } from './AuditCharts';
import { SpeakerTable } from './SpeakerTable';
import { BreakdownTable } from './BreakdownTable';
import { ArticleListTable } from './ArticleListTable';

interface AuditViewProps {
  api: AnnotatorApi;
  selection: ArticleSelection;
  view: Record<string, string>;
}

type AuditState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; audit: SourcingAudit };

/** The desk's sourcing audit over every article or the library's selection, in tabs kept in the URL. */
export function AuditView({ api, selection, view }: AuditViewProps) {
  const [state, setState] = useState<AuditState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const tab = auditTabOf(view);
  // A new route object comes with every change of the URL (a tab chosen); the audit is computed again only when the
  // selection itself changes.
  const selectionKey = JSON.stringify(selection);
  const stableSelection = useMemo(() => JSON.parse(selectionKey) as ArticleSelection, [selectionKey]);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    api.sourcingAudit({ selection: stableSelection }).then(
      (audit) => current && setState({ status: 'ready', audit }),
      (error: Error) => current && setState({ status: 'failed', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [api, stableSelection, attempt]);
  const chooseTab = (next: AuditTab) => navigate({ name: 'audit', selection, view: { ...view, tab: next } }, 'replace');
  return (
    <main className="audit-view" aria-labelledby="audit-title">
      <h2 id="audit-title">Sourcing audit</h2>
      <SelectionBanner api={api} selection={selection} view="audit" />
      {state.status === 'loading' && (
        <p className="empty-hint" role="status">
          Counting who these articles quote…
        </p>
      )}
      {state.status === 'failed' && (
        <p className="error" role="alert">
          The audit could not be computed: {state.message}{' '}
          <button type="button" onClick={() => setAttempt((count) => count + 1)}>
            Try again
          </button>
        </p>
      )}
      {state.status === 'ready' && (
        <AuditTabs tab={tab} onChoose={chooseTab}>
          <AuditTabContent audit={state.audit} tab={tab} />
        </AuditTabs>
      )}
    </main>
  );
}

function AuditTabContent({ audit, tab }: { audit: SourcingAudit; tab: AuditTab }) {
  if (audit.articleCount === 0) return <p className="empty-hint">No articles are selected. Choose “Every article” above, or change the selection in the library.</p>;
  switch (tab) {
    case 'overview':
      return (
        <>
          <AuditSummary audit={audit} />
          {audit.totals.attributions === 0 ? (
            <p className="empty-hint">No attributions are tagged in these articles yet: tag who said what in the editor (the Attribution button), and the audit fills in.</p>
          ) : (
            <AuditCharts audit={audit} />
          )}
        </>
      );
    case 'speakers':
      return (
        <>
          <SpeakerTable audit={audit} />
          <div className="audit-breakdowns">
            <BreakdownTable id="audit-types" title="People and organisations" rowHeading="Kind of speaker" wholeLabel="of named quotes" rows={audit.speakerTypes} emptyText="No named sources are quoted." />
            <BreakdownTable id="audit-roles" title="By source role" rowHeading="Source role" wholeLabel="of named quotes" rows={audit.roles} emptyText="No named sources are quoted. Give registry persons and organisations a source role in the registry." />
            <BreakdownTable id="audit-genders" title="By self-described gender" rowHeading="Gender, as self-described" wholeLabel="of quotes of persons" rows={audit.genders} emptyText="No registry persons are quoted." />
          </div>
        </>
      );
    case 'media':
      return (
        <div className="audit-breakdowns">
          <BreakdownTable id="audit-media" title="Through which medium" rowHeading="Medium" wholeLabel="of quotes" rows={audit.media} emptyText="No quotes." />
          <BreakdownTable id="audit-reasons" title="Reasons given for anonymity" rowHeading="Reason" wholeLabel="of anonymous quotes" rows={audit.anonymityReasons} emptyText="No anonymous sources are quoted." />
        </div>
      );
    case 'articles':
      return (
        <>
          <ArticleListTable
            id="audit-single-source"
            title="Articles resting on a single source"
            explanation="Every quote with a speaker comes from the same source."
            list={audit.singleSource}
            emptyText="No article rests on a single source."
          />
          <ArticleListTable
            id="audit-anonymous-heavy"
            title="Articles where anonymous sources outnumber named ones"
            explanation="More anonymous quotes than named ones."
            list={audit.anonymousOutnumberNamed}
            emptyText="In no article do anonymous quotes outnumber named ones."
          />
        </>
      );
  }
}
