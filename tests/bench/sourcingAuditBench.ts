/**
 * The desk sourcing audit on a library of 10,000 articles with 30 tags each (10 attributions: ~100,000 in all) and
 * 20,000 registry entities: the handler (SQL aggregation and fold) and the audit computed and painted in Chromium
 * through the loopback host. `npx tsx tests/bench/sourcingAuditBench.ts` (the renderer must be built). Figures, not
 * pass/fail. The rows are written straight to the tables the audit reads (articles, annotations, entities), with
 * records of the app's shape; the lead's generator (tests/bench/deskLibrary.ts) can replace this at merge.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices } from '../../main/services/index';
import { startBrowserSession } from '../support/browserSession';
import { median } from './stats';

const articleCount = Number(process.env.AUDIT_ARTICLES ?? 10_000);
const entityCount = 20_000;
const runs = 5;
const modes = ['direct', 'indirect', 'partial'] as const;
const roles = [null, 'official', 'spokesperson', 'expert', 'witness', 'civilian', 'agency'];
const anonymous = ['a negotiator', 'a senior official', 'a resident', 'a diplomat', 'a source close to the talks', 'the negotiator', 'a military source', 'a doctor'];
const reasons = ['', 'not authorised to speak', 'fear of reprisal', 'ongoing talks'];
const media = ['', '', '', 'AFP', 'Reuters', 'Interfax', 'state television'];

// A small deterministic generator, so two runs measure the same library.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (state * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32);
}

function seedLibrary(databasePath: string): void {
  const services = openServices({ databasePath, userName: 'bench' });
  const db = services.db;
  const next = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const insertEntity = db.prepare("INSERT INTO entities (id, name, name_key, type, source_role, self_described_gender, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '2024-01-01', '2024-01-01')");
  const insertArticle = db.prepare("INSERT INTO articles (id, title, status, word_count, created_at, updated_at) VALUES (?, ?, ?, 800, ?, ?)");
  const insertAnnotation = db.prepare('INSERT INTO annotations (article_id, id, kind, status, label, entity_id, quote, record_json, author, created_at, updated_at, medium_entity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const entities: { id: string; name: string; type: string }[] = [];
  db.transaction(() => {
    for (let index = 0; index < entityCount; index++) {
      const type = index % 3 === 0 ? 'organisation' : index % 3 === 1 ? 'person' : 'place';
      const entity = { id: `ent_${index}`, name: `${type} ${index}`, type };
      entities.push(entity);
      insertEntity.run(entity.id, entity.name, entity.name.toLowerCase(), type, type === 'place' ? null : pick(roles), type === 'person' ? pick(['', '', 'woman', 'man', 'non-binary']) : '');
    }
    const speakers = entities.filter((entity) => entity.type !== 'place');
    for (let article = 0; article < articleCount; article++) {
      const articleId = `art_${article}`;
      const month = String(1 + (article % 12)).padStart(2, '0');
      const createdAt = `2024-${month}-${String(1 + (article % 28)).padStart(2, '0')}T08:00:00.000Z`;
      insertArticle.run(articleId, `Article ${article}`, pick(['draft', 'in_review', 'done']), createdAt, createdAt);
      for (let tag = 0; tag < 30; tag++) {
        const id = `ann_${tag}`;
        const status = next() < 0.05 ? 'suggested' : next() < 0.05 ? 'needs_review' : 'accepted';
        const base = { id, status, author: 'bench', createdAt, updatedAt: createdAt, note: '', quote: `words of tag ${tag}` };
        if (tag < 10) {
          const named = next() < 0.7;
          const speakerEntity = named ? speakers[Math.floor(next() ** 2 * speakers.length)]! : null;
          const medium = pick(media);
          const record = {
            ...base,
            kind: 'attribution',
            mode: pick(modes),
            speaker: named ? { type: 'entity', entityId: speakerEntity!.id, name: speakerEntity!.name, mentionId: null } : { type: 'anonymous', description: pick(anonymous), anonymityReason: pick(reasons) },
            medium,
            mediumEntityId: null,
          };
          insertAnnotation.run(articleId, id, 'attribution', status, 'Attribution', speakerEntity?.id ?? null, base.quote, JSON.stringify(record), 'bench', createdAt, createdAt, null);
        } else if (tag < 22) {
          const entity = pick(entities);
          const record = { ...base, kind: 'entity', entityType: entity.type, entityId: entity.id };
          insertAnnotation.run(articleId, id, 'entity', status, entity.type, entity.id, base.quote, JSON.stringify(record), 'bench', createdAt, createdAt, null);
        } else {
          const record = { ...base, kind: 'figure', figure: { figureKind: 'count', value: { type: 'number', value: tag }, qualifier: 'exactly', unit: 'people', currency: null, verification: 'unchecked', sourceNote: '' } };
          insertAnnotation.run(articleId, id, 'figure', status, 'Figure', null, base.quote, JSON.stringify(record), 'bench', createdAt, createdAt, null);
        }
      }
    }
  })();
  db.exec('ANALYZE');
  services.close();
}

// AUDIT_DB names a library seeded before (kept between runs while tuning); otherwise one is seeded in a temp folder.
const workDir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
const databasePath = process.env.AUDIT_DB ?? join(workDir, 'desk.sqlite');
try {
  let started = performance.now();
  if (!process.env.AUDIT_DB || !existsSync(databasePath)) {
    seedLibrary(databasePath);
    console.log(`Seeded ${articleCount.toLocaleString('en')} articles in ${Math.round(performance.now() - started)} ms`);
  }
  if (process.env.AUDIT_SEED_ONLY) throw new Error('Seeded only (AUDIT_SEED_ONLY).');

  const services = openServices({ databasePath, userName: 'bench' });
  const handlerTimes: number[] = [];
  // CPU time of the process as well: on a shared machine the wall clock also counts the time other work held the cores.
  const handlerCpu: number[] = [];
  const selectionTimes: number[] = [];
  let attributions = 0;
  for (let run = 0; run < runs + 1; run++) {
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    const audit = await services.handlers.sourcingAudit({ selection: {} });
    const cpu = process.cpuUsage(cpuBefore);
    if (run > 0) handlerTimes.push(performance.now() - started);
    if (run > 0) handlerCpu.push((cpu.user + cpu.system) / 1000);
    attributions = audit.totals.attributions;
    started = performance.now();
    await services.handlers.sourcingAudit({ selection: { status: 'done' } });
    if (run > 0) selectionTimes.push(performance.now() - started);
  }
  services.close();
  console.log(`Counted attributions: ${attributions.toLocaleString('en')}`);
  console.log(`sourcingAudit handler, every article: median ${median(handlerTimes).toFixed(1)} ms (${handlerTimes.map((time) => time.toFixed(0)).join(', ')})`);
  console.log(`sourcingAudit handler, every article, CPU time: median ${median(handlerCpu).toFixed(1)} ms`);
  console.log(`sourcingAudit handler, status = done: median ${median(selectionTimes).toFixed(1)} ms`);

  const session = await startBrowserSession({ databasePath });
  try {
    const { page } = session;
    const painted: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      await page.evaluate(() => (window.location.hash = '#/library'));
      await page.locator('.library-table, .library').first().waitFor();
      // From the click on "Sourcing" to the summary and all three charts on screen, after the frame is painted.
      const time = await page.evaluate(async () => {
        const start = performance.now();
        (Array.from(document.querySelectorAll('.app-header nav button')).find((button) => button.textContent === 'Sourcing') as HTMLButtonElement).click();
        await new Promise<void>((resolve) => {
          const check = () => (document.querySelectorAll('.audit-chart canvas').length === 3 ? resolve() : requestAnimationFrame(check));
          check();
        });
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - start;
      });
      if (run > 0) painted.push(time);
    }
    console.log(`Desk audit in Chromium, click to painted (summary and charts): median ${median(painted).toFixed(1)} ms (${painted.map((time) => time.toFixed(0)).join(', ')})`);
  } finally {
    await session.close();
  }
} catch (error) {
  if (!process.env.AUDIT_SEED_ONLY) throw error;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
