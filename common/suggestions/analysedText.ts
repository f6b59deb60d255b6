import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { blockSeparator } from '../articleText';
import { noCheckpoint, type Checkpoint, type SuggestionBlock } from './types';

/**
 * The article read once by wink-nlp: tokens with their part of speech and UTF-16 offsets into the whole text,
 * sentences, and the model's number and date entities. Every rule of the pipeline reads this, so the model
 * runs once per article. Blocks are read one by one, so that no sentence runs across a block break.
 */

/** One token of the text, with its part of speech (Universal Dependencies tags, as wink gives them). */
export interface Token {
  text: string;
  lower: string;
  pos: string;
  start: number;
  end: number;
  /** Index of the token's sentence in `AnalysedText.sentences`. */
  sentence: number;
  block: number;
}

/** A sentence: its token range [firstToken, lastToken] and its UTF-16 range. */
export interface Sentence {
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
  block: number;
}

/** A block of the article, where it lies in the whole text and its type. */
export interface TextBlock {
  start: number;
  end: number;
  type: string;
}

/** A number, amount or date that the wink model found (CARDINAL, DATE, MONEY, PERCENT, DURATION...). */
export interface ModelEntity {
  type: string;
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
}

/** The article as the rules see it. */
export interface AnalysedText {
  text: string;
  blocks: TextBlock[];
  tokens: Token[];
  sentences: Sentence[];
  modelEntities: ModelEntity[];
}

/** The whole plain text of blocks, joined as the article's plain text is (`articleText`). */
export function suggestionText(blocks: readonly SuggestionBlock[]): string {
  return blocks.map((block) => block.text).join(blockSeparator);
}

let loaded: WinkMethods | null = null;

// The model takes about a tenth of a second to load: once per process or worker.
function nlp(): WinkMethods {
  loaded ??= winkNLP(model);
  return loaded;
}

/** Reads the blocks with the wink model. */
export function analyseText(blocks: readonly SuggestionBlock[], checkpoint: Checkpoint = noCheckpoint): AnalysedText {
  const reader = nlp();
  const its = reader.its;
  const text = suggestionText(blocks);
  const result: AnalysedText = { text, blocks: [], tokens: [], sentences: [], modelEntities: [] };
  let blockStart = 0;
  blocks.forEach((block, blockIndex) => {
    checkpoint();
    if (blockIndex > 0) blockStart += blockSeparator.length;
    const start = blockStart;
    blockStart += block.text.length;
    result.blocks.push({ start, end: blockStart, type: block.type });
    if (!/\S/u.test(block.text)) return;
    const doc = reader.readDoc(block.text);
    const values = doc.tokens().out(its.value) as string[];
    const tags = doc.tokens().out(its.pos) as string[];
    const firstIndex = result.tokens.length;
    let cursor = 0;
    const sentenceOf: number[] = new Array<number>(values.length).fill(0);
    const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];
    for (const [first, last] of sentenceSpans) {
      const sentenceIndex = result.sentences.length;
      for (let i = first; i <= last; i++) sentenceOf[i] = sentenceIndex;
      result.sentences.push({ start: 0, end: 0, firstToken: firstIndex + first, lastToken: firstIndex + last, block: blockIndex });
    }
    values.forEach((value, i) => {
      let at = block.text.indexOf(value, cursor);
      let end = at + value.length;
      // wink keeps tokens as written; should one ever differ, it gets an empty span where the reading stands.
      if (at < 0 || at - cursor > 50) {
        at = cursor;
        end = cursor;
      }
      cursor = Math.max(cursor, end);
      result.tokens.push({ text: value, lower: value.toLowerCase(), pos: tags[i] ?? 'X', start: start + at, end: start + end, sentence: sentenceOf[i]!, block: blockIndex });
    });
    for (let s = result.sentences.length - sentenceSpans.length; s < result.sentences.length; s++) {
      const sentence = result.sentences[s]!;
      sentence.start = result.tokens[sentence.firstToken]?.start ?? start;
      sentence.end = result.tokens[sentence.lastToken]?.end ?? start;
    }
    const entitySpans = doc.entities().out(its.span) as unknown as [number, number][];
    const entityTypes = doc.entities().out(its.type) as string[];
    entitySpans.forEach(([first, last], i) => {
      const firstToken = result.tokens[firstIndex + first];
      const lastToken = result.tokens[firstIndex + last];
      if (!firstToken || !lastToken) return;
      result.modelEntities.push({ type: entityTypes[i] ?? '', start: firstToken.start, end: lastToken.end, firstToken: firstIndex + first, lastToken: firstIndex + last });
    });
  });
  return result;
}
