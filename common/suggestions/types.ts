import type { AttributionMode, EntityType, FigureFields } from '../model/annotation';

/**
 * The data the suggestion pipeline reads and writes. Everything here is plain data, so that a request and its
 * answer can cross a worker boundary (structured clone) unchanged.
 *
 * Offsets: every span in the output is a pair of UTF-16 offsets into the whole plain text of the article, end
 * exclusive, where the blocks are joined by a blank line ("\n\n"), exactly as `articleText(doc).text` builds it.
 * `suggestionText(blocks)` gives that text; the editor maps an offset to a block through `ArticleText.blocks`.
 */

/** One block of the article as plain text: a paragraph, headline, caption, credit line... */
export interface SuggestionBlock {
  text: string;
  /** The block's type name in the schema ("paragraph", "headline", "credit", ...); credit lines never yield quotes. */
  type: string;
}

/** A name the desk's registry holds: suggested wherever it appears, with its entity linked. */
export interface RegistryName {
  entityId: string;
  name: string;
  aliases: readonly string[];
  type: EntityType;
}

/** A name that editors rejected as a type, and how many times; from three rejections on it is not suggested as that type. */
export interface RejectedName {
  name: string;
  entityType: EntityType;
  count: number;
}

/** What the pipeline reads: the article's blocks, and optionally the desk's registry and past rejections. */
export interface SuggestionInput {
  blocks: readonly SuggestionBlock[];
  registry?: readonly RegistryName[];
  rejected?: readonly RejectedName[];
}

/**
 * Called between pieces of the pipeline's work (a block read, a stretch of names typed, a stage done), returning
 * when the work may go on: where a worker waits while the editor types. A piece is tens of milliseconds at most
 * on a 100,000-word article, so a pause asked for at a keystroke takes hold before the next.
 */
export type Checkpoint = () => void;

/** A checkpoint that never waits: the pipeline run straight through. */
export const noCheckpoint: Checkpoint = () => undefined;

/** Which kinds of suggestion to compute; all three when left out. */
export interface SuggestionOptions {
  kinds?: readonly SuggestionKind[];
}

export const suggestionKinds = ['entity', 'figure', 'attribution'] as const;
/** The three kinds of suggestion, named as the annotation kinds they become. */
export type SuggestionKind = (typeof suggestionKinds)[number];

/** A span of the article's plain text: UTF-16 offsets, end exclusive, and the text found there. */
export interface SuggestedSpan {
  start: number;
  end: number;
  text: string;
}

/** Why an entity was typed the way it was, for the inspector and for debugging the rules. */
export type EntityEvidence =
  | 'registry'
  | 'gazetteer'
  | 'title'
  | 'organisation-head'
  | 'place-head'
  | 'acronym'
  | 'acronym-long-form'
  | 'speech-subject'
  | 'appositive'
  | 'propagated'
  | 'preposition'
  | 'team'
  | 'name-shape';

/** A proposed entity mention. `entityId` is set when the name matched the registry. */
export interface EntitySuggestion extends SuggestedSpan {
  kind: 'entity';
  entityType: EntityType;
  entityId: string | null;
  evidence: EntityEvidence;
  /** From 0 to 1: how sure the rules are of the span and the type. */
  confidence: number;
}

/** A proposed figure, with the fields the model's one figure reader proposes for its text. */
export interface FigureSuggestion extends SuggestedSpan {
  kind: 'figure';
  figure: FigureFields;
  confidence: number;
}

/** Who a suggested attribution quotes: a name in the text, or an anonymous source's description. */
export type SuggestedSpeaker =
  | { type: 'entity'; name: string; start: number; end: number; entityId: string | null }
  | { type: 'anonymous'; description: string; start: number; end: number };

/** A proposed attribution: what was said (one span, or the parts of a split quote), its cue and its speaker. */
export interface AttributionSuggestion {
  kind: 'attribution';
  content: SuggestedSpan[];
  cue: SuggestedSpan | null;
  mode: AttributionMode;
  speaker: SuggestedSpeaker | null;
  /** The medium the words were given to ("AFP" in "told AFP"), '' when none. */
  medium: string;
  /** Direct quotes with a cue score highest; indirect speech lower. */
  confidence: number;
}

/** Any suggestion the pipeline makes. */
export type Suggestion = EntitySuggestion | FigureSuggestion | AttributionSuggestion;

/** Suggestions by kind, each list in text order, their offsets into a text the caller holds. */
export interface SuggestionsFound {
  entities: EntitySuggestion[];
  figures: FigureSuggestion[];
  attributions: AttributionSuggestion[];
}

/** The pipeline's answer: the suggestions and the text their offsets refer to. */
export interface SuggestionResult extends SuggestionsFound {
  text: string;
}
