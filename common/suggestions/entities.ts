import type { EntityType } from '../model/annotation';
import { isReportingVerb } from '../model/quoteCues';
import type { AnalysedText } from './analysedText';
import {
  commonAcronyms,
  countryNames,
  eventHeads,
  knownPlaces,
  nameJoiners,
  nameParticles,
  nationalities,
  organisationHeads,
  organisationOpeners,
  personTitles,
  placeHeads,
  placeOpeners,
  placePrepositions,
  titleHeads,
} from './gazetteers';
import { noCheckpoint, type Checkpoint, type EntityEvidence } from './types';
import type { Word } from './words';
import { creditLabels, isAcronym, isHeadWord, isPlaceName, looksPersonal, nameRuns, singular, splitRun, titleCase, type Part } from './nameRuns';

/**
 * Finding and typing the names of an article by rules over wink's tokens and parts of speech:
 *
 * 1. Name runs (nameRuns.ts): capitalised words in a row ("Rodaba Noori", "Saudi Gazette"). A capital that opens a sentence
 *    counts only when wink reads the word as a proper noun. "of", "for", "al", "de", "the" and "and" join two
 *    runs only when the first holds an organisation or place head or opener ("University of Chicago", "Museum
 *    of Flight", "National Air and Space Museum", "Jaish al Islam"), so "Trump of Queens" stays apart; the one
 *    exception is a lowercase particle between a given name and a surname ("Bashar al Assad", "Vincent van Gogh").
 * 2. Splits (nameRuns.ts): a title is split off the name after it and proves a person ("U.S. President Donald Trump" is the
 *    place "U.S." and the person "Donald Trump"); an organisation followed by a two-word name is two names
 *    ("Refugee Council Enver Solomon").
 * 3. Types from the name itself: gazetteers (countries, regions, major places), head words ("Ministry",
 *    "University" -> organisation; "province", "Airport" -> place; "Cup" -> event), acronyms (organisations,
 *    unless a country), a parenthesised acronym inheriting its long form's type, and an acronym whose letters
 *    are the initials of a typed name ("KSC" after "Kennedy Space Center").
 * 4. Types from the article: the subject of a speech verb or an appositive ("X, 45,", "X, who") is a person;
 *    "Andy Warhol" makes a later "Warhol" a person; a name typed by strong evidence once has that type
 *    everywhere; a lone name after "in", "at", "from" is a place. A name with two to four words and no
 *    other evidence is a person; a lone name with no evidence is left out.
 * 5. Nested names: a known place inside an organisation's name is suggested too ("Comic Corps of Canada").
 *
 * Title-cased blocks (headlines) prove nothing by capitals: their names are kept only when the same name is
 * found elsewhere in the article or in a gazetteer.
 */

/** An entity the rules found, before the registry and rejections are applied. */
export interface FoundEntity {
  start: number;
  end: number;
  text: string;
  entityType: EntityType;
  evidence: EntityEvidence;
  confidence: number;
}

interface Candidate {
  words: Word[];
  start: number;
  end: number;
  text: string;
  type: EntityType | null;
  evidence: EntityEvidence;
  // Strong evidence comes from the name or its context; weak is a guess from its shape.
  strong: boolean;
  // Index of the word after the candidate in the article's words, for context rules.
  next: number;
  previous: number;
  titled: boolean;
}

// Evidence in the name itself, which holds wherever the name appears; context (a speech verb) holds only there.
const propagating = new Set<EntityEvidence>(['gazetteer', 'title', 'organisation-head', 'place-head', 'acronym-long-form']);

const confidenceOf: Record<EntityEvidence, number> = {
  registry: 0.9,
  gazetteer: 0.9,
  title: 0.9,
  'organisation-head': 0.85,
  'place-head': 0.8,
  acronym: 0.6,
  'acronym-long-form': 0.85,
  'speech-subject': 0.8,
  appositive: 0.8,
  propagated: 0.8,
  preposition: 0.45,
  team: 0.7,
  'name-shape': 0.6,
};

