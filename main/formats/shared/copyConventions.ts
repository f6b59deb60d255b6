import type { DraftBlock } from './draft';

/**
 * The conventions of news copy that let plain text be read as a structured article: what a headline, a
 * subhead, a photo caption with its agency credit and a closing source line look like. Shared by every
 * reader, so a caption pair or a "Source:" line means the same in a .txt, a .md, a web page or a .docx.
 */

/** Longest proposed title, in characters; editors shorten further by hand. */
export const maxProposedTitleLength = 90;

// Longer than any real photo caption; longer text is copy, and is not searched for captions.
const maxCaptionLength = 600;

// Latin, Arabic and CJK sentence and clause punctuation.
const finalPunctuation = new Set([...'.!?:;,…؟،؛。！？：；，۔']);
const closingMarks = /["”’'»)\]]+$/u;

/** Whether a line ends the way a sentence or clause does, looking past closing quotes and brackets. */
export function endsLikeSentence(line: string): boolean {
  const core = line.trim().replace(closingMarks, '');
  return core !== '' && finalPunctuation.has(core[core.length - 1] as string);
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

// Scripts without case (Arabic, CJK) never start with a lowercase letter, so only that is ruled out.
function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

/** Whether a line reads as a subhead: short, no final punctuation, not a sentence fragment. */
export function looksLikeSubhead(line: string): boolean {
  return line.length <= 80 && wordCount(line) <= 12 && !endsLikeSentence(line) && !startsLowercase(line);
}

/** Whether the first line of a text reads as its headline: short, unpunctuated or a question. */
export function looksLikeHeadline(line: string): boolean {
  const unpunctuated = !endsLikeSentence(line) || /[?？؟]["”’'»]*$/u.test(line);
  return line.length <= 150 && wordCount(line) <= 25 && unpunctuated && !startsLowercase(line);
}

const creditLabel = /^(?:sources?|credits?|(?:additional )?reporting(?: by)?|compiled by|written by|edited by)\s*(?:[:：–—-]\s*|(?<=by)\s+)(\S.*)$/iu;

/**
 * The source named by a closing credit line ("Source: TRTWorld and agencies", "— AFP"), or null when
 * the line is not one.
 */
export function parseCreditLine(line: string): string | null {
  if (line.length > 200 || wordCount(line) > 30) return null;
  const labelled = creditLabel.exec(line) ?? /^[–—]\s*(\S.{0,60})$/u.exec(line);
  return labelled?.[1]?.replace(/\.$/u, '').trim() ?? null;
}

/** The name in a byline ("By Jane Doe, Reuters"), or null when the line is not a byline. */
export function parseByline(line: string): string | null {
  const byline = /^[Bb]y\s+(\p{Lu}.{1,80})$/u.exec(line);
  return byline && !endsLikeSentence(line) ? (byline[1] as string).trim() : null;
}

const creditKeyword = /\b(?:photos?|photograph|pictures?|images?|getty|credit)\b/iu;

// The credit in what follows a caption: "(AP)", "Photo: AFP", "— Reuters"; null when it is not one.
function creditOf(rest: string): string | null {
  const trimmed = rest.trim();
  const bracketed = /^\(([^()]{1,80})\)$/u.exec(trimmed);
  if (bracketed) return (bracketed[1] as string).trim();
  const labelled = /^(?:[-–—|/]\s*)?(?:photo(?:graph)?s?|pictures?|images?|credit)\s*(?:[:：]|by\b)\s*(\S.{0,79})$/iu.exec(trimmed);
  if (labelled) return (labelled[1] as string).trim();
  const dashed = /^[-–—|/]\s*(\S.{0,79})$/u.exec(trimmed);
  return dashed ? (dashed[1] as string).trim() : null;
}

/**
 * Splits a caption from the photo credit at its end: "… Syria. (AP)" or "… Syria. Photo: AFP". A trailing
 * bracket counts as a credit only after a full stop or when it names a photo, so "(Syria)" stays text.
 */
export function splitCaptionCredit(caption: string): { text: string; credit: string } {
  const bracketed = /^(.*\S)\s*(\([^()]{1,80}\))$/su.exec(caption);
  if (bracketed) {
    const [, text, rest] = bracketed as unknown as [string, string, string];
    if (endsLikeSentence(text) || creditKeyword.test(rest)) return { text, credit: creditOf(rest) ?? '' };
  }
  const labelled = /^(.*?[.!?"”’])\s+((?:photo(?:graph)?s?|pictures?|images?|credit)\s*(?:[:：]|by\b).{1,80})$/isu.exec(caption);
  if (labelled) {
    const credit = creditOf(labelled[2] as string);
    if (credit) return { text: labelled[1] as string, credit };
  }
  return { text: caption, credit: '' };
}

/**
 * The credit when `second` repeats the caption `first` with a credit added, as copy pasted from a web
 * page does ("… Syria." then "… Syria. (AP)"); null when the two lines are not such a pair.
 */
export function captionPairCredit(first: string, second: string): string | null {
  // Short lines repeat by chance ("Yes" / "Yes (AP)"); real captions are sentences.
  if (first.length < 20 || !second.startsWith(first) || second.length === first.length) return null;
  return creditOf(second.slice(first.length));
}

/** The caption and credit of text that holds a caption twice in a row, the second time credited. */
export function splitRepeatedCaption(text: string): { text: string; credit: string } | null {
  if (text.length > 2 * maxCaptionLength) return null;
  for (let space = text.indexOf(' '); space > 0 && space < text.length / 2; space = text.indexOf(' ', space + 1)) {
    const first = text.slice(0, space);
    const credit = captionPairCredit(first, text.slice(space + 1));
    if (credit) return { text: first, credit };
  }
  return null;
}

const captionLabel = /^(?:photo(?:graph)?|picture|image|caption|pictured|file photo)\s*[:：]/iu;
const captionOpener = /^(?:in\s+)?(?:this|the|a|an)\s+(?:\S+\s+){0,2}?(?:photo(?:graph)?|picture|image|handout|file photo|video grab|still)\b/iu;
const photoCreditAtEnd = /\([^()]*\b(?:photos?|photograph|pictures?|images?|getty)\b[^()]*\)$/iu;

/**
 * Whether a single line reads as a photo caption: labelled ("Photo: …"), ending in a photo credit, or
 * opening like one ("This photo released …") and either credited or describing what it shows.
 */
export function looksLikeCaption(line: string): boolean {
  if (line.length > maxCaptionLength) return false;
  if (captionLabel.test(line) || photoCreditAtEnd.test(line)) return true;
  return captionOpener.test(line) && (splitCaptionCredit(line).credit !== '' || /\b(?:shows?|pictured|seen)\b/iu.test(line));
}

/**
 * Proposes a title from the opening text when the source has none: its first sentence, or when that is
 * too long its longest opening clause that fits, or else its first words cut at a word boundary.
 */
export function proposeTitle(text: string): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  // A sentence ends at punctuation and a space; the first 20 characters are skipped so "U.S." does not end one.
  const sentenceEnd = /[.!?…。！？؟](?=\s|$)/gu;
  sentenceEnd.lastIndex = Math.min(20, oneLine.length);
  const end = sentenceEnd.exec(oneLine);
  const sentence = (end ? oneLine.slice(0, end.index + 1) : oneLine).replace(/[.…。]$/u, '');
  if (sentence.length <= maxProposedTitleLength) return sentence;
  const clauseEnds = [...sentence.slice(0, maxProposedTitleLength + 1).matchAll(/[,;:]\s|\s[–—-]\s/gu)]
    .map((match) => match.index)
    .filter((index) => index >= 30);
  const clauseEnd = clauseEnds[clauseEnds.length - 1];
  if (clauseEnd !== undefined) return sentence.slice(0, clauseEnd).trim();
  const wordEnd = sentence.lastIndexOf(' ', maxProposedTitleLength - 1);
  return `${sentence.slice(0, wordEnd > 0 ? wordEnd : maxProposedTitleLength - 1).replace(/[\s,;:–—-]+$/u, '')}…`;
}

/**
 * Applies the caption and credit conventions to paragraphs of a format with its own structure (HTML,
 * Markdown, Word): caption pairs become one credited caption, caption-like lines become captions, and
 * closing source lines become credits. Headings and standfirsts come from the format itself.
 */
export function applyCaptionAndCreditConventions(blocks: readonly DraftBlock[]): DraftBlock[] {
  const refined: DraftBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as DraftBlock;
    const next = blocks[i + 1];
    const pairCredit = block.type === 'paragraph' && next?.type === 'paragraph' ? captionPairCredit(block.text, next.text) : null;
    if (pairCredit !== null) {
      refined.push({ type: 'caption', text: block.text, credit: pairCredit });
      i++;
    } else if ((block.type === 'paragraph' && looksLikeCaption(block.text)) || (block.type === 'caption' && !block.credit)) {
      refined.push({ ...block, type: 'caption', ...(labelledCaption(block.text) ?? splitCaptionCredit(block.text)) });
    } else {
      refined.push(block);
    }
  }
  for (let i = refined.length - 1; i > 0; i--) {
    const block = refined[i] as DraftBlock;
    if (block.type !== 'paragraph' || parseCreditLine(block.text) === null) break;
    refined[i] = { ...block, type: 'credit' };
  }
  return refined;
}

const monthNames = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const weekdayNames = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun';
const month = `(?:${monthNames})\\.?`;
const dayOfMonth = '(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?';
// "August 2, 2015", "Aug. 2", "2 August 2015", "2015-08-02"; a weekday may open it.
const calendarDate = `(?:(?:${weekdayNames})\\.?,?\\s+)?(?:${month}\\s+${dayOfMonth}(?:,?\\s+\\d{4})?|${dayOfMonth}\\s+${month}(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2})`;
const clockTime = '(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?:\\s?[ap]\\.?m\\.?)?(?:\\s+\\p{Lu}{2,5})?';
const dateOnlyLine = new RegExp(
  `^(?:(?:published|updated|posted|last updated)(?:\\s+on)?:?\\s+)?${calendarDate}(?:(?:,|\\s+at|\\s+[-–—|])?\\s+${clockTime})?\\.?$`,
  'iu',
);
// A wire service's dateline: the place in capitals, then the date, the agency or both, then a dash.
const placeInCapitals = "\\p{Lu}[\\p{Lu}\\p{M}'’.]+(?:[ -]\\p{Lu}[\\p{Lu}\\p{M}'’.]*)*";
const region = `,\\s*(?!(?:${monthNames})\\b)\\p{Lu}[\\p{Ll}\\p{M}.]+(?:\\s\\p{Lu}[\\p{Ll}\\p{M}.]+)*`;
const wireDateline = new RegExp(
  `^(${placeInCapitals}(?:${region})?(?:,\\s*(?<date>${month}\\s+${dayOfMonth}(?:,?\\s+\\d{4})?))?(?:\\s*(?<agency>\\([^()]{1,40}\\)))?)(?:\\s*[-–—]+(?:\\s+(?<rest>\\S.*))?)?$`,
  'su',
);

/**
 * The dateline that opens a block, and the copy after it: a line that is only a date ("Sunday, August 2, 2015",
 * "Updated: 2 August 2015 14:30 BST"), or a wire service's dateline before the first sentence ("DAMASCUS,
 * March 11 (Reuters) - Government forces …"). The dash after a wire dateline is its separator and is dropped.
 * Null when the block does not open with one.
 */
export function splitDateline(text: string): { dateline: string; rest: string } | null {
  const line = text.trim();
  if (line.length <= 80 && dateOnlyLine.test(line)) return { dateline: line, rest: '' };
  const wire = wireDateline.exec(line);
  // Capitals alone could be a shouted sentence; a dateline names a date or an agency.
  if (!wire || (!wire.groups?.date && !wire.groups?.agency)) return null;
  return { dateline: (wire[1] as string).trim(), rest: wire.groups?.rest?.trim() ?? '' };
}

// How far into the body a dateline may stand: after a byline or two, never after the copy has begun.
const datelineReach = 3;

/**
 * Turns the datelines at the top of an article's body into dateline blocks: within the first few blocks and
 * before any copy, a block that is a dateline becomes one, and a paragraph that opens with a wire dateline is
 * split into the dateline and the paragraph. Blocks that carry tags are left as they are.
 */
export function applyDatelineConvention(blocks: readonly DraftBlock[]): DraftBlock[] {
  const result: DraftBlock[] = [];
  let open = true;
  blocks.forEach((block, index) => {
    const prose = block.type === 'paragraph' || block.type === 'standfirst';
    const candidate = open && index < datelineReach && (prose || block.type === 'subhead') && !block.marks?.length ? splitDateline(block.text) : null;
    // A short line alone reads as a subhead; it is a dateline only when it is nothing but one.
    const found = candidate && (prose || candidate.rest === '') ? candidate : null;
    if (found) {
      result.push({ type: 'dateline', text: found.dateline });
      if (found.rest) result.push({ ...block, text: found.rest });
    } else result.push(block);
    // Bylines and datelines come before the copy; the first other block ends the search.
    if (block.type !== 'credit' && block.type !== 'dateline' && (!found || found.rest)) open = false;
  });
  return result;
}

const captionLabelPrefix = /^(?:photo(?:graph)?|picture|image|caption|pictured|file photo)\s*[:：]\s*/iu;

/**
 * A caption line labelled "Photo: …" or "Image: …" as its caption and credit, the label dropped: "Image: The pier
 * at dawn. (Harbour Board)" is the caption "The pier at dawn." credited to the Harbour Board. Null when the line
 * carries no such label.
 */
export function labelledCaption(line: string): { text: string; credit: string } | null {
  const label = captionLabelPrefix.exec(line);
  if (!label) return null;
  const rest = line.slice(label[0].length).trim();
  return rest ? splitCaptionCredit(rest) : null;
}

/** Whether a block's text is the heading of a closing list of sources ("Sources", "Sources:", "References"). */
export function isSourcesHeading(text: string): boolean {
  return /^(?:sources?|references|source list|sources and references)\s*[:：]?$/iu.test(text.trim());
}

// Longer than any one source line; a longer block after the heading is copy, and the heading a subhead.
const maxSourceLineLength = 300;

/**
 * Where a closing "Sources" section starts among an article's blocks (given as their texts): the index of its
 * heading, or -1. Only the last such heading counts, and only when a short list follows it to the end, so a
 * subhead "Sources" in the middle of the copy stays a subhead.
 */
export function sourcesSectionStart(texts: readonly string[]): number {
  let at = -1;
  texts.forEach((text, index) => {
    if (isSourcesHeading(text)) at = index;
  });
  const section = texts.slice(at + 1);
  return at >= 0 && section.length > 0 && section.every((text) => text.length <= maxSourceLineLength) ? at : -1;
}

/** A line of a sources list as a credit line: its list marker ("• ", "- ", "* ") dropped. */
export function sourceLine(text: string): string {
  return text.replace(/^[•*–-]\s+/u, '');
}

/** Makes a closing "Sources" section (see sourcesSectionStart) into credit lines, its heading included. */
export function applySourcesConvention(blocks: readonly DraftBlock[]): DraftBlock[] {
  const at = sourcesSectionStart(blocks.map((block) => block.text));
  // A picture after the heading means the copy goes on.
  if (at < 0 || blocks.slice(at + 1).some((block) => block.type === 'caption')) return [...blocks];
  // Tagged blocks keep their words, so that their tags' offsets stay true.
  const credits = blocks.slice(at).map((block): DraftBlock => (block.marks?.length ? { ...block, type: 'credit' } : { type: 'credit', text: sourceLine(block.text) }));
  return [...blocks.slice(0, at), ...credits];
}

/**
 * Every convention of news copy for formats with their own structure (HTML, Markdown, Word): captions and
 * credits, a closing sources section, and datelines at the top.
 */
export function applyCopyConventions(blocks: readonly DraftBlock[]): DraftBlock[] {
  return applyDatelineConvention(applySourcesConvention(applyCaptionAndCreditConventions(blocks)));
}
