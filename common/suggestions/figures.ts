import { proposedFigureFields } from '../model/figureReader';
import type { FigureFields } from '../model/annotation';
import type { AnalysedText } from './analysedText';
import { noCheckpoint, type Checkpoint, type FigureSuggestion } from './types';

/**
 * Figures: every number, amount, percentage, date and duration the wink model finds (its CARDINAL, MONEY,
 * PERCENT, DATE, DURATION and TIME entities), and any number token it left out. The span takes a qualifier
 * said before the number ("more than", "about") and a scale or percent written after it ("$1.5 bn", "45 per
 * cent"); the fields come from the model's one figure reader, `proposedFigureFields`, reading the span and the
 * few words after it, so that what is counted ("400,000 people" -> "people") is proposed without being tagged.
 */

const relativeDays = /\b(?:(?:this|last|next|that|the)\s+)?weekend\b|\b(?:yesterday|today|tomorrow|tonight)\b/giu;
const figureTypes = new Set(['CARDINAL', 'MONEY', 'PERCENT', 'DATE', 'DURATION', 'TIME']);

const qualifierBefore = /(?:(?:tens|hundreds|dozens)\s+of|more than|less than|fewer than|at least|up to|as many as|as much as|an estimated|nearly|almost|about|around|approximately|roughly|some|over|under|just over|just under|close to)\s+$/iu;
const scaleAfter = /^\s*(?:bn|mn|m|k|million|billion|trillion|thousand|per cent|percent|%)(?![\p{L}\p{N}])/iu;

/** Finds the figures of an analysed article, outside the spans in `exclude` (names such as "Vostok 1"). */
export function findFigures(analysed: AnalysedText, exclude: readonly { start: number; end: number }[] = [], checkpoint: Checkpoint = noCheckpoint): FigureSuggestion[] {
  const { text } = analysed;
  const spans: { start: number; end: number; date: boolean }[] = [];
  const covered = new Set<number>();
  for (const entity of analysed.modelEntities) {
    if (!figureTypes.has(entity.type)) continue;
    spans.push({ start: entity.start, end: entity.end, date: entity.type === 'DATE' || entity.type === 'TIME' });
    for (let i = entity.firstToken; i <= entity.lastToken; i++) covered.add(i);
  }
  checkpoint();
  analysed.tokens.forEach((token, index) => {
    if (index % 8192 === 0) checkpoint();
    if (covered.has(index)) return;
    if (token.pos !== 'NUM' && !/^\d/u.test(token.text)) return;
    if (!/\d/u.test(token.text) && token.pos !== 'NUM') return;
    const previous = analysed.tokens[index - 1];
    // "no one", "one another": pronouns, not counts.
    if (/^one$/iu.test(token.text) && previous && ['no', 'any', 'every', 'some', 'the', 'this', 'that'].includes(previous.lower)) return;
    if (/^one$/iu.test(token.text) && analysed.tokens[index + 1]?.lower === 'another') return;
    spans.push({ start: token.start, end: token.end, date: false });
  });
  // Relative days the model leaves out ("this weekend", "tonight").
  for (const match of text.matchAll(relativeDays)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!spans.some((span) => span.start < end && start < span.end)) spans.push({ start, end, date: true });
  }
  const figures: FigureSuggestion[] = [];
  checkpoint();
  for (const [index, span] of spans.sort((a, b) => a.start - b.start).entries()) {
    if (index % 256 === 255) checkpoint();
    let { start, end } = span;
    if (exclude.some((name) => name.start <= start && end <= name.end)) continue;
    if (!span.date) {
      const qualifier = qualifierBefore.exec(text.slice(Math.max(0, start - 25), start));
      if (qualifier) start -= qualifier[0].length;
      const scale = scaleAfter.exec(text.slice(end, end + 12));
      if (scale) end += scale[0].length;
    }
    const previous = figures[figures.length - 1];
    if (previous && previous.end >= start) {
      // Touching readings ("$1.5" and "bn") are one figure.
      if (end > previous.end) {
        previous.end = end;
        previous.text = text.slice(previous.start, end);
        previous.figure = fieldsOf(analysed, previous.start, end, span.date);
      }
      continue;
    }
    const figure = fieldsOf(analysed, start, end, span.date);
    // A value read is a confident proposal; a kind alone leaves the value to the editor.
    figures.push({ kind: 'figure', start, end, text: text.slice(start, end), figure, confidence: figure.value ? 0.8 : 0.4 });
  }
  return figures;
}

// The reader's proposal; a span the model read as a date stays a date when the reader finds no value
// ("this weekend", "last week").
function fieldsOf(analysed: AnalysedText, start: number, end: number, date: boolean): FigureFields {
  const fields = proposedFigureFields(fieldText(analysed, start, end, date));
  return date && fields.figureKind === null ? { ...fields, figureKind: 'date' } : fields;
}

const unitParts = new Set(['NOUN', 'ADJ', 'PROPN']);

// The text the figure reader is given: the figure and, for amounts, the nouns after it that name what is
// counted ("400,000 civilians trapped" -> "civilians"), by wink's parts of speech; "of" may join two nouns.
function fieldText(analysed: AnalysedText, start: number, end: number, date: boolean): string {
  const own = analysed.text.slice(start, end);
  if (date) return own;
  const tokens = analysed.tokens;
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.start < end) low = middle + 1;
    else high = middle;
  }
  let last = -1;
  for (let i = low; i < tokens.length && i < low + 4; i++) {
    const token = tokens[i]!;
    if (token.sentence !== tokens[low]!.sentence) break;
    // A name may qualify what is counted ("13 HTS members") but not be it.
    if (unitParts.has(token.pos)) {
      if (!/^\p{Lu}/u.test(token.text)) last = i;
    } else if (token.lower === 'of' && i === low) continue;
    else break;
  }
  if (last < 0) return own;
  return `${own} ${analysed.text.slice(tokens[low]!.start, tokens[last]!.end)}`;
}
