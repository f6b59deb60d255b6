import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import { summariseSources } from '../../common/model/sources';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { openServices, type AppServices } from '../../main/services/index';
import { countsByLabel, seedSourcingDesk, sourcingAuditOf, type SeededArticles, type SeededEntities } from '../support/sourcingDesk';
import { makeTempDir } from './storeFixtures';

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
let entities: SeededEntities;
let articles: SeededArticles;

beforeEach(async () => {
  temp = makeTempDir();
  services = openServices({ databasePath: join(temp.dir, 'annotator.sqlite'), userName: 'desk editor' });
  ({ entities, articles } = await seedSourcingDesk(services));
});
afterEach(() => {
  services.close();
  temp.remove();
});

const audit = (selection = {}) => sourcingAuditOf(services, selection);

// Counted by hand from tests/support/sourcingDesk.ts. Counted: A 4 (the Sam Reed suggestion waits), B 2 (one needs
// review, which counts), C 4 (one without a speaker), D 1, E none; F is in the trash. 11 attributions: named
// A2 + B2 + C1 + D1 = 6, anonymous A2 + C2 = 4, without a speaker 1. Direct A1 A4 B2 C1 C3 C4 = 6, indirect A2 B1
// C2 = 3, partial A3 D1 = 2.
describe('the sourcing audit of every article', () => {
  it('counts named against anonymous, modes and suggestions waiting as counted by hand', async () => {
    const result = await audit();
    expect(result.articleCount).toBe(5);
    expect(result.articlesWithQuotes).toBe(4);
    expect(result.totals).toEqual({ attributions: 11, named: 6, anonymous: 4, unattributed: 1, modes: { direct: 6, indirect: 3, partial: 2 } });
    expect(result.suggestionsWaiting).toBe(1);
  });

  it('lists who is quoted, one row per speaker, "a negotiator" and "The  negotiator" being one source', async () => {
    const result = await audit();
    expect(result.speakerCount).toBe(7);
    const rows = Object.fromEntries(result.speakers.map((row) => [row.key, row]));
    expect(rows[`entity:${entities.ortiz.id}`]).toMatchObject({ name: 'Lena Ortiz', count: 2, articleCount: 1, entityType: 'person', roleLabel: 'Official', modes: { direct: 1, indirect: 1, partial: 0 } });
    expect(rows[`entity:${entities.trust.id}`]).toMatchObject({ count: 2, entityType: 'organisation', roleLabel: 'Agency' });
    expect(rows[`entity:${entities.reed.id}`]).toMatchObject({ count: 1, roleLabel: 'Expert' });
    expect(rows['anonymous:negotiator']).toMatchObject({ speakerType: 'anonymous', count: 2, entityId: null });
    expect(rows['name:jo bloggs']).toMatchObject({ speakerType: 'named', name: 'Jo Bloggs', entityId: null, count: 1 });
    expect(rows['anonymous:resident']!.count).toBe(1);
    expect(rows['anonymous:official']!.count).toBe(1);
    // Most quoted first.
    expect(result.speakers.map((row) => row.count)).toEqual([2, 2, 2, 1, 1, 1, 1]);
  });

  it('breaks named quotes down by registry type, role and self-described gender, "not recorded" its own row', async () => {
    const result = await audit();
    expect(countsByLabel(result.speakerTypes)).toEqual({ People: 3, Organisations: 2, 'Names not in the registry': 1 });
    expect(countsByLabel(result.roles)).toEqual({ Official: 2, Agency: 2, Expert: 1, 'Not in the registry': 1 });
    expect(countsByLabel(result.genders)).toEqual({ woman: 2, 'Not recorded': 1 });
  });

  it('groups media by registry entity or by text ignoring case, and anonymity reasons, each with a "none" row', async () => {
    const result = await audit();
    expect(countsByLabel(result.media)).toEqual({ 'Agence France-Presse': 1, Reuters: 2, 'No medium given': 8 });
    expect(result.media.find((row) => row.label === 'Agence France-Presse')!.entityId).toBe(entities.afp.id);
    expect(countsByLabel(result.anonymityReasons)).toEqual({ 'not authorised to speak': 2, 'fear of reprisal': 1, 'No reason given': 1 });
  });

  it('finds articles that rest on one source and those with more anonymous than named sources', async () => {
    const result = await audit();
    expect(result.singleSource.count).toBe(2);
    expect(result.singleSource.articles.map((row) => row.articleId)).toEqual([articles.B, articles.D]);
    expect(result.anonymousOutnumberNamed.count).toBe(1);
    expect(result.anonymousOutnumberNamed.articles[0]).toMatchObject({ articleId: articles.C, title: 'Residents fear the works', named: 1, anonymous: 2, attributions: 4, sources: 3 });
    expect(result.mostQuoting.map((row) => row.articleId)).toEqual([articles.C, articles.A, articles.B, articles.D]);
  });

  it('counts by import month', async () => {
    expect((await audit()).months).toEqual([
      { month: '2024-01', named: 2, anonymous: 2, unattributed: 0 },
      { month: '2024-02', named: 4, anonymous: 2, unattributed: 1 },
    ]);
  });

  it('agrees with the Sources tab of each article', async () => {
    for (const letter of ['A', 'B', 'C', 'D'] as const) {
      const article = await services.handlers.getArticle({ id: articles[letter] });
      const annotations = (article.doc as { attrs: { annotations: AnnotationMap } }).attrs.annotations;
      const tab = summariseSources(annotations, (id) => Object.values(entities).find((entity) => entity.id === id)?.name).totals;
      const row = (await audit()).mostQuoting.find((candidate) => candidate.articleId === articles[letter])!;
      expect({ attributions: row.attributions, named: row.named, anonymous: row.anonymous }).toEqual({ attributions: tab.attributions, named: tab.named, anonymous: tab.anonymous });
    }
  });
});