/** Finds and types the names of an analysed article; see the rules at the top of this file. */
export function findEntities(analysed: AnalysedText, words: readonly Word[], checkpoint: Checkpoint = noCheckpoint): FoundEntity[] {
  const titledBlocks = titleCasedBlocks(analysed, words, checkpoint);
  checkpoint();
  const candidates: Candidate[] = [];
  const runs = nameRuns(words, checkpoint);
  checkpoint();
  for (const [index, run] of runs.entries()) {
    if (index % 64 === 63) checkpoint();
    for (const part of splitRun(words, run)) {
      const candidate = typedCandidate(analysed, words, part, titledBlocks.has(words[part.first]!.block));
      if (candidate) candidates.push(candidate);
    }
  }
  checkpoint();
  demoteCommonWordNames(words, candidates, checkpoint);
  checkpoint();
  applyArticleEvidence(analysed, words, candidates, checkpoint);
  checkpoint();
  const found: FoundEntity[] = [...namesInTitledBlocks(analysed, words, candidates, titledBlocks)];
  checkpoint();
  for (const candidate of candidates) {
    if (candidate.type === null || (candidate.titled && candidate.evidence !== 'gazetteer')) continue;
    found.push({
      start: candidate.start,
      end: candidate.end,
      text: candidate.text,
      entityType: candidate.type,
      evidence: candidate.evidence,
      // A name of no known type is shown, but as the least certain suggestion.
      confidence: candidate.type === 'other' ? Math.min(0.35, confidenceOf[candidate.evidence]) : confidenceOf[candidate.evidence],
    });
  }
  // Names nest twice at most: "Andy Warhol" in "Andy Warhol Foundation" in "Andy Warhol Foundation for the Visual Arts".
  checkpoint();
  const nested = nestedNames(found, found, checkpoint);
  found.push(...nested, ...nestedNames(nested, [...found, ...nested], checkpoint));
  checkpoint();
  return dedupe(found);
}

// ---------------------------------------------------------------------------------------------------
// Typing a candidate from its own words.

