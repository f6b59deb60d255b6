import type { EntityDetail, EntityMention } from '../../common/api';
import { sentenceAround, sentenceStarts } from '../../common/sentences';
import type { Store } from '../store/index';
import { entityNotFound } from './entityRegistry';

/**
 * An entity with every mention of it across the desk's articles, each with the sentence that holds it.
 * Two queries whatever the number of articles (the mentions with the text of their blocks, then each mentioning
 * article once). Sentences never cross a block break, so each mention's sentence is found in its own block's
 * text rather than the whole article's. Mentions are the entity-mention annotations only, as in listEntities'
 * counts: an attribution quoting the entity is not a mention of it.
 */
export function entityDetail(store: Store, id: string): EntityDetail {
  return store.read(() => {
    const entity = store.entities.findWithCounts(id);
    if (!entity) throw entityNotFound();
    const titles = new Map(store.entities.mentioningArticles(id).map((article) => [article.id, article.title]));
    const mentions = store.entities.mentions(id).map(
      (mention): EntityMention => ({
        articleId: mention.articleId,
        articleTitle: titles.get(mention.articleId)!,
        annotationId: mention.annotationId,
        text: mention.quote,
        sentence: mention.block ? sentenceAround(mention.block.text, sentenceStarts(mention.block.text), mention.start - mention.block.start, mention.end - mention.block.start) : '',
        start: mention.start,
        status: mention.status,
      }),
    );
    return { ...entity, mentions };
  });
}