describe('the sourcing audit of a selection', () => {
  it('restricts every count to the articles the library filter selects', async () => {
    const result = await audit({ status: 'done' });
    expect(result.articleCount).toBe(2);
    expect(result.totals).toEqual({ attributions: 3, named: 3, anonymous: 0, unattributed: 0, modes: { direct: 1, indirect: 1, partial: 1 } });
    expect(result.suggestionsWaiting).toBe(0);
    expect(result.singleSource.count).toBe(2);
    expect(countsByLabel(result.media)).toEqual({ reuters: 1, 'No medium given': 2 });
  });

  it('restricts by words of the text', async () => {
    const result = await audit({ query: 'C3' });
    expect(result.articleCount).toBe(1);
    expect(result.totals.attributions).toBe(4);
  });
});

describe('source roles and self-described gender on registry entities', () => {
  it('changes the audit when a role or gender is edited, and keeps them only on the types that take them', async () => {
    await services.handlers.updateEntity({ id: entities.reed.id, selfDescribedGender: '  non-binary ' });
    const roles = await services.handlers.addSourceRole({ label: 'Campaigner' });
    expect(roles.map((role) => role.key)).toEqual(['official', 'spokesperson', 'expert', 'witness', 'civilian', 'agency', 'campaigner']);
    await services.handlers.updateEntity({ id: entities.ortiz.id, sourceRole: 'campaigner' });
    const result = await audit();
    expect(countsByLabel(result.genders)).toEqual({ woman: 2, 'non-binary': 1 });
    expect(countsByLabel(result.roles)).toEqual({ Campaigner: 2, Agency: 2, Expert: 1, 'Not in the registry': 1 });

    // A record carries only the source fields its type takes, and a type that drops one clears it for good.
    const retyped = await services.handlers.updateEntity({ id: entities.reed.id, type: 'organisation' });
    expect(retyped.sourceRole).toBe('expert');
    expect(retyped).not.toHaveProperty('selfDescribedGender');
    const place = await services.handlers.updateEntity({ id: entities.reed.id, type: 'place' });
    expect(place).not.toHaveProperty('sourceRole');
    expect(place).not.toHaveProperty('selfDescribedGender');
    const personAgain = await services.handlers.updateEntity({ id: entities.reed.id, type: 'person' });
    expect(personAgain).toMatchObject({ sourceRole: null, selfDescribedGender: '' });
  });

  it('refuses a role the desk has not got, with a message that says what to do', async () => {
    const result = await dispatchApiCall(services.handlers, 'updateEntity', { id: entities.ortiz.id, sourceRole: 'astronaut' }, () => undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ code: 'invalid_argument', message: '"astronaut" is not one of the desk\'s source roles; add it in the registry first.' });
  });

  it('adds a role once, whatever its case and spacing', async () => {
    await services.handlers.addSourceRole({ label: 'Local  business' });
    const roles = await services.handlers.addSourceRole({ label: 'local business' });
    expect(roles.filter((role) => role.key === 'local business')).toEqual([{ key: 'local business', label: 'Local business' }]);
  });
});
