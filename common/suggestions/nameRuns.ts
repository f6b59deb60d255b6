import {
  calendarWords,
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
  sentenceStarters,
  titleHeads,
} from './gazetteers';
import type { EntityType } from '../model/annotation';
import { noCheckpoint, type Checkpoint, type EntityEvidence } from './types';
import type { Word } from './words';

/**
 * Name runs: capitalised words in a row, joined across "of", "for", "al", "de", "the" and "and" only where the
 * first part holds an organisation or place head or opener, and split where a title, an organisation or a place
 * stands before a personal name. The entity rules (entities.ts) type what this file finds.
 */

/** A run of words: indices of its first and last word in the article's words. */
export interface Run {
  first: number;
  last: number;
}

function isCapitalised(word: Word): boolean {
  return /^\p{Lu}/u.test(word.text) || /^\p{Ll}{1,2}\p{Lu}/u.test(word.text) || /^(?:al|el|ad|as|ash|at|an|bin|ibn|abu|de|da|di|du|van|von|le|la|d|o)[-'’]\p{Lu}/u.test(word.text);
}

/** Acronyms: "NASA", "U.S.", "IE9", "AT&T". */
export function isAcronym(text: string): boolean {
  return /^(?:\p{Lu}\.){2,}$/u.test(text) || /^\p{Lu}[\p{Lu}&]{1,7}\d{0,3}$/u.test(text);
}

function isNameWord(word: Word, inRun: boolean): boolean {
  if (!isCapitalised(word)) return false;
  if (word.text === 'I' || calendarWords.has(word.lower)) return false;
  // "Image:", "Photo:" label a caption or credit; they are not part of the name before them.
  if (creditLabels.has(word.lower) && word.nextCharacter === ':') return false;
  if (['PUNCT', 'SYM', 'NUM', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART'].includes(word.pos) && !isAcronym(word.text)) return false;
  if (!word.opensSentence || inRun || isAcronym(word.text)) return true;
  if (sentenceStarters.has(word.lower)) return false;
  if (knownPlaces.has(word.text) || personTitles.has(word.lower)) return true;
  return word.pos === 'PROPN';
}

function adjacent(words: readonly Word[], a: number, b: number): boolean {
  const left = words[a];
  const right = words[b];
  return left !== undefined && right !== undefined && left.sentence === right.sentence && right.start - left.end <= 2 && !right.breakBefore;
}

/** Labels of captions and credits ("Image:", "Photo:"): never part of a name. */
export const creditLabels = new Set(['image', 'photo', 'picture', 'video', 'audio', 'source', 'sources', 'credit', 'graphic', 'map', 'file']);

function hasHead(words: readonly Word[], run: Run): boolean {
  for (let i = run.first; i <= run.last; i++) {
    const lower = words[i]!.lower;
    if (organisationHeads.has(lower) || placeHeads.has(lower) || organisationOpeners.has(lower) || placeOpeners.has(lower)) return true;
  }
  return false;
}

function endsWithHead(words: readonly Word[], run: Run): boolean {
  const lower = words[run.last]!.lower;
  return organisationHeads.has(lower) || placeHeads.has(lower) || eventHeads.has(lower);
}

// The capitalised run starting at `first`, without joiners.
function plainRun(words: readonly Word[], first: number): Run | null {
  if (!words[first] || !isNameWord(words[first]!, false)) return null;
  let last = first;
  while (words[last + 1] && adjacent(words, last, last + 1) && isNameWord(words[last + 1]!, true)) last++;
  return { first, last };
}

/** Every name run of the article, in order: capitalised words, joined where a head allows it. */
export function nameRuns(words: readonly Word[], checkpoint: Checkpoint = noCheckpoint): Run[] {
  const runs: Run[] = [];
  let i = 0;
  let checked = 0;
  while (i < words.length) {
    if (i - checked >= 4096) {
      checkpoint();
      checked = i;
    }
    const run = plainRun(words, i);
    if (!run) {
      i++;
      continue;
    }
    for (;;) {
      const joined = joinAcross(words, run);
      if (!joined) break;
      run.last = joined.last;
    }
    runs.push(run);
    i = run.last + 1;
  }
  return runs;
}

// A run and the run after a joiner ("of", "of the", "and"), when the joiner belongs inside one name.
function joinAcross(words: readonly Word[], run: Run): Run | null {
  let at = run.last + 1;
  const joiner = words[at];
  if (!joiner || !adjacent(words, run.last, at) || !nameJoiners.has(joiner.lower)) return null;
  if (joiner.lower === 'the' || joiner.lower === 'on') return null;
  at++;
  if (words[at]?.lower === 'the' && (joiner.lower === 'of' || joiner.lower === 'for') && adjacent(words, at - 1, at)) at++;
  if (!adjacent(words, at - 1, at)) return null;
  const next = plainRunInside(words, at);
  if (!next) return null;
  if (joiner.lower === 'and' || joiner.lower === '&') {
    // "National Air and Space Museum": the name ends in its head after the "and".
    return !hasHead(words, run) && endsWithHead(words, next) ? next : null;
  }
  if (nameParticles.has(joiner.lower) && joiner.text === joiner.lower && !hasHead(words, run)) {
    // "Ludwig van Beethoven", "Luiz Inacio Lula da Silva": a particle between given names and a one-word surname.
    return run.last - run.first < 4 && next.first === next.last && !isHeadWord(words[next.first]!.lower) ? next : null;
  }
  return hasHead(words, run) ? next : null;
}

// Inside a name, the word after a joiner may be any capitalised word (the joiner is not a sentence start).
function plainRunInside(words: readonly Word[], first: number): Run | null {
  if (!words[first] || !isNameWord(words[first]!, true)) return null;
  let last = first;
  while (words[last + 1] && adjacent(words, last, last + 1) && isNameWord(words[last + 1]!, true)) last++;
  return { first, last };
}

// ---------------------------------------------------------------------------------------------------
// Splitting titles and stacked names.

/** A piece of a run after splitting, with the type the split itself proves (a title proves a person). */
export interface Part extends Run {
  // Set when the split itself proves the type.
  type: EntityType | null;
  evidence: EntityEvidence | null;
}

/** Whether a lowercase word is the head of an organisation, place or event name. */
export function isHeadWord(lower: string): boolean {
  return organisationHeads.has(lower) || placeHeads.has(lower) || eventHeads.has(lower);
}

/** A plural head as its singular: "Departments" is as much a head as "Department". */
export function singular(lower: string): string {
  return lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
}

/** Splits a run at titles and where a personal name follows an organisation, a place or an acronym. */
export function splitRun(words: readonly Word[], run: Run): Part[] {
  const text = (from: number, to: number): string => words.slice(from, to + 1).map((word) => word.text).join(' ');
  const isHead = (index: number): boolean => {
    const lower = words[index]!.lower;
    return isHeadWord(lower) || isHeadWord(singular(lower)) || organisationOpeners.has(lower);
  };
  const headIn = (from: number, to: number): boolean => {
    for (let i = from; i <= to; i++) if (isHead(i) || (nameJoiners.has(words[i]!.lower) && !nameParticles.has(words[i]!.lower))) return true;
    return false;
  };
  // A whole nationality ("New Zealander") is not a name.
  if (nationalities.has(text(run.first, run.last))) return [];
  // Titles after a name are not part of it: "State Department Spokesperson", "Museum of Flight CEO".
  let last = run.last;
  while (last > run.first && titleHeads.has(words[last]!.lower) && !isHead(last)) last--;
  if (last < run.last) return splitRun(words, { first: run.first, last });
  // A leading job title written like a name ("Meteorologist Estael Sias", "Economist Ana Ruiz").
  if (run.last - run.first >= 2 && /(?:ologist|ist|ographer)$/u.test(words[run.first]!.lower) && looksPersonal(words, run.first + 1, run.last)) {
    return [{ first: run.first + 1, last: run.last, type: 'person', evidence: 'title' }];
  }
  // A title inside the run: [prefix] title words ending in a title head, then the name.
  for (let first = run.first; first < run.last; first++) {
    if (!personTitles.has(words[first]!.lower)) continue;
    let titleEnd = -1;
    for (let i = first; i < run.last && personTitles.has(words[i]!.lower); i++) {
      if (titleHeads.has(words[i]!.lower)) titleEnd = i;
    }
    if (titleEnd < 0 || headIn(titleEnd + 1, run.last)) continue;
    const parts: Part[] = [];
    if (first > run.first) parts.push(...splitRun(words, { first: run.first, last: first - 1 }));
    parts.push({ first: titleEnd + 1, last: run.last, type: 'person', evidence: 'title' });
    return parts;
  }
  // An organisation, a place or an acronym followed by a personal name of two words or more: "Refugee Council
  // Enver Solomon", "United States Hamdullah Mohib".
  for (let end = run.first; end < run.last - 1; end++) {
    const prefix = text(run.first, end);
    const splits = isHead(end) || knownPlaces.has(prefix) || (end === run.first && isAcronym(prefix));
    if (!splits || headIn(end + 1, run.last) || !looksPersonal(words, end + 1, run.last)) continue;
    if (knownPlaces.has(text(run.first, end + 1))) continue;
    return [
      ...splitRun(words, { first: run.first, last: end }),
      { first: end + 1, last: run.last, type: 'person', evidence: 'name-shape' },
    ];
  }
  // Nationality adjectives before a name that is not an organisation's ("Afghan Hamdullah") are not part of it.
  let first = run.first;
  while (first < run.last && nationalities.has(words[first]!.text) && !headIn(run.first, run.last) && !knownPlaces.has(text(first, run.last))) first++;
  if (first === run.last && nationalities.has(words[first]!.text)) return [];
  return [{ first, last: run.last, type: null, evidence: null }];
}

/** "PORTO ALEGRE" as "Porto Alegre", to look a dateline up in the gazetteer. */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

/** Whether a name is a known place, or one with a compass point before it ("East Los Angeles"). */
export function isPlaceName(text: string): boolean {
  const compass = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|Northeast|Northwest|Southeast|Southwest)\s+(.+)$/u.exec(text);
  return knownPlaces.has(text) || (compass !== null && knownPlaces.has(compass[1]!));
}

/** Whether words [first, last] are written as personal names are: "Enver Solomon", "K.C. Maurer", "Kevin De Bruyne". */
export function looksPersonal(words: readonly Word[], first: number, last: number): boolean {
  const count = last - first + 1;
  if (count < 2 || count > 5) return false;
  // A particle stands between names, never at either end: "al Wadi" is the end of "Jabhat al Wadi".
  if (nameParticles.has(words[first]!.lower) || nameParticles.has(words[last]!.lower)) return false;
  for (let i = first; i <= last; i++) {
    const word = words[i]!;
    if (knownPlaces.has(word.text) || nationalities.has(word.text) || personTitles.has(word.lower)) return false;
    if (!/^(?:\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*|(?:\p{Lu}\.)+|\p{Lu}\p{Ll}*['’]\p{Lu}\p{Ll}+|(?:al|el|bin|ibn|abu|de|da|van|von)[-'’]\p{Lu}[\p{L}-]*)$/u.test(word.text) && !nameParticles.has(word.lower)) return false;
  }
  return true;
}

