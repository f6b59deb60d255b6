import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, exportFormatNames, type ImportResult } from '../../common/api';
import { jsonWriter } from '../../main/formats/json/writer';
import { dispatchApiCall } from '../../main/services/apiDispatch';
import { exportStoredArticle, exportStoredArticleOffThread } from '../../main/services/exportHandlers';
import { exportWorkerLimits } from '../../main/services/exportRunner';
import { openServices, type AppServices } from '../../main/services/index';
import { createStore, type Store } from '../../main/store/index';
import { importedArticle } from '../support/importedArticle';
import { taggedSample } from '../support/taggedSample';
import { makeTempDir, valueOf } from './storeFixtures';

/**
 * Exports in the export worker (large articles, see exportRunner.ts) give the same bytes as exports in the
 * calling thread, registry entities included, and refuse what the calling thread refuses, with its message.
 */

let temp: ReturnType<typeof makeTempDir>;
let services: AppServices;
let store: Store;
let articleId: string;
// Every article goes to the worker, whatever its size.
const alwaysInWorker = { ...exportWorkerLimits, fromDocumentLength: 0 };

beforeAll(async () => {
  temp = makeTempDir();
  services = openServices({ databasePath: join(temp.dir, 'export-worker.sqlite') });
  store = createStore(services.db);
  // The tagged sample as this app's own JSON export: its entities go into the registry and its tags link to them.
  const [file] = jsonWriter.write(taggedSample()).files;
  const imported = await dispatchApiCall(services.handlers, 'importFile', { fileName: 'sample.json', bytesBase64: Buffer.from(file!.content).toString('base64'), onDuplicate: 'copy' }, () => undefined);
  articleId = importedArticle(valueOf<ImportResult>(imported)).id;
});

afterAll(() => {
  services.close();
  temp.remove();
});

describe('exporting in the export worker', () => {
  it('writes every format byte for byte as the calling thread does, with the linked registry entities', async () => {
    for (const format of exportFormatNames) {
      const inThread = exportStoredArticle(store, articleId, format);
      const inWorker = await exportStoredArticleOffThread(store, articleId, format, false, alwaysInWorker);
      expect(inWorker, format).toEqual(inThread);
    }
    const json = (await exportStoredArticleOffThread(store, articleId, 'json', false, alwaysInWorker)).files[0]!.content;
    expect((JSON.parse(json) as { entities: unknown[] }).entities.length).toBe(taggedSample().entities.size);
  }, 60_000);

  it('refuses a damaged stored document with the message of the calling thread', async () => {
    services.db.prepare('UPDATE article_blocks SET block_json = ? WHERE article_id = ? AND position = 1').run('{"type":"no-such-block"}', articleId);
    const direct = (() => {
      try {
        exportStoredArticle(store, articleId, 'html');
      } catch (error) {
        return error;
      }
    })();
    const refusal = await exportStoredArticleOffThread(store, articleId, 'html', false, alwaysInWorker).catch((error: unknown) => error);
    expect(direct).toBeInstanceOf(ApiError);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ code: (direct as ApiError).code, message: (direct as ApiError).message });
  }, 30_000);
});
