import { parentPort } from 'node:worker_threads';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { ApiError, type EntityRecord } from '../../common/api';
import { annotationsOf } from '../../common/articleText';
import { linkedEntityIds } from '../../common/model/entityLinks';
import { withoutSuggestions } from '../../common/model/suggestions';
import { exportArticle } from '../formats/exportArticle';
import { storedDocument } from './articleDocument';
import type { ExportJob, ExportWorkerMessage, ExportWorkerReply } from './exportRunner';

/**
 * The worker thread that exports one large stored article (see exportRunner.ts): the checked document, the
 * writer's working data and the output are built in this thread's heap, whose young generation is kept small
 * and which the host gets back whole when the thread ends. It asks the host once for the registry entities the
 * document links to, since only the host holds the database.
 */

let job: ExportJob | null = null;
let doc: ProseMirrorNode | null = null;

parentPort?.on('message', (message: ExportWorkerMessage) => {
  try {
    if (message.kind === 'job') started(message.job);
    else finished(message.entities);
  } catch (error) {
    reply(
      error instanceof ApiError
        ? { kind: 'refused', refusal: { code: error.code, message: error.message } }
        : { kind: 'failed', failure: (error as Error)?.message ?? String(error) },
    );
  }
});

// Checks the stored document as the in-thread export does, then names the entities its records link to.
function started(received: ExportJob): void {
  job = received;
  try {
    doc = storedDocument(received.docJson);
    if (!received.includeSuggestions) doc = withoutSuggestions(doc);
  } catch (error) {
    throw new ApiError('internal', `The stored document of "${received.article.title}" (${received.article.id}) is damaged and cannot be exported: ${(error as Error).message}`);
  }
  // The document's JSON text is as large as the document: let go of it before the writer runs.
  job = { ...received, docJson: '' };
  const ids = new Set<string>();
  for (const record of Object.values(annotationsOf(doc))) for (const id of linkedEntityIds(record)) ids.add(id);
  reply({ kind: 'entities-wanted', ids: [...ids] });
}

function finished(entities: readonly EntityRecord[]): void {
  if (!job || !doc) throw new Error('The export worker was sent entities before its job.');
  const annotations = annotationsOf(doc);
  const { files, warnings } = exportArticle(job.format, { article: job.article, doc, annotations, entities: new Map(entities.map((entity) => [entity.id, entity])) });
  reply({ kind: 'exported', files, warnings });
}

function reply(message: ExportWorkerReply): void {
  parentPort!.postMessage(message);
}
