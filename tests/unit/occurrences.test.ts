import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOccurrences, nameVariants } from '../../common/model/occurrences';

// Third-party text: read from the shared folder, never copied into the project.
const sample = readFileSync(new URL('../../../shared/samples/ghouta-evacuation.txt', import.meta.url), 'utf8');

const texts = (text: string, names: string[], ignoreCase = false): string[] =>
  findOccurrences(text, names, { ignoreCase }).map((found) => found.text);

describe('findOccurrences on the sample article', () => {
  // Counted with `grep -ow` on the sample.
  it('finds Zolotukhin three times', () => {
    const found = findOccurrences(sample, ['Zolotukhin']);
    expect(found).toHaveLength(3);
    for (const span of found) expect(sample.slice(span.start, span.end)).toBe('Zolotukhin');
  });

  it('prefers the full name where it is written, and finds the surname elsewhere', () => {
    const found = findOccurrences(sample, ['Zolotukhin', 'Major General Vladimir Zolotukhin']);
    expect(found.map((span) => span.text)).toEqual(['Major General Vladimir Zolotukhin', 'Zolotukhin', 'Zolotukhin']);
    expect(sample.slice(found[0]!.start, found[0]!.end)).toBe('Major General Vladimir Zolotukhin');
  });

  it('finds both spellings of an organisation given as aliases', () => {
    expect(texts(sample, ['Faylaq al Rahman', 'Failaq al Rahman'])).toEqual(['Failaq al Rahman', 'Faylaq al Rahman']);
  });

  it('takes the longest name at each place across the whole article', () => {
    const found = texts(sample, ['Ghouta', 'eastern Ghouta']);
    expect(found).toHaveLength(19);
    expect(found.filter((text) => text === 'eastern Ghouta')).toHaveLength(18);
  });

  it('returns sorted, non-overlapping spans', () => {
    const found = findOccurrences(sample, ['Ghouta', 'eastern Ghouta', 'Hammuriyeh', 'SOHR', 'Zolotukhin', 'Russian Centre for Reconciliation']);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    expect(found.filter((span) => span.text === 'Hammuriyeh')).toHaveLength(5);
    expect(found.filter((span) => span.text === 'SOHR')).toHaveLength(3);
  });

  it('is fast on a 100,000-word text with several names', () => {
    const copies = Math.ceil(100_000 / sample.split(/\s+/).length);
    const long = Array.from({ length: copies }, () => sample).join('\n\n');
    const names = ['Zolotukhin', 'Major General Vladimir Zolotukhin', 'Faylaq al Rahman', 'Failaq al Rahman', 'SOHR', 'Ghouta', 'eastern Ghouta', 'Hammuriyeh'];
    const started = performance.now();
    const found = findOccurrences(long, names);
    const elapsed = performance.now() - started;
    expect(found.filter((span) => span.text.endsWith('Zolotukhin'))).toHaveLength(3 * copies);
    // About 2 ms on the project's machine; the bound only catches a pathological pattern.
    expect(elapsed).toBeLessThan(500);
  });
});

