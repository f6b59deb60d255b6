import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { exportFormatNames } from '../../common/formats';
import { articleText, headlineOf, parseArticleDocument } from '../../common/articleText';
import { withPlacedAnnotations } from '../../common/model/suggestions';
import { suggestionKinds } from '../../common/suggestions/types';
import { withHeadline } from '../../main/services/articleDocument';
import { createArticle } from '../../main/services/articleWriter';
import { exportStoredArticle } from '../../main/services/exportHandlers';
import { maxSuggestedOnImport } from '../../main/services/importHandlers';
import { createImportReader } from '../../main/services/importReader';
import type { ImportedArticle } from '../../main/formats/importFile';
import { openServices } from '../../main/services/index';
import { suggestionsFor } from '../../main/services/suggestionHandlers';
import { createSuggestionRunner } from '../../main/services/suggestionRunner';
import { createStore } from '../../main/store/index';
import { hostileCorpus } from '../support/hostileCorpus';

/**
 * Where an import's memory goes, phase by phase, for the hostile files the stress script names hungriest:
 * `node --expose-gc --import tsx tests/stress/importPhases.ts '<pattern>' [--suggestions=off] [--no-collect]`. Each phase
 * of the import (decoding, reading, checking the document, suggestions, the store write) and of what follows
 * it (reading the article back, each heavy export) is timed, with the process's peak resident memory during
 * the phase (sampled every 5 ms by a thread of its own, so a phase that blocks the main thread is still seen)
 * and what stays resident after a full collection; each phase starts after a full collection, from the memory shown. Figures, not pass/fail.
 */

const pattern = new RegExp(process.argv[2] ?? '.', 'u');
const suggestionsOn = !process.argv.includes('--suggestions=off');
// --no-collect: no full collection between phases, as the host runs them (each phase then starts with what
// the one before left, garbage included).
const collectBetween = !process.argv.includes('--no-collect');
const collectNow = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const collect = () => collectBetween && collectNow();

// A thread of its own samples /proc/self/status (the whole process) into a shared cell: the peak since reset.
const peakCell = new Int32Array(new SharedArrayBuffer(4));
const sampler = new Worker(
  `const { workerData } = require('node:worker_threads'); const { readFileSync } = require('node:fs');
   const cell = new Int32Array(workerData);
   setInterval(() => { const kb = Number(readFileSync('/proc/self/status', 'utf8').match(/^VmRSS:\\s+(\\d+)/m)[1]); if (kb > Atomics.load(cell, 0)) Atomics.store(cell, 0, kb); }, 5);`,
  { eval: true, workerData: peakCell.buffer },
);
sampler.unref();

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const residentKb = () => Math.round(process.memoryUsage().rss / 1024);
// Resident memory by kind: anonymous (heaps, malloc) and file-backed (mapped code, the database file).
function residentKinds(): string {
  const status = readFileSync('/proc/self/status', 'utf8');
  const field = (name: string) => Math.round(Number(status.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'))?.[1] ?? 0) / 1024);
  return `anon ${String(field('RssAnon')).padStart(4)} file ${String(field('RssFile')).padStart(4)}`;
}

async function phase<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  collect();
  const startKb = residentKb();
  Atomics.store(peakCell, 0, startKb);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  // Let the sampler see the phase's last moment before it is read.
  await new Promise((resolve) => setTimeout(resolve, 15));
  const peak = Math.round(Atomics.load(peakCell, 0) / 1024);
  collect();
  const usage = process.memoryUsage();
  process.stdout.write(
    `  ${name.padEnd(28)} ${String(Math.round(ms)).padStart(6)} ms  from ${String(Math.round(startKb / 1024)).padStart(4)} peak ${String(peak).padStart(5)} MB  after gc: rss ${String(mb(usage.rss)).padStart(4)} (${residentKinds()}) heap ${String(mb(usage.heapUsed)).padStart(4)}/${String(mb(usage.heapTotal)).padStart(4)} external ${String(mb(usage.external + usage.arrayBuffers)).padStart(4)} MB\n`,
  );
  return value;
}

const workDir = mkdtempSync(join(tmpdir(), 'annotator-phases-'));
try {
  const services = openServices({ databasePath: join(workDir, 'phases.sqlite'), userName: 'phase profiler' });
  const store = createStore(services.db);
  const runner = createSuggestionRunner();
  const reader = createImportReader();
  for (const hostile of hostileCorpus().filter((candidate) => pattern.test(candidate.name))) {
    const input = hostile.make();
    if (input.via !== 'importFile') continue;
    process.stdout.write(`${hostile.name} (${mb(input.bytes.length)} MB file, suggestions ${suggestionsOn ? 'on' : 'off'})\n`);
    let body: string | null = JSON.stringify({ fileName: input.fileName, bytesBase64: input.bytes.toString('base64') });
    const bytes = await phase('request body to bytes', () => {
      const parsed = JSON.parse(body!) as { bytesBase64: string };
      body = null;
      return Buffer.from(parsed.bytesBase64, 'base64');
    });
    // In the import worker, as the import does (its peak includes the worker's heap, ended after a large file).
    // Held only until it is checked, as the import handler holds it.
    let imported: ImportedArticle | null = await phase('read the file (worker)', () => reader.read(input.fileName, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    const { title, source } = imported;
    let doc = await phase('check the document', () => {
      const checked = parseArticleDocument(imported!.doc);
      imported = null;
      return !headlineOf(checked) && title.trim() ? withHeadline(checked, title) : checked;
    });
    const plainLength = await phase('plain text', () => articleText(doc).text.length);
    process.stdout.write(`  (${plainLength.toLocaleString('en')} characters, ${doc.childCount.toLocaleString('en')} blocks)\n`);
    if (suggestionsOn && plainLength <= maxSuggestedOnImport.characters && doc.childCount <= maxSuggestedOnImport.blocks) {
      const placed = await phase('suggestions', async () => {
        const found = await suggestionsFor(store, runner, null, doc, suggestionKinds, 120_000).catch((error: Error) => (process.stdout.write(`  suggestions failed: ${error.message}\n`), []));
        // As the import does: a large request's worker is ended before the store write.
        await runner.releaseAfterLargeRequest();
        return found;
      });
      process.stdout.write(`  (${placed.length.toLocaleString('en')} suggestions)\n`);
      doc = await phase('place suggestions', () => withPlacedAnnotations(doc, placed));
    }
    const summary = await phase('store write', () => createArticle(store, { doc, source, importedFrom: { kind: 'file', format: 'plaintext', fileName: input.fileName } }, new Date().toISOString()));
    await phase('getArticle reply', async () => JSON.stringify(await services.handlers.getArticle({ id: summary.id } as never)).length);
    for (const format of hostile.exports === 'all' ? exportFormatNames : hostile.exports ?? []) {
      await phase(`export ${format}`, () => JSON.stringify(exportStoredArticle(store, summary.id, format)).length);
    }
  }
  await runner.close();
  await reader.close();
  services.close();
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
