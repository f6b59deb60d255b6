import { existsSync } from 'node:fs';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema } from '../../common/schema';
import { taggedInlineContent, type TextSpanMark } from '../../common/model/taggedText';
import { emptyFigureFields, type Annotation, type AnnotationMap, type AnnotationStatus } from '../../common/model/annotation';
import type { EntityRecord } from '../../common/api';
import { createArticle } from '../../main/services/articleWriter';
import { openServices, type AppServices } from '../../main/services/index';
import { createStore } from '../../main/store/index';

/**
 * A desk at the scale issue 10 names, for timing the entity page and the review queue: 10,000 articles of 800
 * words with 30 tags each (18 mentions, 6 figures, 6 attributions; 2 needing review and 3 suggestions in each)
 * over a registry of 20,000 entities. Entity `ent_hot` is mentioned once in every fifth article (2,000 mentions)
 * and quoted in every twentieth (500 quotes). Articles are spread over a year of import dates.
 */
export const hotEntityId = 'ent_hot';

const vocabulary = 'the regime forces opposition negotiators committee delegation reported on town province agreement talks civilians militants evacuation corridor statement observers said ministry officials spokesman convoy ceasefire humanitarian aid residents district council agency'.split(' ');

function statusOf(tag: number): AnnotationStatus {
  return tag % 15 === 7 ? 'needs_review' : tag % 10 === 3 ? 'suggested' : 'accepted';
}

function article(index: number, entities: readonly EntityRecord[], now: string): ProseMirrorNode {
  const records: AnnotationMap = {};
  const paragraphs: ProseMirrorNode[] = [];
  let tag = 0;
  for (let paragraph = 0; paragraph < 16; paragraph++) {
    let text = '';
    const spans: TextSpanMark[] = [];
    for (let word = 0; word < 50; word++) {
      const at = paragraph * 50 + word;
      let piece = vocabulary[(at * 7 + index) % vocabulary.length]!;
      // 30 tags per article: two in most paragraphs, at words 10 and 30.
      const tagged = (word === 10 || word === 30) && tag < 30;
      let record: Annotation | null = null;
      const id = `t${tag}`;
      const base = { id, status: statusOf(tag), author: statusOf(tag) === 'suggested' ? 'suggestions' : `editor${index % 4}`, createdAt: now, updatedAt: now, note: '' };
      if (tagged) {
        const kindPick = tag % 5;
        if (kindPick < 3) {
          const entity = tag === 0 && index % 5 === 0 ? entities[0]! : entities[(index * 31 + tag * 17) % (tag < 6 ? 200 : entities.length)]!;
          piece = entity.name;
          record = { ...base, status: tag === 0 ? 'accepted' : base.status, kind: 'entity', quote: piece, entityType: entity.type, entityId: entity.id };
        } else if (kindPick === 3) {
          piece = `${100 + index + tag}`;
          record = { ...base, kind: 'figure', quote: piece, figure: { ...emptyFigureFields(), figureKind: 'count', value: { type: 'number', value: 100 + index + tag } } };
        } else {
          piece = 'officials said the convoy left';
          const speaker = tag === 4 && index % 20 === 0 ? entities[0]! : entities[(index + tag) % entities.length]!;
          record = { ...base, status: tag === 4 ? 'accepted' : base.status, kind: 'attribution', quote: piece, mode: 'indirect', speaker: { type: 'entity', entityId: speaker.id, name: speaker.name, mentionId: null }, medium: 'AFP', mediumEntityId: null };
        }
        records[id] = record;
        tag++;
      }
      const start = text.length + (text ? 1 : 0);
      text += (text ? ' ' : '') + piece;
      if (record) spans.push({ start, end: text.length, annotationId: record.id, part: 'content' });
    }
    paragraphs.push(articleSchema.node('paragraph', null, taggedInlineContent(`${text}.`, spans, records)));
  }
  const headline = articleSchema.node('headline', null, [articleSchema.text(`Desk story ${index + 1}`)]);
  return articleSchema.node('doc', { annotations: records }, [headline, ...paragraphs]);
}

/** Opens the desk at `databasePath`, generating it first when the file does not exist. */
export function openEntityDesk(databasePath: string, articles = 10_000, registry = 20_000): AppServices {
  const fresh = !existsSync(databasePath);
  const services = openServices({ databasePath, userName: 'bench' });
  if (!fresh) return services;
  const store = createStore(services.db);
  const now = '2025-01-01T00:00:00.000Z';
  const types = ['person', 'organisation', 'place'] as const;
  const entities: EntityRecord[] = [];
  store.transaction(() => {
    for (let index = 0; index < registry; index++) {
      const entity: EntityRecord = { id: index === 0 ? hotEntityId : `ent_${index}`, name: index === 0 ? 'Amal Haddad' : `Entity ${index}`, type: types[index % 3]!, aliases: [], externalIds: {}, description: '', createdAt: now, updatedAt: now };
      store.entities.insert(entity);
      entities.push(entity);
    }
  });
  const started = performance.now();
  for (let index = 0; index < articles; index += 100) {
    store.transaction(() => {
      for (let one = index; one < Math.min(articles, index + 100); one++) {
        const createdAt = new Date(Date.parse(now) + (one % 365) * 86_400_000 + one * 1000).toISOString();
        createArticle(store, { doc: article(one, entities, createdAt), source: 'desk bench' }, createdAt);
      }
    });
    if (index % 1000 === 0) console.error(`generated ${index} articles in ${Math.round(performance.now() - started)} ms`);
  }
  return services;
}