function typedCandidate(analysed: AnalysedText, words: readonly Word[], part: Part, titled: boolean): Candidate | null {
  const list = words.slice(part.first, part.last + 1);
  if (list.length === 0) return null;
  // A run of titles alone ("Prime Minister") names nobody.
  if (list.every((word) => personTitles.has(word.lower))) return null;
  const start = list[0]!.start;
  let end = list[list.length - 1]!.end;
  // "Warhol-like", "Russian-backed": the name is the part before the suffix.
  const suffixed = list.length === 1 ? /^(.+?)-(?:like|based|led|backed|born|style|era|related|owned|run|funded|linked|affiliated|made|controlled|held|allied|bound)$/u.exec(list[0]!.text) : null;
  if (suffixed) {
    if (nationalities.has(suffixed[1]!)) return null;
    end = start + suffixed[1]!.length;
  }
  const text = analysed.text.slice(start, end);
  const candidate: Candidate = { words: list, start, end, text, type: null, evidence: 'name-shape', strong: false, next: part.last + 1, previous: part.first - 1, titled };
  if (part.type && part.evidence) {
    candidate.type = part.type;
    candidate.evidence = part.evidence;
    candidate.strong = part.evidence === 'title';
    if (part.evidence === 'title' || list.length > 1) return candidate;
  }
  const first = list[0]!.lower;
  const last = list[list.length - 1]!.lower;
  const set = (type: EntityType, evidence: EntityEvidence, strong = true): Candidate => Object.assign(candidate, { type, evidence, strong });
  const lastSingular = singular(last);
  if (knownPlaces.has(text)) return set('place', 'gazetteer');
  if (isPlaceName(text)) return set('place', 'gazetteer');
  // "Secretary of State" is a title, not a place.
  if (list.length > 2 && titleHeads.has(first) && list[1]!.lower === 'of') return null;
  // "Jaish al Islam", "Hayat Tahrir al Sham", "Rio Grande do Sul": an opener and a joined name.
  const joined = list.some((word) => nameJoiners.has(word.lower) || nameParticles.has(word.lower));
  if (list.length > 2 && organisationOpeners.has(first) && joined) return set('organisation', 'organisation-head');
  if (list.length > 2 && placeOpeners.has(first) && joined) return set('place', 'place-head');
  const forAt = list.findIndex((word) => word.lower === 'for');
  if (forAt > 0 && (isHeadWord(list[forAt - 1]!.lower) || organisationOpeners.has(list[forAt - 1]!.lower))) return set('organisation', 'organisation-head');
  if (list.length > 1 && (organisationHeads.has(last) || organisationHeads.has(lastSingular))) return set('organisation', 'organisation-head');
  if (list.length > 1 && (placeHeads.has(last) || placeHeads.has(lastSingular))) return set('place', 'place-head');
  if (list.length > 1 && eventHeads.has(last)) return set('event', 'organisation-head');
  const ofAt = list.findIndex((word) => word.lower === 'of');
  if (ofAt > 0) {
    const beforeOf = list[ofAt - 1]!.lower;
    if (placeHeads.has(beforeOf) || placeOpeners.has(beforeOf)) return set('place', 'place-head');
    if (organisationHeads.has(beforeOf) || organisationOpeners.has(beforeOf)) return set('organisation', 'organisation-head');
  }
  if (list.length === 2 && ['mount', 'mt', 'mt.', 'lake', 'fort', 'cape'].includes(first)) return set('place', 'place-head');
  // A dateline in capitals: "LONDON —", "PORTO ALEGRE, Brazil".
  if (/^[\p{Lu}\s.'’-]+$/u.test(text) && text.length > 3 && isPlaceName(titleCase(text))) return set('place', 'gazetteer');
  if (list.length === 1 && isAcronym(list[0]!.text)) {
    if (countryNames.has(list[0]!.text) || knownPlaces.has(list[0]!.text)) return set('place', 'gazetteer');
    // Words shouted in capitals are not acronyms, and some acronyms name no organisation ("QC", "IQ").
    if ((list[0]!.text.length > 5 && !/\d/u.test(list[0]!.text)) || commonAcronyms.has(list[0]!.text)) return null;
    // With digits an acronym names a model or a product more often than an organisation ("IE9", "A380").
    if (/\d/u.test(list[0]!.text)) return set('other', 'acronym', false);
    return set('organisation', 'acronym', false);
  }
  // A head word alone, capitalised inside a sentence, names the organisation or place the article means ("the
  // Ministry said", "across the Channel"); at a sentence start the capital proves nothing.
  if (list.length === 1 && (organisationHeads.has(first) || placeHeads.has(first))) {
    if (list[0]!.opensSentence || !/^\p{Lu}\p{Ll}+$/u.test(list[0]!.text)) return null;
    return organisationHeads.has(first) ? set('organisation', 'organisation-head', false) : set('place', 'place-head', false);
  }
  if (looksPersonal(words, part.first, part.last)) return set('person', 'name-shape', false);
  if (list.length >= 2 && list.length <= 4) return set('other', 'name-shape', false);
  if (list.length > 4) return set('other', 'name-shape', false);
  return candidate;
}

// ---------------------------------------------------------------------------------------------------
// Evidence from the article.

// A name guessed to be a person from its shape is not one when one of its words is written in lowercase
// elsewhere in the article: "Space Shuttle Atlantis" (space, shuttle), "Budweiser Man" (man).
function demoteCommonWordNames(words: readonly Word[], candidates: Candidate[], checkpoint: Checkpoint): void {
  const lowercase = new Set<string>();
  for (const word of words) if (/^\p{Ll}+$/u.test(word.text)) lowercase.add(word.text);
  checkpoint();
  for (const candidate of candidates) {
    if (candidate.type !== 'person' || candidate.evidence !== 'name-shape') continue;
    // People are rarely "at" somewhere by name: "analysts at Goldman Sachs" names the firm.
    const previous = words[candidate.previous];
    if (previous?.lower === 'at') {
      const role = words[candidate.previous - 1];
      candidate.type = role && /^(?:analysts?|economists?|researchers?|scientists?|officials?|staff|executives?|employees?|workers?|engineers?|strategists?|traders?|lawyers?|partners?|doctors?|professors?|students?)$/u.test(role.lower) ? 'organisation' : 'other';
      continue;
    }
    if (candidate.words.some((word) => !nameParticles.has(word.lower) && lowercase.has(word.lower))) candidate.type = 'other';
  }
}

const prepositions = new Set(['of', 'in', 'at', 'from', 'for', 'with', 'to', 'by', 'on', 'near', 'into', 'across', 'over', 'under', 'about', 'against', 'between', 'among', 'through', 'throughout', 'outside', 'inside', 'within', 'around', 'towards', 'toward', 'via']);

// "the town of Douma", "the villages of Saqba and Jisreen": a name after a place noun and "of" is a place.
const placeNounOf = /\b(?:town|towns|city|cities|village|villages|district|districts|province|provinces|region|regions|governorate|suburb|suburbs|neighbourhood|neighborhood|area|capital|port|island|islands|state|county|municipality|enclave|camp|valley)\s+of\s+(?:the\s+)?$/iu;
// "Daraa province", "the Douma area": a lowercase place noun right after the name.
const placeNounAfter = /^\s+(?:province|district|region|governorate|county|area|suburb|neighbourhood|neighborhood|enclave|valley|river|town|city|village|municipality)\b/u;

const appositiveAge = /^,\s*\d{1,3}\s*,/u;

// Speech verbs in the singular or past ("said", "says", "wrote"): a plural verb ("Estimates suggest") has no
// single speaker as its subject.
const speechVerbs = new Set([
  'said', 'says', 'told', 'tells', 'wrote', 'writes', 'added', 'adds', 'explained', 'explains', 'stated', 'states',
  'claimed', 'claims', 'argued', 'argues', 'warned', 'warns', 'insisted', 'insists', 'noted', 'notes', 'replied',
  'replies', 'commented', 'continued', 'admitted', 'admits', 'acknowledged', 'announced', 'tweeted', 'asserted',
  'declared', 'testified', 'concluded', 'confirmed', 'reckons', 'thinks', 'thought', 'suggested', 'predicted',
]);

// "the towns of Douma and Harasta": the second name of a list after a place noun.
function placeListBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  return /\b(?:towns|cities|villages|districts|provinces|regions|suburbs|areas|islands)\s+of\s+(?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)?(?:,\s+[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)?)*,?\s+(?:and|or)\s+$/u.test(before);
}

// Nouns after a name that make it an organisation: "Scientology officials", "Acme's spokesman".
const organisationMembers = new Set([
  'officials', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'employees', 'employee', 'staff', 'executives',
  'executive', 'headquarters', 'shareholders', 'ceo', 'chairman', 'board', 'subsidiary', 'products', 'software',
  'lawyers', 'attorney', 'leadership', 'members', 'membership', 'website', 'shares', 'stock', 'founder', 'organization',
  'organisation', 'church', 'company', 'firm', 'group', 'party', 'officers', 'agents', 'publication', 'reporters',
  'reporter', 'journalists', 'correspondent', 'correspondents', 'editors', 'newsroom', 'broadcast', 'report',
]);

// A national team in sports copy: the country plays, wins, beats or is played against.
const sportsSentence = /\b(?:match|matches|goals?|scored|scores|coach|squad|World Cup|league|tournament|striker|goalkeeper|penalty|half-time|kick-off|points|finals?|semi-final|quarter-final|Group [A-H]|games?|win|wins|won|beat|beats|defeated|draw|drew|victory|championship|cup)\b|\b\d+\s*[–-]\s*\d+\b/u;
const teamVerbs = new Set(['beat', 'beats', 'defeated', 'defeats', 'won', 'wins', 'lost', 'loses', 'drew', 'draws', 'scored', 'scores', 'led', 'leads', 'played', 'plays', 'face', 'faces', 'faced', 'meet', 'meets', 'met', 'advanced', 'advance', 'qualified', 'qualify', 'eliminated', 'trailed', 'equalised', 'equalized', 'took', 'finished', 'opened', 'hosted', 'had', 'were', 'was', 'will', 'coach', 'captain', 'team', 'squad', 'striker', 'goalkeeper', 'player', 'players', 'manager', 'fans', 'side', 'defender', 'midfielder']);
const teamPrepositions = new Set(['against', 'beat', 'beats', 'defeated', 'versus', 'vs', 'vs.', 'over']);

function applyArticleEvidence(analysed: AnalysedText, words: readonly Word[], candidates: Candidate[], checkpoint: Checkpoint): void {
  // National teams: a country playing in a sentence about sport is an organisation, and so are its other
  // mentions in the article that are not places ("in Belgium").
  const teams = new Set<string>();
  for (const candidate of candidates) {
    if (!countryNames.has(candidate.text) && !(candidate.type === 'other' && candidate.words.some((word) => countryNames.has(word.text)))) continue;
    const sentence = analysed.sentences[candidate.words[0]!.sentence]!;
    if (!sportsSentence.test(analysed.text.slice(sentence.start, sentence.end))) continue;
    const next = words[candidate.next];
    const previous = words[candidate.previous];
    const possessive = next?.lower === "'s" || next?.lower === '’s' ? words[candidate.next + 1] : undefined;
    if ((next && teamVerbs.has(next.lower)) || (possessive && teamVerbs.has(possessive.lower)) || (previous && teamPrepositions.has(previous.lower))) teams.add(candidate.text);
  }
  for (const candidate of candidates) {
    if (!teams.has(candidate.text)) continue;
    const previous = words[candidate.previous];
    if (previous && placePrepositions.has(previous.lower) && previous.lower !== 'to') continue;
    Object.assign(candidate, { type: 'organisation', evidence: 'team', strong: true });
  }
  checkpoint();
  // Places by the place nouns around them.
  for (const candidate of candidates) {
    if (candidate.strong && candidate.evidence !== 'speech-subject') continue;
    const before = analysed.text.slice(Math.max(0, candidate.start - 40), candidate.start);
    const after = analysed.text.slice(candidate.end, candidate.end + 20);
    const listed = /\b(?:and|or|,)\s+$/u.test(before) && placeListBefore(analysed.text, candidate.start);
    const fromTo = /\bfrom\s+$/u.test(before) && /^\s+to\s/u.test(after);
    if (placeNounOf.test(before) || placeNounAfter.test(after) || listed || fromTo) Object.assign(candidate, { type: 'place', evidence: 'place-head', strong: true });
  }
  checkpoint();
  // Organisations by the nouns after them: "Scientology officials" makes every "Scientology" an organisation.
  const organisationsByContext = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.words.length !== 1 || (candidate.strong && candidate.evidence !== 'speech-subject')) continue;
    let next = words[candidate.next];
    if (next && (next.lower === "'s" || next.lower === '’s')) next = words[candidate.next + 1];
    if (next && organisationMembers.has(next.lower) && next.text === next.lower && next.sentence === candidate.words[0]!.sentence) organisationsByContext.add(candidate.text);
  }
  checkpoint();
  // Context: speech verbs and appositives make a person of a name without stronger evidence.
  for (const candidate of candidates) {
    if (candidate.strong && candidate.evidence !== 'acronym') continue;
    if (candidate.evidence === 'acronym') continue;
    if (organisationsByContext.has(candidate.text)) {
      Object.assign(candidate, { type: 'organisation', evidence: 'organisation-head', strong: true });
      continue;
    }
    const after = analysed.text.slice(candidate.end, candidate.end + 12);
    if (appositiveAge.test(after) || /^,\s*who\b/u.test(after)) {
      Object.assign(candidate, { type: 'person', evidence: 'appositive', strong: true });
      continue;
    }
    const next = words[candidate.next];
    const previous = words[candidate.previous];
    // "Activists in Ghouta said": a name after a preposition is not the subject.
    const beforePrevious = words[candidate.previous - 1];
    const governed =
      previous !== undefined &&
      (prepositions.has(previous.lower) || previous.lower === "'s" || previous.lower === '’s' || (previous.pos === 'ADJ' && previous.text === previous.lower && beforePrevious !== undefined && prepositions.has(beforePrevious.lower)));
    const nextIsSpeech = !governed && next !== undefined && next.sentence === candidate.words[0]!.sentence && speechVerbs.has(next.lower) && isReportingVerb(next.text) && /^\s*$/u.test(analysed.text.slice(candidate.end, next.start));
    const previousIsSpeech = previous !== undefined && ['said', 'says', 'added', 'wrote', 'asked', 'explained'].includes(previous.lower) && /^\s*$/u.test(analysed.text.slice(previous.end, candidate.start)) && candidate.words.length <= 3;
    if ((nextIsSpeech || previousIsSpeech) && !countryNames.has(candidate.text)) {
      Object.assign(candidate, { type: 'person', evidence: 'speech-subject', strong: true });
    }
  }
  checkpoint();
  // Acronyms defined in brackets after their long form, or whose letters are a typed name's initials.
  const acronymTypes = new Map<string, EntityType>();
  for (let i = 0; i < candidates.length; i++) {
    const long = candidates[i]!;
    const short = candidates[i + 1];
    if (short && short.words.length === 1 && isAcronym(short.text) && long.type && long.words.length > 1) {
      const between = analysed.text.slice(long.end, short.start);
      if (/^\s*\($/u.test(between) && analysed.text.charAt(short.end) === ')') acronymTypes.set(short.text, long.type);
    }
    if (long.type && long.strong && long.words.length > 1) {
      const initials = long.words.filter((word) => /^\p{Lu}/u.test(word.text)).map((word) => word.text.charAt(0)).join('');
      if (initials.length >= 2 && !acronymTypes.has(initials)) acronymTypes.set(initials, long.type);
    }
  }
  for (const candidate of candidates) {
    const type = acronymTypes.get(candidate.text.replace(/\./gu, ''));
    if (type && candidate.words.length === 1 && isAcronym(candidate.text) && candidate.evidence === 'acronym') {
      Object.assign(candidate, { type, evidence: 'acronym-long-form', strong: true });
    }
  }
  checkpoint();
  // Names typed by strong evidence keep that type wherever else they appear.
  const strongTypes = new Map<string, { type: EntityType; evidence: EntityEvidence }>();
  for (const candidate of candidates) {
    if (candidate.strong && candidate.type && propagating.has(candidate.evidence) && !strongTypes.has(candidate.text)) strongTypes.set(candidate.text, { type: candidate.type, evidence: candidate.evidence });
  }
  // Parts of personal names: "Andy Warhol" makes "Warhol" a person, and "Andy" too when the name is certain
  // (after a title or a speech verb) rather than guessed from its shape.
  const lastWordOf = (candidate: Candidate): string | undefined => candidate.words.filter((word) => !nameParticles.has(word.lower)).at(-1)?.text;
  const surnames = new Set<string>();
  const personsBySurname = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (candidate.type !== 'person' || candidate.words.length < 2) continue;
    const surname = lastWordOf(candidate)!;
    surnames.add(surname);
    personsBySurname.set(surname, [...(personsBySurname.get(surname) ?? []), candidate]);
  }
  checkpoint();
  // A surname followed by one more word and nothing proving a name ("Warhol Polaroids") is the person alone.
  for (const candidate of candidates) {
    const [head, modifier] = candidate.words;
    if (candidate.evidence !== 'name-shape' || candidate.words.length !== 2 || !head || !modifier || !surnames.has(head.text)) continue;
    const modifierIsSurname = (personsBySurname.get(modifier.text) ?? []).some((other) => other !== candidate && !surnames.has(other.words[0]!.text));
    if (modifierIsSurname) continue;
    Object.assign(candidate, { words: [head], end: head.end, text: head.text, type: 'person', evidence: 'propagated', strong: true, next: candidate.next - 1 });
  }
  checkpoint();
  const personParts = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.type !== 'person' || candidate.words.length < 2) continue;
    const names = candidate.words.filter((word) => !nameParticles.has(word.lower));
    const last = names[names.length - 1];
    if (last) personParts.add(last.text);
    if (names[0] && names.length >= 2 && candidate.strong) personParts.add(names[0].text);
  }
  const knownElsewhere = new Set(candidates.filter((candidate) => !candidate.titled && candidate.type).map((candidate) => candidate.text));
  const lowercase = new Set<string>();
  const capitalisedCounts = new Map<string, number>();
  for (const word of words) {
    if (/^\p{Ll}+$/u.test(word.text)) lowercase.add(word.text);
    else if (/^\p{Lu}/u.test(word.text)) capitalisedCounts.set(word.text, (capitalisedCounts.get(word.text) ?? 0) + 1);
  }
  for (const candidate of candidates) {
    // The article's own personal name outranks a gazetteer: "Paris" after "Valeska Paris" is the person.
    if (candidate.evidence === 'gazetteer' && candidate.words.length === 1 && personParts.has(candidate.text) && !countryNames.has(candidate.text)) {
      Object.assign(candidate, { type: 'person', evidence: 'propagated', strong: true });
      continue;
    }
    if (!candidate.strong || candidate.type === null) {
      const strong = strongTypes.get(candidate.text);
      if (strong && strong.type !== candidate.type) {
        Object.assign(candidate, { type: strong.type, evidence: 'propagated', strong: true });
      } else if (candidate.words.length === 1 && personParts.has(candidate.text) && candidate.evidence !== 'acronym') {
        Object.assign(candidate, { type: 'person', evidence: 'propagated', strong: true });
      } else if (strong && candidate.type === null) {
        Object.assign(candidate, { type: strong.type, evidence: 'propagated', strong: true });
      }
    }
    // "Evansville, Indiana": a name before a comma and a known region or country is a place in it.
    if ((candidate.type === null || candidate.type === 'other') && !candidate.strong) {
      const region = /^,\s*([\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*)?)/u.exec(analysed.text.slice(candidate.end, candidate.end + 40));
      if (region && knownPlaces.has(region[1]!) && !countryNames.has(candidate.text)) {
        Object.assign(candidate, { type: 'place', evidence: 'gazetteer', strong: false });
        continue;
      }
    }
    if (candidate.type === null && candidate.words.length === 1) {
      const previous = words[candidate.previous];
      const demonym = /(?:ans|ians|ese|ims|ites|ists)$/u.test(candidate.text) || nationalities.has(candidate.text.replace(/s$/u, ''));
      if (previous && placePrepositions.has(previous.lower) && previous.sentence === candidate.words[0]!.sentence && !demonym) {
        Object.assign(candidate, { type: 'place', evidence: 'preposition', strong: false });
      } else if (!demonym && /^\p{Lu}[\p{L}\p{M}-]+$/u.test(candidate.text) && (!candidate.words[0]!.opensSentence || isCreditName(words, candidate) || unknownCommonWord(candidate, lowercase, capitalisedCounts))) {
        // A capitalised word inside a sentence with no other evidence is a name of some kind: "other", for the
        // editor to type.
        Object.assign(candidate, { type: 'other', evidence: 'name-shape', strong: false });
      }
    }
    // Capitals in a headline prove nothing: keep what the article or a gazetteer knows.
    if (candidate.titled && candidate.evidence !== 'gazetteer' && candidate.evidence !== 'propagated' && !knownElsewhere.has(candidate.text) && !strongTypes.has(candidate.text)) candidate.type = null;
  }
  organisationsWithoutPersonalName(words, candidates, personParts);
}

