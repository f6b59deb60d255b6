import { useCallback } from 'react';
import type { AnnotatorApi } from '../../../common/api';
import type { EntityPageMention } from '../../../common/entityPage';
import { navigate } from '../navigation/route';
import { countOf } from '../ui/plural';
import { formatArticleDate } from './articleDate';
import { Pager } from './Pager';
import { usePagedRows } from './usePagedRows';

const pageSize = 50;

function SentenceWithMention({ mention }: { mention: EntityPageMention }) {
  const at = mention.sentence.indexOf(mention.text);
  if (!mention.sentence) return <span className="muted">“{mention.text}” (its words were deleted)</span>;
  if (at < 0) return <>{mention.sentence}</>;
  return (
    <>
      {mention.sentence.slice(0, at)}
      <mark>{mention.text}</mark>
      {mention.sentence.slice(at + mention.text.length)}
    </>
  );
}

/** Every article that mentions the entity, newest first, each mention in its sentence; a mention opens the article at it. */
export function EntityMentions({ api, entityId }: { api: AnnotatorApi; entityId: string }) {
  const load = useCallback((offset: number) => api.listEntityMentions({ id: entityId, offset, limit: pageSize }), [api, entityId]);
  const { page, error, offset, setOffset } = usePagedRows(load);
  const groups: EntityPageMention[][] = [];
  for (const mention of page?.rows ?? []) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.articleId === mention.articleId) last.push(mention);
    else groups.push([mention]);
  }
  return (
    <section className="entity-section" aria-labelledby="entity-mentions-heading">
      <h2 id="entity-mentions-heading">
        Mentions {page && <span className="section-count">{countOf(page.total, 'mention')} in {countOf(page.articles, 'article')}</span>}
      </h2>
      {error && (
        <p className="error" role="alert">
          Could not load the mentions: {error}
        </p>
      )}
      {!page && !error && <p aria-live="polite">Loading mentions…</p>}
      {page && page.total === 0 && <p className="empty-hint">No article mentions this entity yet: tag its name in an article and link the tag to the registry.</p>}
      {groups.map((mentions) => (
        <div key={`${mentions[0]!.articleId}:${mentions[0]!.annotationId}`} className="mention-article">
          <h3>
            {mentions[0]!.articleTitle}{' '}
            <span className="mention-count">
              {formatArticleDate(mentions[0]!.articleDate)} · {countOf(mentions[0]!.articleMentions, 'mention')}
            </span>
          </h3>
          <ul>
            {mentions.map((mention) => (
              <li key={mention.annotationId}>
                <button
                  type="button"
                  className="link-button mention-sentence"
                  onClick={() => navigate({ name: 'editor', articleId: mention.articleId, focusAnnotationId: mention.annotationId })}
                >
                  <SentenceWithMention mention={mention} />
                </button>
                {mention.status === 'needs_review' && <span className="badge review">Needs review</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {page && <Pager noun={['mention', 'mentions']} offset={offset} shown={page.rows.length} total={page.total} pageSize={pageSize} onOffset={setOffset} />}
    </section>
  );
}
