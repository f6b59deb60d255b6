/**
 * Finding the names of an entity in an article's plain text, for "Tag all occurrences": every whole-word
 * occurrence of the canonical name or an alias, ready for the editor to review before tagging.
 *
 * The case rule: a name matches as written, in capitals ("ZOLOTUKHIN" in a headline) and with its first
 * letter capitalised ("Al Qaeda" for the alias "al Qaeda" at the start of a sentence). Other case changes
 * do not match, so that an alias that is also a common word ("Hope", "Bush") finds the name and not the
 * word. `ignoreCase` matches any case instead.
 *
 * Whole words are Unicode-aware: a name must not be preceded or followed by a letter, a digit or a
 * combining mark of any script, so "Ali" is not found in "Alice", "علي" is not found in "عليه", and
 * emoji or punctuation next to a name do not hide it.
 *
 * Where names overlap, the leftmost wins, and at one position the longest: "Major General Vladimir
 * Zolotukhin" is one occurrence, not "Vladimir Zolotukhin" or "Zolotukhin" inside it.
 */

/** A piece of the plain text: UTF-16 offsets, end exclusive, and the text found there. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** How findOccurrences compares case. */
export interface OccurrenceOptions {
  /** Match the names in any case; by default the case rule at the top of this file applies. */
  ignoreCase?: boolean;
}

/**
 * Finds every whole-word occurrence of any of `names` in `text`, sorted and non-overlapping, with the
 * longest name preferred where several start at the same place. Offsets are UTF-16 offsets into `text`.
 */
export function findOccurrences(text: string, names: readonly string[], options: OccurrenceOptions = {}): TextSpan[] {
  const pattern = occurrencePattern(names, options.ignoreCase ?? false);
  if (!pattern) return [];
  const found: TextSpan[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    // The lookbehind is checked here rather than in the pattern, so the engine can still scan quickly
    // for the names' first characters. A rejected match may hide one starting inside it: retry there.
    if (isWordCharacterBefore(text, start)) {
      pattern.lastIndex = start + 1;
      continue;
    }
    found.push({ start, end, text: match[0] });
  }
  return found;
}

/**
 * The variants of a name that the case rule matches: as written, in capitals, and with a capital first
 * letter. Exported so that the editor can show what "case-aware" means for a given name.
 */
export function nameVariants(name: string): string[] {
  const written = normaliseName(name);
  if (!written) return [];
  const first = String.fromCodePoint(written.codePointAt(0)!);
  const capitalised = first.toUpperCase() + written.slice(first.length);
  return [...new Set([written, written.toUpperCase(), capitalised])];
}

const wordCharacter = /[\p{L}\p{N}\p{M}]/u;

function isWordCharacterBefore(text: string, offset: number): boolean {
  if (offset === 0) return false;
  // The code point that ends at `offset`, which is two UTF-16 units when it is astral.
  const low = text.charCodeAt(offset - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff && offset >= 2;
  const before = isLowSurrogate ? text.slice(offset - 2, offset) : text.charAt(offset - 1);
  return wordCharacter.test(before);
}

function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

function escapeForPattern(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// Spaces in a name match any run of spaces in the copy, but not a paragraph break; straight and curly
// apostrophes match each other ("O'Brien", "O’Brien").
function namePattern(name: string): string {
  return name
    .split(' ')
    .map((word) => escapeForPattern(word).replace(/['’]/g, "['’]"))
    .join('[^\\S\\n]+');
}

function occurrencePattern(names: readonly string[], ignoreCase: boolean): RegExp | null {
  const variants = new Set<string>();
  for (const name of names) {
    if (ignoreCase) {
      const written = normaliseName(name);
      if (written) variants.add(written);
    } else {
      for (const variant of nameVariants(name)) variants.add(variant);
    }
  }
  if (variants.size === 0) return null;
  // Alternatives are tried in order, so the longest name must come first to win at a position.
  const alternatives = [...variants].sort((a, b) => b.length - a.length).map(namePattern);
  return new RegExp(`(?:${alternatives.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, ignoreCase ? 'giu' : 'gu');
}
