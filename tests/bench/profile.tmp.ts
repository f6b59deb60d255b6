import { startBrowserSession, selectTextInEditor } from '../support/browserSession';
import { generateArticle } from './generateArticle';
const session = await startBrowserSession({ seedDemo: false });
const { handlers } = session.services;
const summary = await handlers.importText({ text: 'Benchmark placeholder.' });
const record = await handlers.getArticle({ id: summary.id });
let t = performance.now();
await handlers.saveArticle({ id: summary.id, baseRevision: record.revision, doc: generateArticle(100000, 10000).toJSON() });
console.log('first save', performance.now() - t);
t = performance.now(); const got = await handlers.getArticle({ id: summary.id }); console.log('getArticle', performance.now() - t);
const page = session.page;
await page.goto(session.host.url);
await page.locator(`tr[data-article-id="${summary.id}"]`).waitFor();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const ms = await page.evaluate(async (id) => {
  const start = performance.now();
  document.querySelector<HTMLButtonElement>(`tr[data-article-id="${id}"] .article-link`)!.click();
  await new Promise<void>((r) => { const c = () => (document.querySelector('.ProseMirror p') ? r() : requestAnimationFrame(c)); c(); });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - start;
}, summary.id);
let { profile } = await cdp.send('Profiler.stop');
console.log('open ms', ms);
report(profile);
await page.waitForTimeout(1500);
await selectTextInEditor(page, 'marker50505');
await cdp.send('Profiler.start');
await page.keyboard.press('Alt+Shift+P');
await page.waitForTimeout(1500);
({ profile } = await cdp.send('Profiler.stop'));
console.log('--- tag');
report(profile);
function report(profile: any) {
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; const samples = profile.samples;
for (let i = 0; i < samples.length; i++) { const n: any = byId.get(samples[i]); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000); }
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([k, v]) => `${v.toFixed(1).padStart(8)} ${k}`).join('\n'));
}
await session.close();
