import type { AnnotationMap, AttributionAnnotation, EntityAnnotation, FigureAnnotation } from '../../common/model/annotation';
import { parseArticleDocument } from '../../common/articleText';
import type { ArticleSummary, EntityRecord } from '../../common/api';
import type { AppServices } from '../../main/services/index';
import { createArticle } from '../../main/services/articleWriter';
import { createStore } from '../../main/store/index';
import { articleJson, type TestBlock } from '../integration/storeFixtures';

/**
 * A small desk whose entity page and review queue can be counted by hand (see the comments), shared by the
 * integration and end-to-end tests of those views.
 *
 * Registry: Lena Ortiz (person), Port Ellen Harbour Trust (organisation), Islay (place), AFP (organisation).
 * - Harbour (imported 2026-01-05): Lena Ortiz m1, the Trust m2, Lena quoted indirectly through AFP (entity) q1,
 *   a figure f1 suggested.
 * - Visit (2026-01-20): Ortiz m3 and Islay m4 in one paragraph; Lena Ortiz m5 needing review (words changed) and
 *   Lena quoted directly through "AFP" typed as text q2 in the next.
 * - Council (2026-03-02): Islay m7; Lena Ortiz m6 only suggested; a figure f2 needing review (figure changed).
 * - Trashed (2026-01-10, in the trash): Lena Ortiz m8, counted nowhere.
 * Lena: 3 mentions in 2 articles, 1 suggestion waiting, 2 quotes in 2 articles; mentioned with Islay and the Trust
 * (1 article each). Queue: 2 needing review (m5, f2) and 2 suggestions (f1, m6) in 3 articles.
 */
export interface EntityDesk {
  lena: EntityRecord;
  trust: EntityRecord;
  islay: EntityRecord;
  afp: EntityRecord;
  harbour: ArticleSummary;
  visit: ArticleSummary;
  council: ArticleSummary;
}

const stamp = { author: 'desk editor', createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', note: '' };

function mention(id: string, quote: string, entity: EntityRecord, status: EntityAnnotation['status'] = 'accepted', review?: EntityAnnotation['review']): EntityAnnotation {
  return { ...stamp, id, kind: 'entity', status, quote, entityType: entity.type, entityId: entity.id, ...(review ? { review } : {}) };
}

function quote(id: string, words: string, speaker: EntityRecord, mode: AttributionAnnotation['mode'], medium: { text: string; entity: EntityRecord | null }): AttributionAnnotation {
  return {
    ...stamp,
    id,
    kind: 'attribution',
    status: 'accepted',
    quote: words,
    mode,
    speaker: { type: 'entity', entityId: speaker.id, name: speaker.name, mentionId: null },
    medium: medium.text,
    mediumEntityId: medium.entity?.id ?? null,
  };
}

function figure(id: string, words: string, value: number, status: FigureAnnotation['status'], review?: FigureAnnotation['review']): FigureAnnotation {
  return {
    ...stamp,
    id,
    kind: 'figure',
    status,
    author: status === 'suggested' ? 'suggestions' : stamp.author,
    quote: words,
    figure: { figureKind: 'money', value: { type: 'number', value }, qualifier: 'exactly', unit: '', currency: 'GBP', verification: 'unchecked', sourceNote: '' },
    ...(review ? { review } : {}),
  };
}

/** Seeds the desk described above into the services' database. */
export async function seedEntityDesk(services: AppServices): Promise<EntityDesk> {
  const { handlers } = services;
  const store = createStore(services.db);
  const lena = await handlers.createEntity({ name: 'Lena Ortiz', type: 'person', aliases: ['Ortiz'], externalIds: { wikidata: 'Q42' }, description: 'Chair of the harbour trust.' });
  const trust = await handlers.createEntity({ name: 'Port Ellen Harbour Trust', type: 'organisation' });
  const islay = await handlers.createEntity({ name: 'Islay', type: 'place' });
  const afp = await handlers.createEntity({ name: 'AFP', type: 'organisation' });
  const add = (title: string, blocks: TestBlock[], records: AnnotationMap, createdAt: string) =>
    createArticle(store, { doc: parseArticleDocument(articleJson([{ type: 'headline', text: title }, ...blocks], records)), source: 'entity desk' }, createdAt);

  const harbour = add(
    'Harbour trust to rebuild walls',
    [{ type: 'paragraph', text: 'Lena Ortiz said the trust would rebuild the walls. The Port Ellen Harbour Trust has £3m.', tags: [{ id: 'm1', text: 'Lena Ortiz' }, { id: 'm2', text: 'Port Ellen Harbour Trust' }, { id: 'q1', text: 'the trust would rebuild the walls' }, { id: 'f1', text: '£3m' }] }],
    {
      m1: mention('m1', 'Lena Ortiz', lena),
      m2: mention('m2', 'Port Ellen Harbour Trust', trust),
      q1: quote('q1', 'the trust would rebuild the walls', lena, 'indirect', { text: 'AFP', entity: afp }),
      f1: figure('f1', '£3m', 3_000_000, 'suggested'),
    },
    '2026-01-05T09:00:00.000Z',
  );
  const visit = add(
    'Chair visits the island',
    [
      { type: 'paragraph', text: 'Ortiz visited Islay on Monday.', tags: [{ id: 'm3', text: 'Ortiz' }, { id: 'm4', text: 'Islay' }] },
      { type: 'paragraph', text: '"We start in May," she told reporters. Lena Ortiz smiled.', tags: [{ id: 'q2', text: 'We start in May' }, { id: 'm5', text: 'Lena Ortiz' }] },
    ],
    {
      m3: mention('m3', 'Ortiz', lena),
      m4: mention('m4', 'Islay', islay),
      m5: mention('m5', 'Lena Ortiz', lena, 'needs_review', { reason: 'words_changed', detail: 'Lena Ortis → Lena Ortiz' }),
      q2: quote('q2', 'We start in May', lena, 'direct', { text: 'AFP', entity: null }),
    },
    '2026-01-20T15:30:00.000Z',
  );
  const council = add(
    'Island council meets',
    [{ type: 'paragraph', text: 'The Islay council met. Lena Ortiz was absent. The repairs cost £4m.', tags: [{ id: 'm7', text: 'Islay' }, { id: 'm6', text: 'Lena Ortiz' }, { id: 'f2', text: '£4m' }] }],
    {
      m7: mention('m7', 'Islay', islay),
      m6: { ...mention('m6', 'Lena Ortiz', lena, 'suggested'), author: 'suggestions' },
      f2: figure('f2', '£4m', 4_000_000, 'needs_review', { reason: 'figure_changed', detail: '£3m → £4m' }),
    },
    '2026-03-02T08:00:00.000Z',
  );
  const trashed = add('Withdrawn story', [{ type: 'paragraph', text: 'Lena Ortiz resigned.', tags: [{ id: 'm8', text: 'Lena Ortiz' }] }], { m8: mention('m8', 'Lena Ortiz', lena) }, '2026-01-10T10:00:00.000Z');
  await handlers.deleteArticle({ id: trashed.id });
  return { lena, trust, islay, afp, harbour, visit, council };
}
