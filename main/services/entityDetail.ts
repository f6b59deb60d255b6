import type { EntityDetail, EntityMention } from '../../common/api';
import { sentenceAround, sentenceStarts } from '../../common/sentences';
import type { Store } from '../store/index';
import { entityNotFound } from './entityRegistry';

/**
 * An entity with every mention of it across the desk's articles, each with the sentence that holds it.
 * Two queries whatever the number of articles (the mentions, then each mentioning article once), and each
 * article's sentences are found once however many mentions it holds. Mentions are the entity-mention
 * annotations only, as in listEntities' counts: an attribution quoting the entity is not a mention of it.
 */
export function entityDetail(store: Store, id: string): EntityDetail {
  return store.read(() => {
    const entity = store.entities.findWithCounts(id);
    if (!entity) throw entityNotFound();
    const articles = new Map(store.entities.mentioningArticles(id).map((article) => [article.id, { ...article, starts: null as number[] | null }]));
    const mentions = store.entities.mentions(id).map((mention): EntityMention => {
      const article = articles.get(mention.articleId)!;
      article.starts ??= sentenceStarts(article.plainText);
      return {
        articleId: mention.articleId,
        articleTitle: article.title,
        annotationId: mention.annotationId,
        text: mention.quote,
        sentence: sentenceAround(article.plainText, article.starts, mention.start, mention.end),
        start: mention.start,
        status: mention.status,
      };
    });
    return { ...entity, mentions };
  });
}
