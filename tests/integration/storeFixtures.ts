import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  AnnotationMap,
  AttributionAnnotation,
  EntityAnnotation,
  EntityType,
  FigureAnnotation,
} from '../../common/model/annotation';
import type { ApiResult } from '../../common/api';
import { articleSchema, type BlockTypeName } from '../../common/schema';
import { taggedBlock, type BlockTag } from '../../main/services/taggedBlock';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import type { AppServices } from '../../main/services/index';

/** Shared helpers of the store and services integration tests: temp folders, hashes and tagged documents. */

/** The project root, found from this file so tests run from any working folder. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A fresh temporary folder and a function that removes it. */
export function makeTempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'annotator-it-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The SHA-256 of a file's bytes. */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The value of a successful API result; fails the test with the error otherwise. */
export function valueOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Calls through the dispatcher, as a host makes them, on the services `current` gives at the time of the call. */
export function apiCalls(current: () => AppServices): {
  call<T>(method: string, input: unknown): Promise<T>;
  callError(method: string, input: unknown): Promise<{ code: string; message: string }>;
} {
  return {
    call: async <T>(method: string, input: unknown) => valueOf<T>(await dispatchApiCall(current().handlers, method, input)),
    async callError(method, input) {
      const result = await dispatchApiCall(current().handlers, method, input, () => undefined);
      if (result.ok) throw new Error(`Expected ${method} to fail`);
      return result.error;
    },
  };
}

const stamp = { status: 'accepted' as const, author: 'tester', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', note: '' };

/** An accepted entity mention record. */
export function entityRecord(id: string, quote: string, entityType: EntityType, entityId: string | null = null): EntityAnnotation {
  return { ...stamp, id, kind: 'entity', quote, entityType, entityId };
}

/** An accepted figure record holding a plain number. */
export function figureRecord(id: string, quote: string, value: number, unit: string): FigureAnnotation {
  return {
    ...stamp,
    id,
    kind: 'figure',
    quote,
    figure: { figureKind: 'count', value: { type: 'number', value }, qualifier: 'exactly', unit, currency: null, verification: 'unchecked', sourceNote: '' },
  };
}

/** An accepted direct attribution to a registry entity. */
export function attributionRecord(id: string, quote: string, speakerName: string, speakerEntityId: string | null): AttributionAnnotation {
  return {
    ...stamp,
    id,
    kind: 'attribution',
    quote,
    mode: 'direct',
    speaker: { type: 'entity', entityId: speakerEntityId, name: speakerName, mentionId: null },
    medium: '',
    mediumEntityId: null,
  };
}

/** One block of a test document. */
export interface TestBlock {
  type: BlockTypeName;
  text: string;
  tags?: BlockTag[];
}

/** ProseMirror JSON of an article document built from blocks and the records their tags refer to. */
export function articleJson(blocks: readonly TestBlock[], records: AnnotationMap = {}): Record<string, unknown> {
  const nodes = blocks.map((block) => taggedBlock(block.type, block.text, block.tags ?? [], records));
  return articleSchema.node('doc', { annotations: records }, nodes).toJSON() as Record<string, unknown>;
}
