import { startBrowserSession } from '../support/browserSession';
import { importedArticle } from '../support/importedArticle';
import { generateArticle } from './generateArticle';
import { clickOpenAndTimeToPaint } from './openTiming';
import { heapAfterGarbageCollection } from './editorFigures';
const session = await startBrowserSession({ seedDemo: false });
const tagged = generateArticle(100_000, 10_000);
const { handlers } = session.services;
const summary = importedArticle(await handlers.importText({ text: 'Benchmark placeholder.', onDuplicate: 'copy' }));
await handlers.saveArticle({ id: summary.id, baseRevision: 1, doc: tagged.toJSON() });
const { page } = session;
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const self = new Map<string, number>();
const times: number[] = [];
for (let round = 0; round < Number(process.argv[2] ?? 7); round++) {
  await page.goto(session.host.url);
  await page.locator(`tr[data-article-id="${summary.id}"]`).waitFor();
  await heapAfterGarbageCollection(page);
  await cdp.send('Profiler.start');
  times.push(await page.evaluate(clickOpenAndTimeToPaint, summary.id));
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const counts = new Map<number, number>();
  (profile.samples ?? []).forEach((s: number, i: number) => counts.set(s, (counts.get(s) ?? 0) + (profile.timeDeltas![i + 1] ?? 0) / 1000));
  for (const [nid, ms] of counts) { const cf = (byId.get(nid) as any).callFrame; const k = `${cf.functionName || '(anon)'}`; self.set(k, (self.get(k) ?? 0) + ms / 7); }
}
console.log('open medians', times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(0), times.map((t) => t.toFixed(0)).join(' '));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(7), k);
await session.close();
