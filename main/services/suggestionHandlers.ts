import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { newId } from '../../common/model/annotation';
import { ApiError, type SuggestionCounts } from '../../common/api';
import { annotationsOf, articleText } from '../../common/articleText';
import { placeSuggestions, taggedWordsOf, withoutTaggedWords, withPlacedAnnotations, type PlacedAnnotation } from '../../common/model/suggestions';
import { suggestionKinds, type SuggestionKind } from '../../common/suggestions/types';
import type { Store } from '../store/index';
import type { ApiHandlers } from './apiDispatch';
import { storedDocument } from './articleDocument';
import { articleNotFound, saveArticleDocument } from './articleWriter';
import type { SuggestionRunner } from './suggestionRunner';

/**
 * Suggestions through the services: the pipeline runs in the worker with the desk's registry as a gazetteer and
 * its rejections; the editor places what comes back on its own, newer text, and stored articles (the command
 * line, an import) get theirs as suggested records saved as the article's next revision.
 */

/** Suggestions for a document as it stands: records with status `suggested` and where their marks go. */
export async function suggestionsFor(
  store: Store,
  runner: SuggestionRunner,
  articleId: string | null,
  doc: ProseMirrorNode,
  kinds: readonly SuggestionKind[],
  timeoutMs?: number,
): Promise<PlacedAnnotation[]> {
  const text = articleText(doc);
  const result = await runner.suggest(
    { blocks: text.blocks.map((block) => ({ text: block.text, type: block.type })), registry: store.entities.registryNames(), rejected: store.suggestionRejections.rejectedNames() },
    { kinds },
    timeoutMs,
  );
  // The text did not change while the worker ran: this document is what it read.
  const existing = annotationsOf(doc);
  return placeSuggestions(result, {
    text,
    existing,
    tagged: taggedWordsOf(text, existing),
    rejected: new Set(articleId ? store.suggestionRejections.keysOf(articleId) : []),
    now: new Date().toISOString(),
    newId,
  });
}

function countByKind(articleId: string, placed: readonly PlacedAnnotation[]): SuggestionCounts {
  const counts: SuggestionCounts = { articleId, entity: 0, figure: 0, attribution: 0 };
  for (const { record } of placed) counts[record.kind] += 1;
  return counts;
}

/** The suggestion methods of the contract. */
export function createSuggestionHandlers(
  store: Store,
  runner: SuggestionRunner,
): Pick<ApiHandlers, 'suggestAnnotations' | 'pauseSuggestions' | 'rejectSuggestions' | 'addSuggestions'> {
  return {
    async suggestAnnotations({ articleId, blocks, kinds, tagged }) {
      if (store.articles.revision(articleId) === undefined) throw articleNotFound();
      const result = await runner.suggest(
        { blocks, registry: store.entities.registryNames(), rejected: store.suggestionRejections.rejectedNames() },
        { kinds: kinds ?? suggestionKinds },
      );
      const { entities, figures, attributions } = tagged ? withoutTaggedWords(result, tagged) : result;
      return { result: { entities, figures, attributions }, rejectedKeys: store.suggestionRejections.keysOf(articleId) };
    },
    pauseSuggestions({ forMs }) {
      runner.pause(forMs);
    },
    rejectSuggestions({ articleId, rejections }) {
      if (store.articles.revision(articleId) === undefined) throw articleNotFound();
      store.transaction(() => {
        for (const rejection of rejections) {
          store.suggestionRejections.addKey(articleId, rejection.key);
          if (rejection.entityType !== null && rejection.name.trim()) store.suggestionRejections.countRejectedName(rejection.name, rejection.entityType);
        }
      });
    },
    async addSuggestions({ articleIds, kinds }) {
      const counts: SuggestionCounts[] = [];
      for (const articleId of articleIds) {
        const stored = store.articles.find(articleId);
        if (!stored) throw articleNotFound();
        const placed = await suggestionsFor(store, runner, articleId, storedDocument(stored.packedJson), kinds ?? suggestionKinds);
        if (placed.length > 0) {
          // Saved against the revision the suggestions were computed on: an edit made meanwhile wins, as a conflict.
          const latest = store.articles.find(articleId);
          if (!latest || latest.revision !== stored.revision) {
            throw new ApiError('conflict', `"${stored.title}" changed while suggestions were computed; run the suggestions again.`);
          }
          saveArticleDocument(store, articleId, stored.revision, withPlacedAnnotations(storedDocument(latest.packedJson), placed), new Date().toISOString());
        }
        counts.push(countByKind(articleId, placed));
      }
      return counts;
    },
  };
}