/**
 * A one-word name that speaks or is spoken to, but that the article never gives with a first name or a title,
 * is most often an organisation ("Microsoft said", "told Wikinews"); news style introduces a person by full
 * name before using the surname alone. The type then holds for every mention of that word.
 */
// The name after "Image:" or "Photo:" is the credit's author.
function isCreditName(words: readonly Word[], candidate: Candidate): boolean {
  const label = words[candidate.previous - 1];
  return label !== undefined && creditLabels.has(label.lower) && words[candidate.previous]?.text === ':';
}

// A word opening a sentence is a name when wink reads it as one, the article never writes it in lowercase and
// writes it capitalised more than once, and it does not look like a plural or a participle ("Estimates").
function unknownCommonWord(candidate: Candidate, lowercase: ReadonlySet<string>, capitalisedCounts: ReadonlyMap<string, number>): boolean {
  const word = candidate.words[0]!;
  return word.pos === 'PROPN' && !lowercase.has(word.lower) && (capitalisedCounts.get(word.text) ?? 0) >= 2 && !/(?:[^s]s|ing|ed)$/u.test(word.lower);
}

function organisationsWithoutPersonalName(words: readonly Word[], candidates: Candidate[], personParts: ReadonlySet<string>): void {
  const organisations = new Set<string>();
  // "Ms Bauchtman" names a person as surely as a full name does.
  const titled = new Set(candidates.filter((candidate) => candidate.evidence === 'title').map((candidate) => candidate.text));
  for (const candidate of candidates) {
    if (titled.has(candidate.text)) continue;
    if (candidate.words.length !== 1 || personParts.has(candidate.text) || isAcronym(candidate.text)) continue;
    if (candidate.evidence === 'speech-subject') organisations.add(candidate.text);
    const previous = words[candidate.previous];
    if (candidate.type === 'other' && previous && ['told', 'interviewed', 'to'].includes(previous.lower)) {
      const before = words[candidate.previous - 1];
      if (previous.lower !== 'to' || before?.lower === 'according') organisations.add(candidate.text);
    }
  }
  for (const candidate of candidates) {
    if (candidate.words.length !== 1 || !organisations.has(candidate.text)) continue;
    if (candidate.type === 'other' || candidate.type === null || candidate.evidence === 'speech-subject' || candidate.evidence === 'preposition') {
      Object.assign(candidate, { type: 'organisation', evidence: 'speech-subject', strong: true });
    }
  }
}

