import type { EntityType } from './annotation';

/**
 * The one rule that proposes who said a quote, used by the suggestion pipeline and by the editor's speaker
 * picker, so that both rank the same names first. Given the text, the quote's content span(s), its cue if any
 * and the names mentioned in the article, the speakers are ranked:
 *
 * 1. A person or organisation attached to the cue: "X said", "X, 45, a teacher, said", "said X", "said team
 *    member X", "according to X", "X told AFP" (the addressee of "told" is the medium, never the speaker).
 * 2. A pronoun at the cue ("he said", "she added", "it added"), resolved to the last sentence before it that
 *    names a person (for "he", "she") or organisation (for "it", "they") outside any quote, and there to its
 *    subject, the first such name ("Kane won the Man of the Match award. He said" is Kane); "the X" is skipped.
 *    A cue with no subject of its own ("..., and said it was “...”") takes the first person of its sentence.
 * 3. An anonymous source at the cue: "a negotiator told AFP", "officials said", "said a senior diplomat".
 * 4. For a quote with no speaker at its cue, the previous quote's speaker: a continuation.
 * 5. Every other person or organisation, by distance from the quote (not by order in the document); a name
 *    inside the quote itself comes last.
 */

/** A span of the text: UTF-16 offsets, end exclusive. */
export interface SpeakerTextSpan {
  start: number;
  end: number;
}

/** A name mentioned in the article that could be a speaker. */
export interface SpeakerMention extends SpeakerTextSpan {
  name: string;
  entityType: EntityType;
  /** The registry entity, when the mention is linked. */
  entityId?: string | null;
}

/** Why a speaker was ranked where it is. */
export type SpeakerReason = 'cue' | 'pronoun' | 'anonymous' | 'continuation' | 'distance';

/** One proposed speaker: a mention of the article, or an anonymous description found at the cue. */
export type ProposedSpeaker =
  | { type: 'entity'; mention: SpeakerMention; reason: SpeakerReason; score: number }
  | { type: 'anonymous'; description: string; start: number; end: number; reason: 'anonymous' | 'continuation'; score: number };

/** What the rule reads. */
export interface SpeakerProposalRequest {
  text: string;
  /** The quote: one span, or the parts of a split quote. */
  content: readonly SpeakerTextSpan[];
  cue: SpeakerTextSpan | null;
  mentions: readonly SpeakerMention[];
  /** The speaker of the quote before this one, proposed for a continuation. */
  previousSpeaker?: ProposedSpeaker | null;
  /** Spans of every quote of the article: names inside them are not resolved as pronouns. */
  quoted?: readonly SpeakerTextSpan[];
}

/** Ranks the candidate speakers of a quote, best first; see the rule at the top of this file. */
export function proposeSpeakers(request: SpeakerProposalRequest): ProposedSpeaker[] {
  const { text, cue } = request;
  const content = [...request.content].sort((a, b) => a.start - b.start);
  const speakers = request.mentions.filter((mention) => mention.entityType === 'person' || mention.entityType === 'organisation');
  const ranked: ProposedSpeaker[] = [];
  if (cue) {
    const attached = attachedToCue(text, cue, speakers, content);
    if (attached) ranked.push({ type: 'entity', mention: attached, reason: 'cue', score: 1 });
    if (!attached) {
      const pronoun = pronounAtCue(text, cue);
      const resolved = pronoun ? resolvePronoun(text, pronoun, speakers, request.quoted ?? content) : null;
      if (resolved) ranked.push({ type: 'entity', mention: resolved, reason: 'pronoun', score: 0.9 });
      const anonymous = pronoun ? null : anonymousAtCue(text, cue);
      if (anonymous) ranked.push({ type: 'anonymous', ...anonymous, reason: 'anonymous', score: 0.85 });
      // "X said her party ... and said it was “...”": the subject of the sentence said it.
      const subject = pronoun || anonymous ? null : sentenceSubject(text, cue, speakers, request.quoted ?? content);
      if (subject) ranked.push({ type: 'entity', mention: subject, reason: 'cue', score: 0.75 });
    }
  }
  if (ranked.length === 0 && request.previousSpeaker) {
    ranked.push({ ...request.previousSpeaker, reason: 'continuation', score: 0.8 } as ProposedSpeaker);
  }
  const first = content[0];
  const last = content[content.length - 1];
  const byDistance: ProposedSpeaker[] = [];
  for (const mention of speakers) {
    // The addressee of "told" is the medium ("told AFP"), not a speaker.
    if (/\b(?:told|tell|tells|telling)\s+$/iu.test(text.slice(Math.max(0, mention.start - 9), mention.start))) continue;
    const distance = !first || !last ? 0 : mention.end <= first.start ? first.start - mention.end : mention.start >= last.end ? mention.start - last.end : -1;
    const inside = distance < 0;
    const score = (inside ? 0.05 : 0.5 / (1 + distance / 200)) * (mention.entityType === 'person' ? 1 : 0.8);
    byDistance.push({ type: 'entity', mention, reason: 'distance', score });
  }
  byDistance.sort((a, b) => b.score - a.score);
  return dedupeSpeakers([...ranked, ...byDistance]);
}

