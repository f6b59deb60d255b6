import { emptyDraft, type DraftArticle, type DraftBlock } from '../shared/articleDraft';
import {
  applyDatelineConvention,
  captionPairCredit,
  endsLikeSentence,
  labelledCaption,
  looksLikeCaption,
  looksLikeHeadline,
  looksLikeSubhead,
  parseByline,
  parseCreditLine,
  sourceLine,
  sourcesSectionStart,
  splitCaptionCredit,
  splitDateline,
  splitRepeatedCaption,
} from '../shared/copyConventions';

/**
 * Plain-text articles as they arrive from wire copy, e-mail or a web page pasted into a file: blank lines
 * separate blocks, and the conventions of news copy (see copyConventions.ts) say which block is what.
 */

/** A run of lines that reads as one block, and how many lines it was made of. */
interface TextBlock {
  text: string;
  lineCount: number;
}

// Hard-wrapped copy (e-mail, old wire feeds) breaks lines at 60 to 100 columns; longer lines mean one
// line per paragraph, and a text of only short lines is a list of lines, not wrapped prose.
const wrapWidths = { min: 50, max: 100 };

function normalisedLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/gu, '\n')
    .replace(/\f/gu, '\n\n')
    .split('\n')
    .map((line) => line.trim());
}

function firstWord(line: string): string {
  return line.split(/\s/u, 1)[0] ?? '';
}

// Whether a single line break inside a run of lines only wraps a paragraph rather than ending a block.
function isSoftBreak(previous: string, next: string, wrapWidth: number | null): boolean {
  if (captionPairCredit(previous, next) !== null) return false;
  if (!endsLikeSentence(previous) && /^\p{Ll}/u.test(next)) return true;
  // A wrapper breaks a line only when the next word would not have fitted on it.
  return wrapWidth !== null && previous.length + 1 + firstWord(next).length > wrapWidth;
}

function joinWrappedLines(lines: readonly string[]): string {
  // A line ending in a hyphen after a letter wraps a compound ("opposition-held"): no space is added.
  return lines.map((line, index) => (index === 0 || /\p{L}-$/u.test(lines[index - 1] as string) ? line : ` ${line}`)).join('');
}

function splitBlocks(lines: readonly string[]): TextBlock[] {
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  const wrapWidth = longest >= wrapWidths.min && longest <= wrapWidths.max ? longest : null;
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push({ text: joinWrappedLines(current), lineCount: current.length });
    current = [];
  };
  for (const line of lines) {
    const previous = current[current.length - 1];
    if (line === '' || (previous !== undefined && !isSoftBreak(previous, line, wrapWidth))) flush();
    if (line !== '') current.push(line);
  }
  flush();
  return blocks;
}

function sameText(a: string, b: string): boolean {
  const normal = (text: string): string => text.replace(/\s+/gu, ' ').trim().toLowerCase();
  return normal(a) === normal(b);
}

// A closing credit names its source; a last short unpunctuated line is one too, as nothing follows it.
function closingCreditSource(block: TextBlock, isLast: boolean): string | null {
  const labelled = parseCreditLine(block.text);
  if (labelled !== null) return labelled;
  return isLast && block.lineCount === 1 && looksLikeSubhead(block.text) ? block.text.replace(/^[-–—]\s*/u, '') : null;
}

// Closing credits end at `end`: the end of the text, or the heading of a sources section that follows them.
function closingCreditsStart(blocks: readonly TextBlock[], bodyStart: number, end: number): number {
  let from = end;
  // The first body block is never a credit, whatever it looks like.
  while (from - 1 > bodyStart && closingCreditSource(blocks[from - 1] as TextBlock, from === blocks.length) !== null) from--;
  return from;
}

function classifyBlocks(blocks: readonly TextBlock[], bodyStart: number, draft: DraftArticle): DraftBlock[] {
  const sourcesAt = sourcesSectionStart(blocks.map((block, index) => (index < bodyStart ? '' : block.text)));
  const sourcesFrom = sourcesAt < 0 ? blocks.length : sourcesAt;
  const creditsFrom = closingCreditsStart(blocks, bodyStart, sourcesFrom);
  const body: DraftBlock[] = [];
  for (let i = bodyStart; i < blocks.length; i++) {
    const block = blocks[i] as TextBlock;
    const text = block.text;
    // A list of sources names where facts came from, not who the article is from: credits, not the source.
    if (i >= sourcesFrom) {
      body.push({ type: 'credit', text: i === sourcesFrom ? text : sourceLine(text) });
      continue;
    }
    const pairCredit = i + 1 < creditsFrom ? captionPairCredit(text, (blocks[i + 1] as TextBlock).text) : null;
    const repeated = block.lineCount > 1 ? splitRepeatedCaption(text) : null;
    const byline = i - bodyStart < 3 ? parseByline(text) : null;
    if (pairCredit !== null) {
      body.push({ type: 'caption', text, credit: pairCredit });
      i++;
    } else if (repeated) {
      body.push({ type: 'caption', ...repeated });
    } else if (i >= creditsFrom || byline !== null) {
      body.push({ type: 'credit', text });
      draft.source ||= byline ?? closingCreditSource(block, i === blocks.length - 1) ?? '';
    } else if (looksLikeCaption(text)) {
      body.push({ type: 'caption', ...(labelledCaption(text) ?? splitCaptionCredit(text)) });
    } else if (block.lineCount === 1 && i > bodyStart && looksLikeSubhead(text)) {
      body.push({ type: 'subhead', text });
    } else {
      body.push({ type: 'paragraph', text });
    }
  }
  // The standfirst is the opening paragraph after any dateline, unless a subhead already opened the body.
  const withDatelines = applyDatelineConvention(body);
  const opening = withDatelines.find((block) => block.type === 'paragraph' || block.type === 'subhead');
  if (opening?.type === 'paragraph') opening.type = 'standfirst';
  return withDatelines;
}

/**
 * Reads a plain-text article: a first short unpunctuated line followed by more text is the headline
 * (unless `givenTitle` is set, which wins), the first paragraph is the standfirst, short unpunctuated
 * lines are subheads, a caption repeated with an agency credit is one credited caption, and closing
 * source lines and bylines are credits. A dateline at the top (see splitDateline) is a dateline, also when it
 * stands above the headline; "Photo: …" and "Image: …" lines are credited captions; a closing "Sources" section's
 * lines are credits. Line ends, blank-line runs and stray whitespace are normalised.
 */
export function parsePlainText(text: string, givenTitle?: string): DraftArticle {
  let blocks = splitBlocks(normalisedLines(text));
  const draft = emptyDraft();
  let bodyStart = 0;
  const title = givenTitle?.trim();
  const isHeadline = (block: TextBlock | undefined): block is TextBlock =>
    block !== undefined && block.lineCount === 1 && parseByline(block.text) === null && splitDateline(block.text) === null && looksLikeHeadline(block.text);
  if (title) {
    draft.title = title;
    if (blocks[0] && sameText(blocks[0].text, title)) bodyStart = 1;
  } else if (blocks.length > 1 && isHeadline(blocks[0])) {
    draft.title = blocks[0].text;
    bodyStart = 1;
  } else if (blocks.length > 2 && blocks[0]!.lineCount === 1 && splitDateline(blocks[0]!.text)?.rest === '' && isHeadline(blocks[1])) {
    // A dateline above the headline, as pages copied from the web often have: the headline still leads.
    draft.title = blocks[1].text;
    blocks = [blocks[0]!, ...blocks.slice(2)];
  }
  draft.blocks = classifyBlocks(blocks, bodyStart, draft);
  return draft;
}
