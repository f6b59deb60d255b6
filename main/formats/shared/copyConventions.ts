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
      refined.push({ ...block, type: 'caption', ...splitCaptionCredit(block.text) });
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