// Verbs news style puts before their speaker ("said X", "added the minister"); after other verbs ("described X
// as") the name is the object, not the speaker.
const invertingVerbs = /^(?:said|says|added|adds|asked|asks|explained|continued|wrote|writes|replied|recalled|noted|insisted|concluded|declared|stated|warned|told|tweeted|argued|admitted|acknowledged|announced|confirmed)$/u;

// Words that may stand between a name and its verb: "X also said", "X has told".
const betweenNameAndVerb = /^\s+(?:also|has|had|have|later|then|further|again|previously|recently|once|once again|was quoted as having|is quoted as having)?\s*$/u;
// An appositive between the name and the verb: "X, 45, a teacher, said".
const appositive = /^\s*,[^.!?"“”\n]{1,120},\s*$/u;
// Title words between the verb and the name: "said team member X", "said Ambassador X".
const titleBetween = /^\s+(?:[\p{L}.'’-]+\s+){1,4}$/u;

function attachedToCue(text: string, cue: SpeakerTextSpan, speakers: readonly SpeakerMention[], content: readonly SpeakerTextSpan[]): SpeakerMention | null {
  const cueText = text.slice(cue.start, cue.end).toLowerCase();
  const telling = /^(?:told|tell|tells|telling|retold)\b/u.test(cueText);
  const according = cueText.startsWith('according');
  const insideQuote = (mention: SpeakerMention): boolean => content.some((span) => mention.start < span.end && mention.end > span.start);
  let best: { mention: SpeakerMention; score: number } | null = null;
  const consider = (mention: SpeakerMention, score: number): void => {
    // Between two names attached alike, the nearer to the cue wins.
    const gap = mention.end <= cue.start ? cue.start - mention.end : mention.start - cue.end;
    // "said SOHR chief Rami Abdel Rahman": the person outranks the organisation beside the verb.
    const weighted = score * (mention.entityType === 'person' ? 1 : 0.85) - gap / 10_000;
    if (!best || weighted > best.score) best = { mention, score: weighted };
  };
  for (const mention of speakers) {
    if (insideQuote(mention)) continue;
    if (mention.end <= cue.start && !according) {
      const gap = text.slice(mention.end, cue.start);
      if (/^\s*$/u.test(gap) || betweenNameAndVerb.test(gap)) consider(mention, 1);
      else if (appositive.test(gap) && !gap.slice(1).trimStart().startsWith(',')) consider(mention, 0.95);
    } else if (mention.start >= cue.end && !telling && (according || invertingVerbs.test(cueText))) {
      const gap = text.slice(cue.end, mention.start);
      if (/^\s*$/u.test(gap) || (according && /^\s+the\s+$/iu.test(gap))) consider(mention, 1);
      else if (!according && titleBetween.test(gap) && !/[,;:]/u.test(gap)) consider(mention, 0.9);
    }
  }
  const attached = (best as { mention: SpeakerMention; score: number } | null)?.mention ?? null;
  return attached ? holderOf(text, attached, speakers) : null;
}

// "Major General Vladimir Zolotukhin of the Russian Centre ... told": the person whose organisation stands at the
// cue is the speaker. Follows "of (the)" and "'s" back from the name at the cue to a person, if there is one.
function holderOf(text: string, mention: SpeakerMention, speakers: readonly SpeakerMention[]): SpeakerMention {
  let current = mention;
  for (let step = 0; step < 4 && current.entityType !== 'person'; step++) {
    const link = /(?:\s+of(?:\s+the)?\s+|['’]s\s+|,\s+)$/u.exec(text.slice(Math.max(0, current.start - 12), current.start));
    if (!link) break;
    const linkStart = current.start - link[0].length;
    const before = speakers.find((other) => other.end === linkStart && other !== current);
    if (!before) break;
    current = before;
  }
  return current.entityType === 'person' ? current : mention;
}

interface Pronoun {
  word: 'person' | 'organisation';
  at: number;
}

function pronounAtCue(text: string, cue: SpeakerTextSpan): Pronoun | null {
  const before = /\b(he|she|it|they)\s+(?:also\s+|then\s+|later\s+)?$/iu.exec(text.slice(Math.max(0, cue.start - 20), cue.start));
  // "said he." but not "said it was": after the verb a pronoun speaks only when the clause ends there.
  const after = /^\s+(he|she|it|they)(?=\s*[,.;:!?]|\s*$)/iu.exec(text.slice(cue.end, cue.end + 10));
  const found = before ?? after;
  if (!found) return null;
  const word = found[1]!.toLowerCase();
  const at = before ? cue.start - before[0].length : cue.end;
  return { word: word === 'he' || word === 'she' ? 'person' : 'organisation', at };
}

// The sentences before the pronoun, nearest first: the first one naming a person (or organisation, for "it")
// outside a quote gives its first such name, the subject ("Harry Kane won the award. He said").
function resolvePronoun(text: string, pronoun: Pronoun, speakers: readonly SpeakerMention[], quoted: readonly SpeakerTextSpan[]): SpeakerMention | null {
  const eligible = speakers
    .filter((mention) => mention.entityType === pronoun.word && mention.end <= pronoun.at)
    .filter((mention) => !quoted.some((span) => mention.start >= span.start && mention.end <= span.end))
    .filter((mention) => pronoun.word !== 'person' || !/\bthe\s+$/iu.test(text.slice(Math.max(0, mention.start - 5), mention.start)))
    .sort((a, b) => a.start - b.start);
  const last = eligible[eligible.length - 1];
  if (!last) return null;
  const sentenceStart = sentenceStartBefore(text, last.start);
  return eligible.find((mention) => mention.start >= sentenceStart) ?? last;
}

// The first person named in the cue's sentence before the cue, outside quotes.
function sentenceSubject(text: string, cue: SpeakerTextSpan, speakers: readonly SpeakerMention[], quoted: readonly SpeakerTextSpan[]): SpeakerMention | null {
  const start = sentenceStartBefore(text, cue.start);
  const inSentence = speakers
    .filter((mention) => mention.start >= start && mention.end <= cue.start && mention.entityType === 'person')
    .filter((mention) => !quoted.some((span) => mention.start >= span.start && mention.end <= span.end))
    .sort((a, b) => a.start - b.start);
  return inSentence[0] ?? null;
}

function sentenceStartBefore(text: string, offset: number): number {
  const before = text.slice(Math.max(0, offset - 400), offset);
  let start = Math.max(0, offset - 400);
  for (const match of before.matchAll(/(?:[.!?]["”’]?\s+(?=["“]?\p{Lu})|\n)/gu)) start = Math.max(0, offset - 400) + match.index + match[0].length;
  return start;
}

// Nouns that describe an unnamed source.
const sourceNouns =
  'officials?|negotiators?|delegates?|representatives?|mediators?|envoys?|medics?|rescuers?|volunteers?|paramedics?|sources?|spokes(?:man|woman|person|people)|diplomats?|witness(?:es)?|residents?|members?|officers?|analysts?|experts?|doctors?|activists?|people|person|man|woman|men|women|aides?|advis[eo]rs?|insiders?|employees?|workers?|police|investigators?|prosecutors?|lawyers?|commanders?|soldiers?|fighters?|rebels?|observers?|monitors?|researchers?|scientists?|campaigners?|critics?|supporters?|protesters?|villagers?|survivors?|relatives?|teachers?|students?|parents?|executives?|minister|ministry|government|authorities|statement|report|survey|study|letter|agency|agencies|spokesperson|military|army|forces|committee|council|company|monitor|observatory|media|television|source close to [^,.]+';
// "a member of the committee", "a source close to the talks": what the source belongs to is part of the description.
const sourceOf = '(?:\\s+(?:of|for|at|from|in|close\\s+to|with)\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,2}[\\p{L}-]+)?';
const anonymousBefore = new RegExp(`(?:^|[\\s,(])((?:(?:a|an|the|one|two|three|several|some|many|other|another)\\s+)?(?:[\\p{L}-]+\\s+){0,3}(?:${sourceNouns})${sourceOf})\\s+(?:also\\s+)?$`, 'iu');
const anonymousAfter = new RegExp(`^\\s+((?:a|an|the|one|two|several)\\s+(?:[\\p{Ll}-]+\\s+){0,3}(?:${sourceNouns}))\\b`, 'u');

function anonymousAtCue(text: string, cue: SpeakerTextSpan): { description: string; start: number; end: number } | null {
  const windowStart = Math.max(0, cue.start - 80);
  const before = anonymousBefore.exec(text.slice(windowStart, cue.start));
  if (before) {
    const description = before[1]!;
    const start = windowStart + before.index + before[0].indexOf(description);
    return { description, start, end: start + description.length };
  }
  // The addressee of "told" is the medium, not the source.
  const telling = /^(?:told|tell|tells|telling)\b/iu.test(text.slice(cue.start, cue.end));
  const after = telling ? null : anonymousAfter.exec(text.slice(cue.end, cue.end + 80));
  if (after) {
    const description = after[1]!;
    const start = cue.end + after[0].indexOf(description);
    return { description, start, end: start + description.length };
  }
  return null;
}

function speakerKey(speaker: ProposedSpeaker): string {
  return speaker.type === 'entity' ? `entity:${speaker.mention.entityId ?? speaker.mention.name.toLowerCase()}` : `anonymous:${speaker.description.toLowerCase()}`;
}

// One row per speaker: "Warhol" and "Andy Warhol" are kept apart only when not linked to one entity.
function dedupeSpeakers(speakers: readonly ProposedSpeaker[]): ProposedSpeaker[] {
  const seen = new Set<string>();
  const kept: ProposedSpeaker[] = [];
  for (const speaker of speakers) {
    const key = speakerKey(speaker);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(speaker);
  }
  return kept;
}
