import type { EntityMention } from '../../../common/api';
import { countOf } from '../ui/plural';

interface MentionListProps {
  mentions: EntityMention[];
  onOpen: (articleId: string, annotationId: string) => void;
}

/** Every mention of an entity, grouped by article, each in its sentence; choosing one opens it in the editor. */
export function MentionList({ mentions, onOpen }: MentionListProps) {
  const byArticle = new Map<string, EntityMention[]>();
  for (const mention of mentions) byArticle.set(mention.articleId, [...(byArticle.get(mention.articleId) ?? []), mention]);
  return (
    <section className="mention-list" aria-label="Mentions">
      <h3>
        Mentions{mentions.length > 0 && <span className="mention-count">{countOf(byArticle.size, 'article')} · {countOf(mentions.length, 'mention')}</span>}
      </h3>
      {mentions.length === 0 && <p className="empty-hint">No mentions in any article.</p>}
      {[...byArticle.entries()].map(([articleId, articleMentions]) => (
        <div key={articleId} className="mention-article">
          <h4>
            {articleMentions[0]!.articleTitle} <span className="mention-count">{countOf(articleMentions.length, 'mention')}</span>
          </h4>
          <ul>
            {articleMentions.map((mention) => {
              const at = mention.sentence.indexOf(mention.text);
              return (
                <li key={mention.annotationId}>
                  <button type="button" className="link-button mention-sentence" onClick={() => onOpen(mention.articleId, mention.annotationId)}>
                    {at >= 0 ? (
                      <>
                        {mention.sentence.slice(0, at)}
                        <mark>{mention.text}</mark>
                        {mention.sentence.slice(at + mention.text.length)}
                      </>
                    ) : (
                      mention.sentence || mention.text
                    )}
                  </button>
                  {mention.status === 'needs_review' && <span className="badge review">Needs review</span>}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
