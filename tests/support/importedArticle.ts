import type { ImportReply, ImportResult } from '../../common/api';

/**
 * The new article of an import reply, for tests and benchmarks that import on purpose; a reply that found a
 * duplicate instead fails loudly, naming the article already in the library.
 */
export function importedArticle(reply: ImportReply): ImportResult {
  if (reply.outcome === 'duplicate') throw new Error(`Expected a new article, but the library already holds this text as "${reply.existing.title}" (${reply.existing.id}).`);
  return reply;
}
