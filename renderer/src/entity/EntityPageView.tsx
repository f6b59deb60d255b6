import { useEffect, useState } from 'react';
import type { AnnotatorApi, ApiOutput } from '../../../common/api';
import { navigate } from '../navigation/route';
import { countOf } from '../ui/plural';
import { CoMentionedEntities } from './CoMentionedEntities';
import { EntityHeader } from './EntityHeader';
import { EntityMentions } from './EntityMentions';
import { EntityQuotes } from './EntityQuotes';
import { MentionTimelineChart } from './MentionTimelineChart';

type EntityPage = ApiOutput<'getEntityPage'>;

/**
 * One registry entity across the desk: its names and ids, every mention with its sentence, what it is quoted
 * as saying, the entities mentioned with it and a timeline of its mentions. Every row leads on: to the article
 * at the tag, or to another entity's page.
 */
export function EntityPageView({ api, entityId }: { api: AnnotatorApi; entityId: string }) {
  const [page, setPage] = useState<EntityPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    setPage(null);
    setError(null);
    api.getEntityPage({ id: entityId }).then(
      (loaded) => !stale && setPage(loaded),
      (failure: Error) => !stale && setError(failure.message),
    );
    return () => {
      stale = true;
    };
  }, [api, entityId]);

  if (error) {
    return (
      <section className="entity-page" aria-label="Entity page">
        <p className="error" role="alert">
          This entity page cannot be shown: {error}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'registry' })}>
            Go to the registry
          </button>
        </p>
      </section>
    );
  }
  // The lists load beside the summary rather than after it, so the page's requests go out together.
  return (
    <section className="entity-page" aria-label={page ? `Entity page: ${page.entity.name}` : 'Entity page'} aria-busy={page ? undefined : 'true'}>
      {page ? (
        <>
          <EntityHeader api={api} entity={page.entity} />
          <p className="entity-summary" role="status">
            {countOf(page.mentions, 'mention')} in {countOf(page.mentionArticles, 'article')} · quoted {countOf(page.quotes, 'time')} in {countOf(page.quoteArticles, 'article')}
            {page.suggestedMentions + page.suggestedQuotes > 0 && ` · ${countOf(page.suggestedMentions + page.suggestedQuotes, 'suggestion')} waiting, not counted`}
          </p>
        </>
      ) : (
        <p aria-live="polite">Loading the entity page…</p>
      )}
      <div className="entity-page-columns">
        <div>
          <EntityMentions api={api} entityId={entityId} />
          <EntityQuotes api={api} entityId={entityId} suggested={page?.suggestedQuotes ?? 0} />
        </div>
        {page && (
          <div>
            <MentionTimelineChart timeline={page.timeline} />
            <CoMentionedEntities entities={page.coMentioned} total={page.coMentionedTotal} />
          </div>
        )}
      </div>
    </section>
  );
}
