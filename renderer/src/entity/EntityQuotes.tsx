import { useCallback } from 'react';
import type { AnnotatorApi } from '../../../common/api';
import { navigate } from '../navigation/route';
import { countOf } from '../ui/plural';
import { formatArticleDate } from './articleDate';
import { Pager } from './Pager';
import { usePagedRows } from './usePagedRows';

const pageSize = 50;
const modeLabels = { direct: 'Direct', indirect: 'Indirect', partial: 'Partial' } as const;

/** Everything the entity is quoted as saying across the desk: one row per attribution, opening the article at the tag. */
export function EntityQuotes({ api, entityId, suggested }: { api: AnnotatorApi; entityId: string; suggested: number }) {
  const load = useCallback((offset: number) => api.listEntityQuotes({ id: entityId, offset, limit: pageSize }), [api, entityId]);
  const { page, error, offset, setOffset } = usePagedRows(load);
  return (
    <section className="entity-section" aria-labelledby="entity-quotes-heading">
      <h2 id="entity-quotes-heading">
        Quoted as saying{' '}
        {page && (
          <span className="section-count">
            {countOf(page.total, 'quote')} in {countOf(page.articles, 'article')}
            {suggested > 0 && ` · ${countOf(suggested, 'suggestion')} waiting`}
          </span>
        )}
      </h2>
      {error && (
        <p className="error" role="alert">
          Could not load the quotes: {error}
        </p>
      )}
      {!page && !error && <p aria-live="polite">Loading quotes…</p>}
      {page && page.total === 0 && <p className="empty-hint">No attribution names this entity as its speaker. Set the speaker of a quote in an article to see it here.</p>}
      {page && page.rows.length > 0 && (
        <table className="desk-table entity-quotes">
          <thead>
            <tr>
              <th scope="col">Words</th>
              <th scope="col">Mode</th>
              <th scope="col">Medium</th>
              <th scope="col">Article</th>
              <th scope="col">Date</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((quote) => (
              <tr key={`${quote.articleId}:${quote.annotationId}`}>
                <td>
                  <button type="button" className="link-button quote-words" onClick={() => navigate({ name: 'editor', articleId: quote.articleId, focusAnnotationId: quote.annotationId })}>
                    {quote.mode === 'direct' ? `“${quote.words}”` : quote.words}
                  </button>
                  {quote.status === 'needs_review' && <span className="badge review">Needs review</span>}
                </td>
                <td>{modeLabels[quote.mode] ?? quote.mode}</td>
                <td>
                  {quote.mediumEntityId ? (
                    <button type="button" className="link-button" onClick={() => navigate({ name: 'entity', entityId: quote.mediumEntityId! })}>
                      {quote.medium}
                    </button>
                  ) : (
                    quote.medium || <span className="muted">None given</span>
                  )}
                </td>
                <td>{quote.articleTitle}</td>
                <td className="nowrap">{formatArticleDate(quote.articleDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && <Pager noun={['quote', 'quotes']} offset={offset} shown={page.rows.length} total={page.total} pageSize={pageSize} onOffset={setOffset} />}
    </section>
  );
}
