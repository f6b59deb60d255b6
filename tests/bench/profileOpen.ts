/**
 * Where opening the benchmark article goes: `npx tsx tests/bench/profileOpen.ts [words] [tags]` opens it in the
 * built app in headless Chromium with the DevTools protocol's sampling profiler and performance metrics running,
 * and prints the time from the click to the painted editor, Chromium's script, style and layout totals, and the
 * functions with the most time of their own. A tool for finding what to cut, not a figure of the bench.
 */
import type { CDPSession } from 'playwright-core';
import { startBrowserSession } from '../support/browserSession';
import { importedArticle } from '../support/importedArticle';
import { generateArticle } from './generateArticle';
import { clickOpenAndTimeToPaint } from './openTiming';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const words = Number(process.argv[2] ?? 100_000);
const tags = Number(process.argv[3] ?? 10_000);

// Chromium's running totals, in milliseconds, of the metrics that say where a task's time went.
async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const wanted = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration', 'Nodes'];
  return Object.fromEntries(list.filter((metric) => wanted.includes(metric.name)).map((metric) => [metric.name, metric.name === 'Nodes' ? metric.value : metric.value * 1000]));
}

const session = await startBrowserSession({ seedDemo: false });
try {
  const { handlers } = session.services;
  const summary = importedArticle(await handlers.importText({ text: 'Benchmark placeholder.', onDuplicate: 'copy' }));
  await handlers.saveArticle({ id: summary.id, baseRevision: 1, doc: generateArticle(words, tags).toJSON() });
  const { page } = session;
  for (let run = 0; run < 3; run++) {
    await page.goto(session.host.url);
    await page.locator(`tr[data-article-id="${summary.id}"]`).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const before = await metrics(cdp);
    await cdp.send('Profiler.start');
    await page.evaluate(() => performance.clearResourceTimings());
    const startedAt = await page.evaluate(() => performance.now());
    const openMs = await page.evaluate(clickOpenAndTimeToPaint, summary.id);
    // Each call to the services during the open: when it was sent, how long the host took to answer, how long the answer took to arrive.
    const calls = await page.evaluate((start) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
      (entry) => `${entry.name.split('/').pop()} sent at ${(entry.startTime - start).toFixed(0)} ms, first byte after ${(entry.responseStart - entry.startTime).toFixed(0)} ms, body ${(entry.responseEnd - entry.responseStart).toFixed(0)} ms, ${(entry.encodedBodySize / 1e6).toFixed(1)} MB`,
    ), startedAt);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const after = await metrics(cdp);
    const selfMs = new Map<string, number>();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const node = byId.get(id)!;
      const { functionName, url, lineNumber } = node.callFrame;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
      selfMs.set(key, (selfMs.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
    });
    // Time with each function on the stack (its own and its callees'), counted once per sample.
    const parentOf = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
    const inclusiveMs = new Map<string, number>();
    profile.samples.forEach((id, index) => {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
        const name = byId.get(at)!.callFrame.functionName;
        if (!name || seen.has(name)) continue;
        seen.add(name);
        inclusiveMs.set(name, (inclusiveMs.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
      }
    });
    const delta = (name: string) => (after[name]! - before[name]!).toFixed(1);
    console.log(`\nrun ${run + 1}: open to painted ${openMs.toFixed(1)} ms; script ${delta('ScriptDuration')} ms, style ${delta('RecalcStyleDuration')} ms, layout ${delta('LayoutDuration')} ms, tasks ${delta('TaskDuration')} ms; DOM nodes ${after.Nodes}`);
    for (const call of calls) console.log(`  call ${call}`);
    console.log('  self time:');
    for (const [name, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
    console.log('  with callees:');
    for (const [name, ms] of [...inclusiveMs].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
    await cdp.detach();
  }
} finally {
  await session.close();
}
