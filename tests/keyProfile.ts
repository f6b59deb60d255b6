import { startBrowserSession, selectTextInEditor } from './support/browserSession';
import { importedArticle } from './support/importedArticle';
import { generateArticle } from './bench/generateArticle';
import { clickOpenAndTimeToPaint } from './bench/openTiming';
import { installKeyProbe, takeLatencies } from './bench/editorFigures';
import { median, percentile } from './bench/stats';
const words = Number(process.argv[2] ?? 1500), tags = Number(process.argv[3] ?? 300);
const session = await startBrowserSession({ seedDemo: false });
const { handlers } = session.services;
const ids: string[] = [];
for (const t of [0, tags]) { const s = importedArticle(await handlers.importText({ text: 'x.', onDuplicate: 'copy' })); await handlers.saveArticle({ id: s.id, baseRevision: 1, doc: generateArticle(words, t).toJSON() }); ids.push(s.id); }
const { page } = session;
for (const [n, id] of ids.entries()) {
  await page.goto(session.host.url); await page.locator(`tr[data-article-id="${id}"]`).waitFor();
  await page.evaluate(clickOpenAndTimeToPaint, id); await page.waitForTimeout(500);
  await installKeyProbe(page);
  await selectTextInEditor(page, 'corridor', 15); await page.keyboard.press('ArrowRight'); await page.waitForTimeout(100); await takeLatencies(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
  for (let k = 0; k < 100; k++) { await page.keyboard.press(k % 10 === 9 ? 'Space' : 'KeyA'); await page.waitForTimeout(15); }
  await page.waitForTimeout(200);
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const lat = await takeLatencies(page);
  console.log(n ? 'tagged' : 'plain', 'median', median(lat).toFixed(1), 'p95', percentile(lat, 95).toFixed(1));
  const self = new Map<string, number>(); const byId = new Map(profile.nodes.map((x: any) => [x.id, x]));
  profile.samples.forEach((id: number, i: number) => { const f = (byId.get(id) as any).callFrame; const k = `${f.functionName || '(anon)'}:${f.lineNumber}`; self.set(k, (self.get(k) ?? 0) + profile.timeDeltas[i] / 1000); });
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([k, v]) => `  ${v.toFixed(1)} ${k}`).join('\n'));
}
await session.close();
