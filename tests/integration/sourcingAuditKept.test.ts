import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type AppServices } from '../../main/services/index';
import { openDatabase } from '../../main/store/index';
import { countsByLabel, seedSourcingDesk, sourcingAuditOf, type SeededArticles, type SeededEntities } from '../support/sourcingDesk';
import { makeTempDir } from './storeFixtures';

// The audit is kept between calls while nothing is written (main/services/sourcingAuditHandlers.ts): these check
// that every kind of write, from this process or another connection, is seen by the next call.
let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
let entities: SeededEntities;
let articles: SeededArticles;
let databasePath: string;

beforeEach(async () => {
  temp = makeTempDir();
  databasePath = join(temp.dir, 'annotator.sqlite');
  services = openServices({ databasePath, userName: 'desk editor' });
  ({ entities, articles } = await seedSourcingDesk(services));
});
afterEach(() => {
  services.close();
  temp.remove();
});

const audit = (selection = {}) => sourcingAuditOf(services, selection);

describe('the sourcing audit kept between calls', () => {
  it('gives the same report twice when nothing was written', async () => {
    const first = await audit();
    expect(await audit()).toEqual(first);
    expect(first.totals.attributions).toBe(11);
  });

  it('counts again after a registry edit', async () => {
    const before = countsByLabel((await audit()).roles);
    expect(before['Civilian']).toBeUndefined();
    await services.handlers.updateEntity({ id: entities.ortiz.id, sourceRole: 'civilian' });
    const after = countsByLabel((await audit()).roles);
    expect(after['Civilian']).toBe(2);
    const sum = (row: Record<string, number>) => Object.values(row).reduce((total, count) => total + count, 0);
    expect(sum(after)).toBe(sum(before));
  });

  it('counts again after an article goes to the trash', async () => {
    expect((await audit()).totals.attributions).toBe(11);
    await services.handlers.deleteArticle({ id: articles.A });
    expect((await audit()).totals.attributions).toBe(7);
  });

  it('sees a write committed by another connection to the same file', async () => {
    expect((await audit()).totals.attributions).toBe(11);
    const other = openDatabase(databasePath);
    try {
      other.prepare('UPDATE articles SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), articles.C);
    } finally {
      other.close();
    }
    expect((await audit()).totals.attributions).toBe(7);
  });

  it('counts an article again once it is saved, and agrees with an audit computed from scratch', async () => {
    expect((await audit()).totals.modes).toEqual({ direct: 6, indirect: 3, partial: 2 });
    const record = await services.handlers.getArticle({ id: articles.A });
    const doc = structuredClone(record.doc) as { attrs: { annotations: Record<string, { mode: string }> } };
    doc.attrs.annotations['qA1']!.mode = 'indirect';
    await services.handlers.saveArticle({ id: articles.A, baseRevision: record.revision, doc });
    const kept = await audit();
    expect(kept.totals.modes).toEqual({ direct: 5, indirect: 4, partial: 2 });
    services.close();
    services = openServices({ databasePath, userName: 'desk editor' });
    expect(await audit()).toEqual(kept);
  });

  it('keeps each selection apart', async () => {
    const every = await audit();
    const done = await audit({ status: 'done' });
    expect(done.totals.attributions).toBeLessThan(every.totals.attributions);
    expect(await audit()).toEqual(every);
  });
});
