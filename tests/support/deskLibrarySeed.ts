import type { AnnotationMap, AnnotationStatus } from '../../common/model/annotation';
import type { ArticleStatus } from '../../common/api';
import { parseArticleDocument } from '../../common/articleText';
import { createArticle } from '../../main/services/articleWriter';
import type { AppServices } from '../../main/services/index';
import { createStore } from '../../main/store/index';
import { articleJson, attributionRecord, entityRecord, figureRecord, type TestBlock } from '../integration/storeFixtures';

/**
 * A small library whose answers can be counted by hand, for the library search's integration and browser tests.
 * Five articles (one in the trash) about an evacuation; one registry entity, Faylaq al Rahman, known also as
 * "Failaq al-Rahman" and "Rahman Legion"; tags by three people, one suggestion waiting.
 *
 * | article | imported   | status    | desk's tags (author)                                      | suggestions          |
 * |---------|------------|-----------|-----------------------------------------------------------|----------------------|
 * | rebels  | 2026-01-10 | in review | Faylaq al Rahman (Ana María), 3,000 needs review (Sam Okafor) |                   |
 * | convoy  | 2026-02-05 | draft     | attribution (Ana María)                                   | Rahman Legion entity |
 * | council | 2026-03-01 | done      | £2m figure (Lena Ortiz)                                   |                      |
 * | storm   | 2026-03-20 | draft     |                                                           |                      |
 * | oldTown | 2026-03-10 | (trash)   | Faylaq al Rahman (Trashed Author)                         |                      |
 */
export interface DeskLibrary {
  entityId: string;
  ids: { rebels: string; convoy: string; council: string; storm: string; oldTown: string };
}

export const seededTitles = {
  rebels: 'Rebels agree to leave Ghouta',
  convoy: 'Aid convoy reaches Douma',
  council: 'Council votes on evacuation budget',
  storm: 'Storm closes schools',
  oldTown: 'Faylaq al Rahman leaves the old town',
} as const;

function withStamp<T extends { status: AnnotationStatus; author: string }>(record: T, status: AnnotationStatus, author: string): T {
  return { ...record, status, author };
}

/** Writes the library through the services' own article writer and registry calls. */
export async function seedDeskLibrary(services: AppServices): Promise<DeskLibrary> {
  const store = createStore(services.db);
  const entity = await services.handlers.createEntity({ name: 'Faylaq al Rahman', type: 'organisation', aliases: ['Failaq al-Rahman', 'Rahman Legion'] });
  const add = (blocks: TestBlock[], records: AnnotationMap, status: ArticleStatus, createdAt: string) =>
    createArticle(store, { doc: parseArticleDocument(articleJson(blocks, records)), source: 'desk test', kept: { status, createdAt, updatedAt: createdAt } }, createdAt).id;

  const rebels = add(
    [
      { type: 'headline', text: seededTitles.rebels },
      {
        type: 'paragraph',
        text: 'Faylaq al Rahman fighters agreed to the evacuation of Douma on Friday, a spokesman said. About 3,000 people are expected to leave.',
        tags: [{ id: 'fr1', text: 'Faylaq al Rahman' }, { id: 'fig1', text: '3,000' }],
      },
    ],
    {
      fr1: withStamp(entityRecord('fr1', 'Faylaq al Rahman', 'organisation', entity.id), 'accepted', 'Ana María'),
      fig1: withStamp(figureRecord('fig1', '3,000', 3000, 'people'), 'needs_review', 'Sam Okafor'),
    },
    'in_review',
    '2026-01-10T09:00:00.000Z',
  );
  const convoy = add(
    [
      { type: 'headline', text: seededTitles.convoy },
      {
        type: 'paragraph',
        text: 'An aid convoy of 46 trucks reached Douma. The Rahman Legion said evacuated families would return.',
        tags: [{ id: 'fr2', text: 'Rahman Legion' }, { id: 'att2', text: 'evacuated families would return' }],
      },
    ],
    {
      fr2: withStamp(entityRecord('fr2', 'Rahman Legion', 'organisation', entity.id), 'suggested', 'suggestions'),
      att2: withStamp(attributionRecord('att2', 'evacuated families would return', 'The Rahman Legion', null), 'accepted', 'Ana María'),
    },
    'draft',
    '2026-02-05T09:00:00.000Z',
  );
  const council = add(
    [
      { type: 'headline', text: seededTitles.council },
      { type: 'paragraph', text: 'The council approved the evacuation budget of £2m on Tuesday.', tags: [{ id: 'fig3', text: '£2m' }] },
    ],
    { fig3: withStamp(figureRecord('fig3', '£2m', 2_000_000, 'budget'), 'accepted', 'Lena Ortiz') },
    'done',
    '2026-03-01T09:00:00.000Z',
  );
  const oldTown = add(
    [
      { type: 'headline', text: seededTitles.oldTown },
      { type: 'paragraph', text: 'Faylaq al Rahman fighters left after the evacuation deal.', tags: [{ id: 'fr4', text: 'Faylaq al Rahman' }] },
    ],
    { fr4: withStamp(entityRecord('fr4', 'Faylaq al Rahman', 'organisation', entity.id), 'accepted', 'Trashed Author') },
    'draft',
    '2026-03-10T09:00:00.000Z',
  );
  const storm = add(
    [
      { type: 'headline', text: seededTitles.storm },
      { type: 'paragraph', text: 'Schools closed as the storm hit; no evacuation was ordered.' },
    ],
    {},
    'draft',
    '2026-03-20T09:00:00.000Z',
  );
  await services.handlers.deleteArticle({ id: oldTown });
  return { entityId: entity.id, ids: { rebels, convoy, council, storm, oldTown } };
}
