import type { AnnotationStatus, AttributionAnnotation, AttributionMode, AttributionSpeaker } from '../../common/model/annotation';
import type { EntityRecord } from '../../common/api';
import type { ArticleSelection } from '../../common/articleSelection';
import type { SourcingAudit } from '../../common/model/sourcingAudit';
import { parseArticleDocument } from '../../common/articleText';
import { articleSchema } from '../../common/schema';
import { createArticle } from '../../main/services/articleWriter';
import type { AppServices } from '../../main/services/index';
import { taggedBlock } from '../../main/services/taggedBlock';
import { createStore } from '../../main/store/index';

/**
 * A small desk whose sourcing can be counted by hand, seeded through the real services: five articles, one in the
 * trash, registry entities with roles and self-described genders. The counts the tests expect are worked out in
 * the comments of tests/integration/sourcingAudit.test.ts from exactly this list.
 */

/** One attribution of a seeded article: who, how, through what, and whether it is only a suggestion. */
export interface SeededQuote {
  speaker: 'none' | { entity: string } | { unregistered: string } | { anonymous: string; reason?: string };
  mode: AttributionMode;
  medium?: string | { entity: string };
  status?: AnnotationStatus;
}

/** The registry of the seeded desk: key -> entity as created. */
export type SeededEntities = Record<'ortiz' | 'trust' | 'reed' | 'afp', EntityRecord>;

/** The ids of the seeded desk's articles, by letter. */
export type SeededArticles = Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string>;

const quotesByArticle: Record<keyof SeededArticles, { title: string; createdAt: string; quotes: SeededQuote[] }> = {
  A: {
    title: 'Harbour walls to be rebuilt',
    createdAt: '2024-01-15T09:00:00.000Z',
    quotes: [
      { speaker: { entity: 'ortiz' }, mode: 'direct', medium: { entity: 'afp' } },
      { speaker: { entity: 'ortiz' }, mode: 'indirect' },
      { speaker: { anonymous: 'a negotiator', reason: 'not authorised to speak' }, mode: 'partial' },
      { speaker: { anonymous: 'The  negotiator', reason: 'not authorised to speak' }, mode: 'direct', medium: 'Reuters' },
      { speaker: { entity: 'reed' }, mode: 'direct', status: 'suggested' },
    ],
  },
  B: {
    title: 'Trust confirms grant',
    createdAt: '2024-02-03T09:00:00.000Z',
    quotes: [
      { speaker: { entity: 'trust' }, mode: 'indirect', medium: 'reuters' },
      { speaker: { entity: 'trust' }, mode: 'direct', status: 'needs_review' },
    ],
  },
  C: {
    title: 'Residents fear the works',
    createdAt: '2024-02-20T09:00:00.000Z',
    quotes: [
      { speaker: { anonymous: 'a resident' }, mode: 'direct' },
      { speaker: { anonymous: 'an official', reason: 'fear of reprisal' }, mode: 'indirect' },
      { speaker: { entity: 'reed' }, mode: 'direct' },
      { speaker: 'none', mode: 'direct' },
    ],
  },
  D: {
    title: 'A letter from Jo Bloggs',
    createdAt: '2024-02-25T09:00:00.000Z',
    quotes: [{ speaker: { unregistered: 'Jo Bloggs' }, mode: 'partial' }],
  },
  E: { title: 'Tide tables for March', createdAt: '2024-03-01T09:00:00.000Z', quotes: [] },
  F: {
    title: 'Withdrawn story',
    createdAt: '2024-03-02T09:00:00.000Z',
    quotes: [{ speaker: { entity: 'ortiz' }, mode: 'direct' }],
  },
};

function speakerOf(quote: SeededQuote, entities: SeededEntities): AttributionSpeaker | null {
  const speaker = quote.speaker;
  if (speaker === 'none') return null;
  if ('entity' in speaker) {
    const entity = entities[speaker.entity as keyof SeededEntities];
    return { type: 'entity', entityId: entity.id, name: entity.name, mentionId: null };
  }
  if ('unregistered' in speaker) return { type: 'entity', entityId: null, name: speaker.unregistered, mentionId: null };
  return { type: 'anonymous', description: speaker.anonymous, anonymityReason: speaker.reason ?? '' };
}

/** Seeds the desk: the registry (with roles and genders) and the six articles, F moved to the trash. */
export async function seedSourcingDesk(services: AppServices): Promise<{ entities: SeededEntities; articles: SeededArticles }> {
  const { handlers } = services;
  const entities: SeededEntities = {
    ortiz: await handlers.createEntity({ name: 'Lena Ortiz', type: 'person', sourceRole: 'official', selfDescribedGender: 'woman' }),
    trust: await handlers.createEntity({ name: 'Port Ellen Harbour Trust', type: 'organisation', sourceRole: 'agency' }),
    reed: await handlers.createEntity({ name: 'Sam Reed', type: 'person', sourceRole: 'expert' }),
    afp: await handlers.createEntity({ name: 'Agence France-Presse', type: 'organisation' }),
  };
  const store = createStore(services.db);
  const articles = {} as SeededArticles;
  for (const [letter, article] of Object.entries(quotesByArticle) as [keyof SeededArticles, (typeof quotesByArticle)['A']][]) {
    const records: Record<string, AttributionAnnotation> = {};
    const sentences: string[] = [];
    article.quotes.forEach((quote, index) => {
      const words = `Quote ${letter}${index + 1} was said here`;
      sentences.push(`"${words}."`);
      const medium = quote.medium;
      records[`q${letter}${index + 1}`] = {
        id: `q${letter}${index + 1}`,
        kind: 'attribution',
        status: quote.status ?? 'accepted',
        author: 'tester',
        createdAt: article.createdAt,
        updatedAt: article.createdAt,
        note: '',
        quote: words,
        mode: quote.mode,
        speaker: speakerOf(quote, entities),
        medium: typeof medium === 'string' ? medium : medium ? entities[medium.entity as keyof SeededEntities].name : '',
        mediumEntityId: typeof medium === 'object' ? entities[medium.entity as keyof SeededEntities].id : null,
      };
    });
    const paragraph = sentences.join(' ') || 'No one is quoted in this article.';
    const blocks = [
      taggedBlock('headline', article.title, [], records),
      taggedBlock('paragraph', paragraph, Object.values(records).map((record) => ({ id: record.id, text: record.quote })), records),
    ];
    const doc = articleSchema.node('doc', { annotations: records }, blocks).toJSON() as Record<string, unknown>;
    articles[letter] = createArticle(store, { doc: parseArticleDocument(doc), source: 'sourcing desk' }, article.createdAt).id;
  }
  await handlers.setArticleStatus({ id: articles.B, status: 'done' });
  await handlers.setArticleStatus({ id: articles.D, status: 'done' });
  await handlers.deleteArticle({ id: articles.F });
  return { entities, articles };
}

/** The sourcing audit of the articles `selection` names, as the desk's view asks for it. */
export function sourcingAuditOf(services: AppServices, selection: ArticleSelection = {}): Promise<SourcingAudit> {
  return Promise.resolve(services.handlers.sourcingAudit({ selection }));
}

/** An audit breakdown's rows as label → count, for comparing with counts made by hand. */
export function countsByLabel(rows: readonly { label: string; count: number }[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.label, row.count]));
}
