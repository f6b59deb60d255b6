import { analyseText } from './analysedText';
import { findAttributions } from './attributions';
import { findEntities } from './entities';
import { findFigures } from './figures';
import { withRegistry, withoutRejected } from './registryNames';
import { noCheckpoint, suggestionKinds, type Checkpoint, type SuggestionInput, type SuggestionOptions, type SuggestionResult } from './types';
import { wordsOf } from './words';

/**
 * The offline suggestion pipeline: reads an article's blocks once with wink-nlp, then proposes entities (rules,
 * gazetteers and the desk's registry), figures (with the model's figure reader) and attributions (quotes, cue,
 * speaker by the shared speaker rule). Pure and synchronous, with no DOM and no Node API, so that it runs in a
 * worker thread of main, in a web worker or in the command-line tool alike. Offsets are UTF-16 offsets into
 * `result.text`, the blocks joined by a blank line as `articleText` joins them. A worker may wait at each of its
 * checkpoints (see Checkpoint).
 */
export function suggestAnnotations(input: SuggestionInput, options: SuggestionOptions = {}, checkpoint: Checkpoint = noCheckpoint): SuggestionResult {
  const kinds = new Set(options.kinds ?? suggestionKinds);
  const analysed = analyseText(input.blocks, checkpoint);
  const words = wordsOf(analysed);
  checkpoint();
  const needEntities = kinds.has('entity') || kinds.has('attribution') || kinds.has('figure');
  const found = needEntities ? findEntities(analysed, words, checkpoint) : [];
  const entities = withoutRejected(withRegistry(analysed.text, found, input.registry ?? []), input.rejected ?? []);
  // A number inside a name ("Vostok 1") is part of the name; a weekday the registry holds is still a date.
  const namesWithNumbers = entities.filter((entity) => /\d/u.test(entity.text));
  const figures = kinds.has('figure') ? findFigures(analysed, namesWithNumbers, checkpoint) : [];
  const attributions = kinds.has('attribution')
    ? findAttributions(
        analysed,
        entities.map((entity) => ({ name: entity.text, start: entity.start, end: entity.end, entityType: entity.entityType, entityId: entity.entityId })),
        checkpoint,
      )
    : [];
  return { text: analysed.text, entities: kinds.has('entity') ? entities : [], figures, attributions };
}