// In a title-cased block the names are those the rest of the article typed, and the parts of its personal names,
// looked up by runs of up to six words so that a long article costs time in proportion to its length.
function namesInTitledBlocks(analysed: AnalysedText, words: readonly Word[], candidates: readonly Candidate[], titled: ReadonlySet<number>): FoundEntity[] {
  if (titled.size === 0) return [];
  const known = new Map<string, EntityType>();
  for (const candidate of candidates) {
    if (candidate.titled || !candidate.type) continue;
    if (!known.has(candidate.text)) known.set(candidate.text, candidate.type);
    if (candidate.type === 'person' && candidate.words.length > 1) {
      const last = candidate.words[candidate.words.length - 1]!.text;
      if (!known.has(last)) known.set(last, 'person');
    }
  }
  const found: FoundEntity[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!titled.has(words[i]!.block)) continue;
    for (let last = Math.min(words.length - 1, i + 5); last >= i; last--) {
      if (words[last]!.block !== words[i]!.block) continue;
      const text = analysed.text.slice(words[i]!.start, words[last]!.end);
      const type = known.get(text);
      if (!type) continue;
      found.push({ start: words[i]!.start, end: words[last]!.end, text, entityType: type, evidence: 'propagated', confidence: confidenceOf.propagated });
      i = last;
      break;
    }
  }
  return found;
}