describe('findOccurrences: whole words', () => {
  it('does not match inside a longer word', () => {
    expect(texts('Alice met Ali and Alistair; Ali-Baba and Ali.', ['Ali'])).toEqual(['Ali', 'Ali', 'Ali']);
    expect(texts('Zolotukhins, AZolotukhin, Zolotukhin2', ['Zolotukhin'])).toEqual([]);
  });

  it('matches before punctuation and a possessive', () => {
    expect(texts("Zolotukhin's view, (Zolotukhin) and “Zolotukhin”.", ['Zolotukhin'])).toHaveLength(3);
  });

  it('treats letters with accents as letters', () => {
    expect(texts('José and Josée met Jose; Jos', ['José'])).toEqual(['José']);
    expect(texts('Ankaraé Ankara', ['Ankara'])).toEqual(['Ankara']);
  });

  it('knows Arabic word boundaries', () => {
    const text = 'قال علي إن عليه أن يغادر، وقال علي مرة أخرى';
    const found = findOccurrences(text, ['علي']);
    expect(found).toHaveLength(2);
    for (const span of found) expect(text.slice(span.start, span.end)).toBe('علي');
    expect(findOccurrences('حلب وحلب', ['حلب'])).toHaveLength(1);
  });

  it('is not confused by emoji and other astral characters, and counts UTF-16 offsets', () => {
    const text = '🇸🇾Damascus🔥 and 😀 Damascus, but not 𝐀Damascus';
    const found = findOccurrences(text, ['Damascus']);
    expect(found).toHaveLength(2);
    expect(found[0]).toEqual({ start: 4, end: 12, text: 'Damascus' });
    for (const span of found) expect(text.slice(span.start, span.end)).toBe('Damascus');
  });

  it('finds a name inside a longer rejected match', () => {
    // "xAl Qaeda" is rejected at "Al"; the search resumes inside it.
    expect(texts('xAl Qaeda Qaeda', ['Al Qaeda', 'Qaeda'])).toEqual(['Qaeda', 'Qaeda']);
  });
});

describe('findOccurrences: case', () => {
  it('matches the name as written, in capitals and capitalised', () => {
    expect(texts('al Qaeda, Al Qaeda, AL QAEDA, AL Qaeda, al qaeda', ['al Qaeda'])).toEqual(['al Qaeda', 'Al Qaeda', 'AL QAEDA']);
  });

  it('does not match a lowercase common word for a capitalised name', () => {
    expect(texts('Hope said there is hope.', ['Hope'])).toEqual(['Hope']);
    expect(texts('zolotukhin', ['Zolotukhin'])).toEqual([]);
  });

  it('matches any case when asked', () => {
    expect(texts('Hope said there is hope, HOPE.', ['Hope'], true)).toEqual(['Hope', 'hope', 'HOPE']);
    expect(texts('ЗОЛОТУХИН и Золотухин', ['золотухин'], true)).toEqual(['ЗОЛОТУХИН', 'Золотухин']);
  });

  it('lists the variants it matches', () => {
    expect(nameVariants('al Qaeda')).toEqual(['al Qaeda', 'AL QAEDA', 'Al Qaeda']);
    expect(nameVariants('  SOHR ')).toEqual(['SOHR']);
    expect(nameVariants('')).toEqual([]);
  });
});

describe('findOccurrences: names', () => {
  it('ignores empty names and returns nothing without names', () => {
    expect(findOccurrences('some text', [])).toEqual([]);
    expect(findOccurrences('some text', ['', '   '])).toEqual([]);
  });

  it('escapes characters that mean something in a pattern', () => {
    expect(texts('U.S. and UxSx, AT&T (C++) and C+', ['U.S.', 'AT&T', 'C++'])).toEqual(['U.S.', 'AT&T', 'C++']);
    expect(texts('a (b) c', ['(b)'])).toEqual(['(b)']);
  });

  it('matches spacing and apostrophes loosely, but not across paragraphs', () => {
    expect(texts('Major  General\u00a0Zolotukhin', ['Major General Zolotukhin'])).toHaveLength(1);
    expect(texts('Major\n\nGeneral', ['Major General'])).toEqual([]);
    expect(texts('O’Brien and O\'Brien', ["O'Brien"])).toEqual(['O’Brien', "O'Brien"]);
  });

  it('prefers the longest name at a position and the leftmost where names overlap', () => {
    expect(texts('Vladimir Zolotukhin', ['Zolotukhin', 'Vladimir Zolotukhin', 'Vladimir'])).toEqual(['Vladimir Zolotukhin']);
    expect(texts('Russian Centre for Reconciliation', ['Centre for Reconciliation', 'Russian Centre'])).toEqual(['Russian Centre']);
  });
});