// Blocks whose words are mostly capitalised and that do not end a sentence: headlines in title case.
function titleCasedBlocks(analysed: AnalysedText, words: readonly Word[], checkpoint: Checkpoint): Set<number> {
  const counts = new Map<number, { capitalised: number; total: number }>();
  for (const [index, word] of words.entries()) {
    if (index % 8192 === 8191) checkpoint();
    if (!/^\p{L}{4,}$/u.test(word.text)) continue;
    const count = counts.get(word.block) ?? { capitalised: 0, total: 0 };
    count.total++;
    if (/^\p{Lu}/u.test(word.text)) count.capitalised++;
    counts.set(word.block, count);
  }
  const titled = new Set<number>();
  for (const [block, count] of counts) {
    // Copy ends its sentences; a headline in title case has no full stop at its end.
    const range = analysed.blocks[block]!;
    const ended = /[.!?]["”’)]?\s*$/u.test(analysed.text.slice(range.start, range.end));
    if (count.total >= 3 && count.capitalised / count.total > 0.6 && !ended) titled.add(block);
  }
  return titled;
}

// ---------------------------------------------------------------------------------------------------
// Nested names and clean-up.

// Names inside a longer name: a known place, an acronym, or a name the article uses on its own ("Comic Corps of
// Canada", "LA Weekly", "Andy Warhol Foundation"), and the place after the last "of" of an organisation's name
// ("University of NSW").
function nestedNames(found: readonly FoundEntity[], known: readonly FoundEntity[], checkpoint: Checkpoint): FoundEntity[] {
  const standalone = new Map<string, FoundEntity>();
  for (const entity of known) if (!standalone.has(entity.text)) standalone.set(entity.text, entity);
  const nested: FoundEntity[] = [];
  for (const [index, entity] of found.entries()) {
    if (index % 512 === 511) checkpoint();
    // "State of Texas" is Texas itself, not a place inside another.
    if (entity.entityType === 'person' || !entity.text.includes(' ') || isPlaceName(entity.text) || (entity.entityType === 'place' && / of /u.test(entity.text))) continue;
    const parts = [...entity.text.matchAll(/[^\s]+/gu)].map((match) => ({ text: match[0], start: match.index }));
    let taken = -1;
    for (let from = 0; from < parts.length; from++) {
      if (from <= taken) continue;
      for (let to = parts.length - 1; to >= from; to--) {
        if (from === 0 && to === parts.length - 1) continue;
        const start = parts[from]!.start;
        const end = parts[to]!.start + parts[to]!.text.length;
        const text = entity.text.slice(start, end).replace(/['’]s$/u, '');
        if (!/^\p{Lu}/u.test(text)) continue;
        const known = standalone.get(text);
        let type: EntityType | null = null;
        let evidence: EntityEvidence = 'gazetteer';
        if (isPlaceName(text)) type = 'place';
        else if (known && known.text !== entity.text) ({ entityType: type, evidence } = known);
        else if (entity.entityType === 'organisation' && to === parts.length - 1 && parts[from - 1]?.text === 'of' && from === to && isAcronym(text)) {
          type = 'place';
          evidence = 'place-head';
        }
        if (!type) continue;
        nested.push({ start: entity.start + start, end: entity.start + start + text.length, text, entityType: type, evidence, confidence: confidenceOf[evidence] * 0.9 });
        taken = to;
        break;
      }
    }
  }
  return nested;
}

function dedupe(found: readonly FoundEntity[]): FoundEntity[] {
  const seen = new Map<string, FoundEntity>();
  for (const entity of found) {
    const key = `${entity.start}:${entity.end}`;
    const existing = seen.get(key);
    if (!existing || existing.confidence < entity.confidence) seen.set(key, entity);
  }
  return [...seen.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}
