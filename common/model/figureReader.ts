import {
  emptyFigureFields,
  figureValueSchema,
  type FigureFields,
  type FigureKind,
  type FigureQualifier,
  type FigureValue,
} from './annotation';

/**
 * Reads the text of a tagged figure ("more than 1,100 civilians", "$1.5bn", "April 6, 2017") and proposes
 * its fields: kind, normalised value, qualifier, unit and currency. The editor confirms or corrects the
 * proposal, so the parser prefers saying "not understood" to guessing: text it cannot read gives a null
 * value (the figure is still tagged).
 *
 * One reader serves every path a figure comes in by: tagging in the editor reads the words alone
 * (`parseFigure`); formats whose markup already carries values (NITF's `<num value units>`, `<money unit>`
 * and `<chron norm>`) pass them to `readFigure`, where they win and the words fill in the rest.
 *
 * Conventions, chosen so that an editor can predict the proposal:
 * - Vague amounts count as three of their unit, with the qualifier "several": "several dozen" is 36
 *   (3 x 12), "a few hundred" 300, "dozens" 36, "scores" 60, "thousands" 3,000, "tens of thousands"
 *   30,000. The note says that the value is such an estimate and why. "Several" with no unit ("several
 *   fronts") proposes no number at all.
 * - "nearly" and "almost" read as "about": they claim closeness to the number, which a bound ("less
 *   than") would not capture. "within" (a time) reads as "up to".
 * - Durations keep the unit of the text, with a decimal when needed: "two and a half years" is P2.5Y
 *   (not P30M); "a fortnight" is P2W, "a decade" P10Y; weeks mixed with other units become days
 *   ("two weeks and three days" is P17D). "three weeks ago" is the duration P3W with a note.
 * - A date with no year ("March 7") or only a weekday ("Sunday") gives the kind date and no value: the
 *   year depends on the article. A month alone ("March") and a lowercase "may" or "march" are not dates;
 *   month and weekday names must be capitalised as they are in copy.
 * - A four-digit number from 1900 to 2099 standing alone and written without a comma ("2016", "in 2016") is
 *   read as a year, since news style writes counts from 1,000 with a comma ("2,016"). Two such years joined
 *   as a span ("from 2004 to 2009", "between 2004 and 2009", "2004-2009") are a range of dates, the ISO
 *   8601 interval 2004/2009, not a count; so are spans of dated ends ("from March to June 2009" is
 *   2009-03/2009-06, "April 6-7, 2017" 2017-04-06/2017-04-07), an end without a year taking the other's.
 *   "1997 and 1998" is two years: consecutive ones are the interval 1997/1998, others leave the value to
 *   the editor. A decade ("the 1960s") is the interval of its ten years, 1960/1969. Years followed by
 *   other words ("between 1990 and 2000 people") stay numbers.
 * - A time of day ("6:00am", "6 a.m.", "6.30pm", "18:30", "noon") has the kind date and an ISO time value
 *   ("06:00", with "Z" for GMT or UTC); the day comes from the article. "h:mm" without am or pm and with a
 *   one-digit hour ("2:30") is read as a time with less confidence; "3:1" stays a ratio.
 * - An age is a duration of years: "aged 14", "14-year-old", "14 years old" and "2000 year old" are P14Y
 *   and P2000Y, with the unit "age" unless a noun follows ("a 14-year-old boy": "boy").
 * - A number written as an adjective counts its noun: "131-page report" is 131 with the unit "pages" (the
 *   noun it describes, "report", is named in the note); "a 400-strong force" is 400 with the unit "force".
 *   "40-odd" reads as about 40.
 * - Fractions of a whole are percentages ("half" is 50, "two-thirds" 66.67); ratios ("one in five",
 *   "3:1") are the first number divided by the second (0.2, 3). Both are rounded to a few decimals.
 * - "$" is the US dollar unless prefixed (A$, C$, HK$...); bare "dollars" and "pounds" are read as USD and
 *   GBP with lower confidence. A lone "m" means million only for money ("£30m"); "30m" of anything else
 *   stays a count of 30 with the unit "m" (metres are as likely as millions).
 * - Whatever words follow the figure become its unit, what is counted: "13 HTS members" -> "HTS members";
 *   a leading "of" or "of the" is dropped ("dozens of people" -> "people").
 * - Digits are read with "," grouping thousands and "." marking decimals unless the caller says otherwise
 *   (`readFigure` with a European "1.100,5": thousands ".", decimal ",").
 */

/** What parseFigure proposes for a tagged figure: the figure's fields, and how sure the reading is. */
export interface ParsedFigure {
  figureKind: FigureKind | null;
  value: FigureValue | null;
  qualifier: FigureQualifier;
  unit: string;
  currency: string | null;
  /** True when a value was read; false leaves the value to the editor (the kind may still be known). */
  understood: boolean;
  /** 0 when nothing was read, 1 for a plain reading, in between when a convention or a guess was applied. */
  confidence: number;
  /** Why no value was read, or which convention was applied, in a sentence for the inspector; '' if none. */
  note: string;
}

/** Proposes a figure's fields from its text; see the conventions at the top of this file. */
export function parseFigure(text: string): ParsedFigure {
  return readFigure(text);
}

/**
 * What a format's markup already says about a figure, beside its words: NITF's `<num value units
 * thousands-ch decimal-ch>` and `<money unit>`. Every field is optional; a field given here wins over the
 * words.
 */
export interface GivenFigureValues {
  /** The number itself, already normalised (NITF `value`). */
  value?: number;
  /**
   * A normalised ISO 8601 value (NITF `<chron norm>`): a date, in extended or basic form and with any time
   * after it dropped (20180311T0600 is 2018-03-11), an interval of dates ("2004/2009"), a time of day
   * ("T06:00Z") or a duration ("P3W"). Used when no `value` is given; ignored when it is not ISO 8601.
   */
  iso?: string;
  /** What is counted or measured (NITF `units`); a percent sign or word ("%", "percent") makes the figure a percentage. */
  unit?: string;
  /** An ISO 4217 code (NITF `<money unit>`); makes the figure money. */
  currency?: string;
  /** The character that groups thousands in the words' digits ("," unless given; "." in much of Europe). */
  thousandsSeparator?: string;
  /** The character before the decimals in the words' digits ("." unless given). */
  decimalSeparator?: string;
}

/**
 * Proposes a figure's fields from its words and what the markup around them gives: the given value (or ISO
 * value), unit and currency win, the words fill in the rest (kind, qualifier, and whatever was not given),
 * and the given separators say how to read the words' digits. When the words read another value than the
 * markup gives, the note says so. With nothing given it is `parseFigure`.
 */
export function readFigure(words: string, given: GivenFigureValues = {}): ParsedFigure {
  const fromWords = readWords(words, numberSeparators(given));
  const value = given.value !== undefined && Number.isFinite(given.value) ? given.value : null;
  const iso = value === null ? givenIsoValue(given.iso) : null;
  const currency = givenCurrency(given.currency);
  const percent = isPercentUnit(given.unit);
  const givenUnit = percent ? '' : (given.unit?.trim() ?? '');
  if (iso) return withGivenIso(fromWords, iso, givenUnit);
  const unit = givenUnit || fromWords.unit;
  if (value === null && currency === null && !percent) return { ...fromWords, unit };
  const numericWords = numericKinds.has(fromWords.figureKind);
  const figureKind: FigureKind = currency !== null ? 'money' : percent ? 'percent' : numericWords ? fromWords.figureKind! : 'count';
  const finalValue: FigureValue | null = value !== null ? { type: 'number', value } : numericWords ? fromWords.value : null;
  return {
    figureKind,
    value: finalValue,
    qualifier: fromWords.qualifier,
    unit,
    currency: currency ?? (figureKind === 'money' ? fromWords.currency : null),
    understood: finalValue !== null,
    confidence: value !== null ? certain : finalValue !== null ? fromWords.confidence : kindOnly,
    note: value === null ? fromWords.note : markupNote(finalValue!, fromWords.value),
  };
}

// A date, interval, time or duration the markup gives wins; the kind follows the value.
function withGivenIso(fromWords: ParsedFigure, value: FigureValue, givenUnit: string): ParsedFigure {
  const figureKind: FigureKind = value.type === 'duration' ? 'duration' : 'date';
  return {
    figureKind,
    value,
    qualifier: fromWords.qualifier,
    unit: givenUnit || (fromWords.figureKind === figureKind ? fromWords.unit : ''),
    currency: null,
    understood: true,
    confidence: certain,
    note: markupNote(value, fromWords.value),
  };
}

// Said when the words read another value than the markup gives, so that the editor can look twice.
function markupNote(given: FigureValue, fromWords: FigureValue | null): string {
  if (fromWords === null || figureValueWords(fromWords) === figureValueWords(given)) return '';
  return `The markup gives ${figureValueWords(given)}; the words read ${figureValueWords(fromWords)}.`;
}

function isPercentUnit(unit: string | undefined): boolean {
  const tokens = tokenize(normaliseFigureText(unit ?? ''));
  const match = matchPhrase(tokens, 0, percentSuffixes);
  return match !== null && match.end === tokens.length && match.value === '';
}

// A normalised ISO 8601 value as the markup writes it, or null when it is not one (see GivenFigureValues.iso).
function givenIsoValue(norm: string | undefined): FigureValue | null {
  const text = norm?.trim().toUpperCase() ?? '';
  if (text === '') return null;
  let candidate: unknown = null;
  if (text.startsWith('P')) candidate = { type: 'duration', iso: text };
  else if (text.includes('/')) {
    const [from, to, extra] = text.split('/').map(isoDateFromNorm);
    if (from && to && extra === undefined && from < to) candidate = { type: 'date_range', iso: `${from}/${to}` };
  } else {
    const time = /^T(\d{2}):?(\d{2})(?::?(\d{2}))?(Z)?$|^(\d{2}):(\d{2})(?::(\d{2}))?(Z)?$/.exec(text);
    if (time) {
      const [hour, minute, second, zone] = time[1] !== undefined ? time.slice(1, 5) : time.slice(5, 9);
      candidate = { type: 'time', iso: `${hour}:${minute}${second ? `:${second}` : ''}${zone ?? ''}` };
    } else {
      const date = isoDateFromNorm(text);
      if (date) candidate = { type: 'date', iso: date };
    }
  }
  const parsed = figureValueSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

// "2018-03-11", "20180311", "2018-03", "2018", "2018-03-11T06:00" as an ISO date, or null for a day that does not exist.
function isoDateFromNorm(text: string): string | null {
  const date = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:$|T)/u.exec(text);
  if (!date) return null;
  const [, year, month, day] = date;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day !== undefined && (Number(day) < 1 || Number(day) > daysInMonth(Number(year), Number(month)))) return null;
  return [year, month, day].filter(Boolean).join('-');
}

// Kinds whose value a plain number from the markup can be; the markup's number of a date is a count.
const numericKinds = new Set<FigureKind | null>(['count', 'money', 'percent', 'ratio']);

function givenCurrency(code: string | undefined): string | null {
  const upper = code?.trim().toUpperCase() ?? '';
  return /^[A-Z]{3}$/.test(upper) ? upper : null;
}

function figureValueWords(value: FigureValue): string {
  switch (value.type) {
    case 'number':
      return String(value.value);
    case 'range':
      return `${value.min} to ${value.max}`;
    default:
      return value.iso;
  }
}

function readWords(text: string, separators: NumberSeparators): ParsedFigure {
  const source = normaliseFigureText(text, separators);
  const tokens = tokenize(source);
  if (tokens.length === 0) return notUnderstood('');
  const prefix = matchPhrase(tokens, 0, qualifierPrefixes);
  const start = prefix?.end ?? 0;
  const prefixQualifier = prefix?.value ?? 'exactly';
  const time = readClockTime(tokens, start);
  if (time) return finishDate(time, tokens, prefixQualifier);
  const reading =
    readDecade(tokens, start, prefix !== null) ??
    readDateRange(tokens, start, prefix !== null) ??
    readDate(tokens, start, prefix !== null) ??
    readAge(tokens, start) ??
    readFraction(tokens, start) ??
    readQuantityFigure(tokens, start) ??
    readVagueWithoutNumber(tokens, start);
  if (!reading) return notUnderstood('No number or date could be read; the editor fills in the value.');
  if (reading.figureKind === 'date') return finishDate(reading, tokens, 'exactly');
  return finishQuantity(reading, prefixQualifier, tokens, source);
}

/**
 * The figure fields to store when a figure is tagged: the proposal from its text laid over `current`,
 * keeping the verification status and source note the editor may already have set.
 */
export function proposedFigureFields(text: string, current: FigureFields = emptyFigureFields(), given: GivenFigureValues = {}): FigureFields {
  const parsed = readFigure(text, given);
  return {
    ...current,
    figureKind: parsed.figureKind,
    value: parsed.value,
    qualifier: parsed.qualifier,
    unit: parsed.unit,
    currency: parsed.currency,
  };
}

// ---------------------------------------------------------------------------------------------------
// Confidence levels, named so that each reading says which applies.

const certain = 1;
const ambiguousCurrency = 0.8;
const convention = 0.7;
const dateWithExtraWords = 0.6;
const yearAlone = 0.6;
const weekdayMismatch = 0.5;
const kindOnly = 0.3;

function notUnderstood(note: string, figureKind: FigureKind | null = null, qualifier: FigureQualifier = 'exactly', unit = ''): ParsedFigure {
  return {
    figureKind,
    value: null,
    qualifier,
    unit,
    currency: null,
    understood: false,
    confidence: figureKind ? kindOnly : 0,
    note,
  };
}

// ---------------------------------------------------------------------------------------------------
// Text and tokens.

/** How the words write their digits: what groups thousands and what marks decimals. */
interface NumberSeparators {
  thousands: string;
  decimal: string;
}

const englishSeparators: NumberSeparators = { thousands: ',', decimal: '.' };

// One separator given implies the other: a decimal comma comes with a thousands point, and the reverse.
function numberSeparators(given: GivenFigureValues): NumberSeparators {
  const thousands = given.thousandsSeparator?.normalize('NFKC');
  const decimal = given.decimalSeparator?.normalize('NFKC');
  if (!thousands && !decimal) return englishSeparators;
  const separators = {
    thousands: thousands || (decimal === ',' ? '.' : ','),
    decimal: decimal || (thousands === '.' ? ',' : '.'),
  };
  return separators.thousands === separators.decimal ? englishSeparators : separators;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Rewrites numbers written with other separators ("1.100,5") as the tokenizer reads them ("1,100.5").
function withEnglishSeparators(text: string, separators: NumberSeparators): string {
  if (separators.thousands === ',' && separators.decimal === '.') return text;
  const thousands = escapeRegExp(separators.thousands);
  const decimal = escapeRegExp(separators.decimal);
  const number = new RegExp(`\\d{1,3}(?:${thousands}\\d{3})+(?:${decimal}\\d+)?|\\d+(?:${decimal}\\d+)?`, 'gu');
  return text.replace(number, (written) =>
    written
      .split(separators.decimal)
      .map((part) => part.split(separators.thousands).join(','))
      .join('.'),
  );
}

// Copy pasted from the web carries typographic dashes, non-breaking spaces and Arabic-Indic digits.
function normaliseFigureText(text: string, separators: NumberSeparators = englishSeparators): string {
  const normalised = text
    .normalize('NFKC')
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s"'“”‘’«(\[]+/u, '')
    .replace(/[\s"'“”‘’»()\[\].,;:!?-]+$/u, '');
  return withEnglishSeparators(normalised, separators);
}

type TokenType = 'number' | 'word' | 'symbol';

interface Token {
  type: TokenType;
  // The token as written; for numbers, without thousands separators.
  text: string;
  // Lowercase, for matching words and phrases.
  lower: string;
  // Whether the number was written with thousands separators ("2,016").
  grouped: boolean;
  start: number;
  end: number;
}

// Numbers take thousands separators only in groups of three, so "1,1,1" is not one number.
const tokenPattern = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*)|(\S)/gu;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  for (const match of source.matchAll(tokenPattern)) {
    const written = match[0];
    const start = match.index;
    const type: TokenType = match[1] ? 'number' : match[2] ? 'word' : 'symbol';
    const text = type === 'number' ? written.replace(/,/g, '') : written;
    tokens.push({ type, text, lower: text.toLowerCase(), grouped: type === 'number' && written.includes(','), start, end: start + written.length });
  }
  return tokens;
}

function wordAt(tokens: readonly Token[], index: number): string | undefined {
  const token = tokens[index];
  return token?.type === 'word' ? token.lower : undefined;
}

function symbolAt(tokens: readonly Token[], index: number): string | undefined {
  const token = tokens[index];
  return token?.type === 'symbol' ? token.text : undefined;
}

function isAdjacent(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  return token !== undefined && previous !== undefined && previous.end === token.start;
}

function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && token.type === 'word' && /^\p{Lu}/u.test(token.text);
}

/** A phrase of lowercase tokens ("more than", "per cent", "> =") and what it stands for. */
interface Phrase<T> {
  parts: string[];
  value: T;
}

function phrases<T>(entries: Record<string, T>): Phrase<T>[] {
  return Object.entries(entries)
    .map(([phrase, value]) => ({ parts: phrase.split(' '), value }))
    .sort((a, b) => b.parts.length - a.parts.length);
}

// The longest phrase that starts at `index`.
function matchPhrase<T>(tokens: readonly Token[], index: number, list: readonly Phrase<T>[]): { value: T; end: number } | null {
  for (const phrase of list) {
    if (phrase.parts.every((part, offset) => tokens[index + offset]?.lower === part)) {
      return { value: phrase.value, end: index + phrase.parts.length };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Lexicons.

// Word tables without a prototype, so that words of the copy such as "constructor" are not found in them.
function lexicon<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

const qualifierPrefixes = phrases<FigureQualifier>({
  exactly: 'exactly', precisely: 'exactly', 'a total of': 'exactly',
  about: 'about', around: 'about', approximately: 'about', approx: 'about', roughly: 'about', some: 'about',
  circa: 'about', 'an estimated': 'about', estimated: 'about', 'close to': 'about', nearly: 'about',
  almost: 'about', 'more or less': 'about', '~': 'about',
  'more than': 'more_than', over: 'more_than', above: 'more_than', 'in excess of': 'more_than',
  'upwards of': 'more_than', 'greater than': 'more_than', 'just over': 'more_than', 'well over': 'more_than',
  'just above': 'more_than', 'slightly more than': 'more_than', 'just more than': 'more_than', '>': 'more_than',
  'at least': 'at_least', 'no fewer than': 'at_least', 'no less than': 'at_least', 'not less than': 'at_least',
  'a minimum of': 'at_least', '> =': 'at_least', '≥': 'at_least',
  'up to': 'up_to', 'as many as': 'up_to', 'as much as': 'up_to', 'at most': 'up_to', 'no more than': 'up_to',
  'not more than': 'up_to', 'a maximum of': 'up_to', within: 'up_to', '< =': 'up_to', '≤': 'up_to',
  'less than': 'less_than', 'fewer than': 'less_than', under: 'less_than', below: 'less_than',
  'just under': 'less_than', 'just below': 'less_than', 'slightly less than': 'less_than', '<': 'less_than',
});

// Said after the figure: "400 or more", "400+", "400 or so".
const qualifierSuffixes = phrases<FigureQualifier>({
  'or more': 'at_least', 'or over': 'at_least', '+': 'at_least', plus: 'at_least', '- plus': 'at_least',
  'or fewer': 'up_to', 'or less': 'up_to', 'or so': 'about', '- odd': 'about',
});

const smallNumbers = lexicon<number>({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
});

const tensNumbers = lexicon<number>({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});

// Scale words as powers of ten, so that "1.1bn" scales exactly (1.1 * 1e9 is not 1100000000).
const scaleWords = lexicon<number>({
  thousand: 3, million: 6, billion: 9, trillion: 12, mn: 6, mln: 6, bn: 9, bln: 9, tn: 12, trn: 12,
});
// Only written against the digits: "5k".
const attachedScaleWords = lexicon<number>({ k: 3 });
// Only for money, where "m" cannot mean metres: "£30m", "$2b".
const moneyScaleWords = lexicon<number>({ m: 6, b: 9 });

const vagueMultiples = lexicon<number>({ dozen: 12, score: 20, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 });
const vaguePlurals = lexicon<number>({ tens: 10, dozens: 12, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9 });
const vaguePluralsAfterOf = lexicon<number>({ thousands: 1e3, millions: 1e6, billions: 1e9 });
// "Several" stands for three, the convention for every vague amount.
const vagueCount = 3;
const vagueWords = phrases<true>({ several: true, 'a few': true });
const vagueWithoutNumber = phrases<true>({ several: true, 'a few': true, 'a handful of': true, 'a number of': true, many: true, numerous: true });

const fractionDenominators = lexicon<number>({
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5,
  sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
});

const percentSuffixes = phrases<string>({
  '%': '', 'per cent': '', percent: '', pc: '', pct: '',
  'percentage point': 'percentage points', 'percentage points': 'percentage points',
});

/** A currency as read, and whether the reading is a guess ("dollars" could be Canadian). */
interface CurrencyReading {
  currency: string;
  ambiguous: boolean;
  end: number;
}

const currencySymbols = lexicon<string>({
  $: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₺': 'TRY', '₪': 'ILS', '₩': 'KRW', '₦': 'NGN',
});

// Letters written against "$" that name another dollar: "A$5", "HK$10".
const dollarPrefixes = lexicon<string>({
  US: 'USD', A: 'AUD', AU: 'AUD', C: 'CAD', CA: 'CAD', HK: 'HKD', NZ: 'NZD', S: 'SGD', R: 'BRL',
});

// ISO 4217 codes met in news copy, matched in capitals only ("TRY" is the lira, "try" a verb).
const currencyCodes = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CHF', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'INR', 'RUB', 'TRY', 'SYP', 'LBP',
  'EGP', 'JOD', 'IQD', 'IRR', 'SAR', 'AED', 'QAR', 'KWD', 'ILS', 'UAH', 'PLN', 'SEK', 'NOK', 'DKK', 'ZAR', 'NGN',
  'KES', 'BRL', 'MXN', 'ARS', 'KRW', 'TWD', 'THB', 'IDR', 'PKR', 'BDT', 'AFN', 'YER', 'LYD', 'TND', 'MAD', 'DZD',
]);

const currencyWords = phrases<{ currency: string; ambiguous: boolean }>({
  dollar: { currency: 'USD', ambiguous: true }, dollars: { currency: 'USD', ambiguous: true },
  'us dollar': { currency: 'USD', ambiguous: false }, 'us dollars': { currency: 'USD', ambiguous: false },
  'canadian dollars': { currency: 'CAD', ambiguous: false }, 'australian dollars': { currency: 'AUD', ambiguous: false },
  'hong kong dollars': { currency: 'HKD', ambiguous: false },
  euro: { currency: 'EUR', ambiguous: false }, euros: { currency: 'EUR', ambiguous: false },
  pound: { currency: 'GBP', ambiguous: true }, pounds: { currency: 'GBP', ambiguous: true },
  sterling: { currency: 'GBP', ambiguous: false }, 'pounds sterling': { currency: 'GBP', ambiguous: false },
  'british pounds': { currency: 'GBP', ambiguous: false },
  'syrian pound': { currency: 'SYP', ambiguous: false }, 'syrian pounds': { currency: 'SYP', ambiguous: false },
  'lebanese pounds': { currency: 'LBP', ambiguous: false }, 'egyptian pounds': { currency: 'EGP', ambiguous: false },
  yen: { currency: 'JPY', ambiguous: false }, yuan: { currency: 'CNY', ambiguous: false }, renminbi: { currency: 'CNY', ambiguous: false },
  rouble: { currency: 'RUB', ambiguous: false }, roubles: { currency: 'RUB', ambiguous: false },
  ruble: { currency: 'RUB', ambiguous: false }, rubles: { currency: 'RUB', ambiguous: false },
  rupee: { currency: 'INR', ambiguous: true }, rupees: { currency: 'INR', ambiguous: true },
  lira: { currency: 'TRY', ambiguous: false }, 'turkish lira': { currency: 'TRY', ambiguous: false },
  'swiss francs': { currency: 'CHF', ambiguous: false }, shekel: { currency: 'ILS', ambiguous: false },
  shekels: { currency: 'ILS', ambiguous: false }, dirhams: { currency: 'AED', ambiguous: true },
  riyals: { currency: 'SAR', ambiguous: true }, naira: { currency: 'NGN', ambiguous: false },
  rand: { currency: 'ZAR', ambiguous: false }, hryvnias: { currency: 'UAH', ambiguous: false },
  hryvnia: { currency: 'UAH', ambiguous: false },
});

type DurationDesignator = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S';

// Largest first: the order ISO 8601 writes them in, and the order compound durations must follow.
const durationOrder: readonly DurationDesignator[] = ['Y', 'M', 'W', 'D', 'H', 'MIN', 'S'];

const durationUnits = lexicon<{ designator: DurationDesignator; factor: number }>({
  century: { designator: 'Y', factor: 100 }, centuries: { designator: 'Y', factor: 100 },
  decade: { designator: 'Y', factor: 10 }, decades: { designator: 'Y', factor: 10 },
  year: { designator: 'Y', factor: 1 }, years: { designator: 'Y', factor: 1 }, yr: { designator: 'Y', factor: 1 }, yrs: { designator: 'Y', factor: 1 },
  month: { designator: 'M', factor: 1 }, months: { designator: 'M', factor: 1 },
  fortnight: { designator: 'W', factor: 2 }, fortnights: { designator: 'W', factor: 2 },
  week: { designator: 'W', factor: 1 }, weeks: { designator: 'W', factor: 1 },
  day: { designator: 'D', factor: 1 }, days: { designator: 'D', factor: 1 },
  hour: { designator: 'H', factor: 1 }, hours: { designator: 'H', factor: 1 }, hr: { designator: 'H', factor: 1 }, hrs: { designator: 'H', factor: 1 },
  minute: { designator: 'MIN', factor: 1 }, minutes: { designator: 'MIN', factor: 1 }, min: { designator: 'MIN', factor: 1 }, mins: { designator: 'MIN', factor: 1 },
  second: { designator: 'S', factor: 1 }, seconds: { designator: 'S', factor: 1 }, sec: { designator: 'S', factor: 1 }, secs: { designator: 'S', factor: 1 },
});

const monthNames = lexicon<number>({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});

// Index as Date.getUTCDay() counts: Sunday is 0.
const weekdayNames = lexicon<number>({
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  sun: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6,
});
const weekdayDisplay = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const ordinalSuffixes = new Set(['st', 'nd', 'rd', 'th']);

// ---------------------------------------------------------------------------------------------------
// Readings: what the start of the text says, before the unit and any trailing qualifier.

interface Reading {
  figureKind: FigureKind;
  value: FigureValue | null;
  // Set when the figure itself implies a qualifier ("several dozen").
  qualifier: FigureQualifier | null;
  currency: string | null;
  // Index of the first token after the figure.
  end: number;
  // A unit the figure's own words imply ("percentage points"), used when no words follow.
  impliedUnit: string;
  confidence: number;
  note: string;
}

function reading(figureKind: FigureKind, value: FigureValue | null, end: number, extra: Partial<Reading> = {}): Reading {
  return { figureKind, value, qualifier: null, currency: null, end, impliedUnit: '', confidence: certain, note: '', ...extra };
}

function finishQuantity(figure: Reading, prefixQualifier: FigureQualifier, tokens: readonly Token[], source: string): ParsedFigure {
  let unitStart = figure.end;
  let unitEnd = tokens.length;
  let suffixQualifier: FigureQualifier | null = null;
  const afterFigure = matchPhrase(tokens, figure.end, qualifierSuffixes);
  const atEnd = afterFigure ? null : qualifierAtEnd(tokens, figure.end);
  if (afterFigure) {
    suffixQualifier = afterFigure.value;
    unitStart = afterFigure.end;
  } else if (atEnd) {
    suffixQualifier = atEnd.value;
    unitEnd = atEnd.start;
  }
  let note = figure.note;
  if (figure.figureKind === 'duration' && unitEnd > unitStart && wordAt(tokens, unitEnd - 1) === 'ago') {
    unitEnd -= 1;
    note = joinNotes(note, '"Ago" counts back from the article\'s date; the value is the length of time.');
  }
  const clauseEnd = clauseBreak(tokens, unitStart, unitEnd);
  if (clauseEnd < unitEnd) {
    unitEnd = clauseEnd;
    note = joinNotes(note, 'Words after the first comma or bracket were left out of the unit.');
  }
  const unit = unitText(tokens, unitStart, unitEnd, source);
  if (unit === null) return notUnderstood('The words after the number could not be read.');
  // A qualifier before the number ("more than") outranks one after it ("or more").
  const qualifier = figure.qualifier ?? (prefixQualifier !== 'exactly' ? prefixQualifier : (suffixQualifier ?? 'exactly'));
  const value = figure.value;
  return {
    figureKind: figure.figureKind,
    value,
    qualifier,
    unit: unit || figure.impliedUnit,
    currency: figure.currency,
    understood: value !== null,
    confidence: value === null ? kindOnly : figure.confidence,
    note,
  };
}

// A qualifier said at the very end, after the unit: "400 people or more".
function qualifierAtEnd(tokens: readonly Token[], from: number): { value: FigureQualifier; start: number } | null {
  for (let start = Math.max(from + 1, tokens.length - 2); start < tokens.length; start++) {
    const match = matchPhrase(tokens, start, qualifierSuffixes);
    if (match && match.end === tokens.length) return { value: match.value, start };
  }
  return null;
}

function finishDate(figure: Reading, tokens: readonly Token[], qualifier: FigureQualifier): ParsedFigure {
  const extraWords = figure.end < tokens.length;
  const what = figure.value?.type === 'time' ? 'time' : 'date';
  const note = extraWords && figure.value ? joinNotes(figure.note, `Words after the ${what} were left out.`) : figure.note;
  const confidence = figure.value === null ? kindOnly : extraWords ? Math.min(figure.confidence, dateWithExtraWords) : figure.confidence;
  return {
    figureKind: 'date',
    value: figure.value,
    qualifier,
    unit: '',
    currency: null,
    understood: figure.value !== null,
    confidence,
    note,
  };
}

function joinNotes(first: string, second: string): string {
  return first ? `${first} ${second}` : second;
}

// The unit is what is counted, not the rest of the sentence: "52 civilians, including 26 children".
function clauseBreak(tokens: readonly Token[], from: number, end: number): number {
  for (let i = from + 1; i < end; i++) {
    if ([',', ';', ':', '(', ')', '"', '“', '”'].includes(symbolAt(tokens, i) ?? '')) return i;
  }
  return end;
}

// What follows the figure, as written; null when it is not words (so "1,1,1" is not "1" with a unit).
function unitText(tokens: readonly Token[], from: number, end: number, source: string): string | null {
  if (from >= end) return '';
  const first = tokens[from];
  if (first?.type !== 'word' || isNumberWord(first.lower)) return null;
  let start = from;
  if (wordAt(tokens, start) === 'of') start++;
  if (wordAt(tokens, start) === 'the' && start > from) start++;
  const firstToken = tokens[start];
  const lastToken = tokens[end - 1];
  if (!firstToken || !lastToken || start >= end) return '';
  return source.slice(firstToken.start, lastToken.end).slice(0, 500);
}

function isNumberWord(word: string): boolean {
  return word in smallNumbers || word in tensNumbers || word in scaleWords || word === 'hundred' || word === 'dozen';
}

// ---------------------------------------------------------------------------------------------------
// Numbers.

/** A number read from digits or words, with what is needed to scale the other end of a range. */
interface Amount {
  value: number;
  end: number;
  // The number before its scale word, as decimal text ("1.5" of "1.5 million"); '' when there is none.
  mantissaText: string;
  scalePower: number;
  // "several dozen", "thousands": a convention rather than a number in the text.
  vague: boolean;
}

function readAmount(tokens: readonly Token[], index: number, money: boolean): Amount | null {
  return readVagueAmount(tokens, index) ?? readDigits(tokens, index, money) ?? readNumberWords(tokens, index);
}

function scaleBy(decimalText: string, power: number): number {
  return Number(`${decimalText}e${power}`);
}

function readDigits(tokens: readonly Token[], index: number, money: boolean): Amount | null {
  const token = tokens[index];
  if (token?.type !== 'number') return null;
  const next = index + 1;
  const scale = scaleWordAt(tokens, next, money);
  if (scale !== null) {
    return { value: scaleBy(token.text, scale), end: next + 1, mantissaText: token.text, scalePower: scale, vague: false };
  }
  if (wordAt(tokens, next) === 'dozen') {
    return { value: Number(token.text) * 12, end: next + 1, mantissaText: '', scalePower: 0, vague: false };
  }
  return { value: Number(token.text), end: next, mantissaText: token.text, scalePower: 0, vague: false };
}

function scaleWordAt(tokens: readonly Token[], index: number, money: boolean): number | null {
  const word = wordAt(tokens, index);
  if (word === undefined) return null;
  if (word in scaleWords) return scaleWords[word]!;
  if (word in attachedScaleWords && isAdjacent(tokens, index)) return attachedScaleWords[word]!;
  // "30m euros" is money although the currency comes after.
  if (word in moneyScaleWords && (money || readCurrencySuffix(tokens, index + 1) !== null)) return moneyScaleWords[word]!;
  return null;
}

type WordState = 'start' | 'unit' | 'teen' | 'tens' | 'hundred' | 'dozen' | 'scale' | 'half' | 'and';

/** Reads English number words: "four", "twenty-three", "a hundred and five", "two and a half million". */
function readNumberWords(tokens: readonly Token[], index: number): Amount | null {
  const halfOf = readHalfOf(tokens, index);
  if (halfOf) return halfOf;
  let total = 0;
  let group = 0;
  let state: WordState = 'start';
  let lastScale = Infinity;
  let scaleUsed: { power: number; group: number } | null = null;
  let i = index;
  while (i < tokens.length) {
    const word = wordAt(tokens, i);
    const next = wordAt(tokens, i + 1);
    if (word === undefined) {
      // The hyphen of "twenty-three".
      if (symbolAt(tokens, i) === '-' && state === 'tens' && next !== undefined && (smallNumbers[next] ?? 10) < 10 && (smallNumbers[next] ?? 0) > 0) {
        i++;
        continue;
      }
      break;
    }
    if ((word === 'a' || word === 'an') && state === 'start' && next !== undefined && (next === 'hundred' || next === 'dozen' || next in scaleWords)) {
      group = 1;
      state = 'unit';
    } else if (word in smallNumbers) {
      const n = smallNumbers[word]!;
      const afterTens = state === 'tens' && n > 0 && n < 10;
      if (!(state === 'start' || state === 'hundred' || state === 'scale' || state === 'and' || afterTens)) break;
      group += n;
      state = n < 10 ? 'unit' : 'teen';
    } else if (word in tensNumbers) {
      if (!(state === 'start' || state === 'hundred' || state === 'scale' || state === 'and')) break;
      group += tensNumbers[word]!;
      state = 'tens';
    } else if (word === 'hundred') {
      // "two hundred", "fifteen hundred"; never a second hundred in one group.
      if (!(state === 'unit' || state === 'teen') || group >= 20) break;
      group *= 100;
      state = 'hundred';
    } else if (word === 'dozen') {
      if (!(state === 'unit' || state === 'teen' || state === 'tens')) break;
      group *= 12;
      state = 'dozen';
    } else if (word in scaleWords) {
      const power = scaleWords[word]!;
      if (!(state === 'unit' || state === 'teen' || state === 'tens' || state === 'hundred' || state === 'half') || power >= lastScale) break;
      scaleUsed = scaleUsed === null ? { power, group } : { power: -1, group: 0 };
      total += group * 10 ** power;
      group = 0;
      lastScale = power;
      state = 'scale';
    } else if (word === 'and') {
      // "two and a half"
      if ((state === 'unit' || state === 'teen' || state === 'tens') && next === 'a' && wordAt(tokens, i + 2) === 'half') {
        group += 0.5;
        state = 'half';
        i += 3;
        continue;
      }
      // "a hundred and five", "a million and twenty"
      if ((state === 'hundred' || state === 'scale') && next !== undefined && (next in smallNumbers || next in tensNumbers)) {
        state = 'and';
      } else break;
    } else break;
    i++;
  }
  if (state === 'start' || state === 'and') return null;
  const value = total + group;
  // Only "<number> <scale>" can scale the other end of a range ("two to three million").
  const single = scaleUsed !== null && scaleUsed.power > 0 && group === 0;
  return {
    value,
    end: i,
    mantissaText: single ? String(scaleUsed!.group) : String(value),
    scalePower: single ? scaleUsed!.power : 0,
    vague: false,
  };
}

// "half a million", "half a dozen".
function readHalfOf(tokens: readonly Token[], index: number): Amount | null {
  if (wordAt(tokens, index) !== 'half') return null;
  const article = wordAt(tokens, index + 1);
  const scale = wordAt(tokens, index + 2);
  if ((article !== 'a' && article !== 'an') || scale === undefined) return null;
  if (scale === 'dozen') return { value: 6, end: index + 3, mantissaText: '', scalePower: 0, vague: false };
  if (scale in scaleWords) {
    const power = scaleWords[scale]!;
    return { value: scaleBy('0.5', power), end: index + 3, mantissaText: '0.5', scalePower: power, vague: false };
  }
  return null;
}

// "several dozen", "a few hundred", "dozens", "tens of thousands": three of the unit (see the conventions).
function readVagueAmount(tokens: readonly Token[], index: number): Amount | null {
  const several = matchPhrase(tokens, index, vagueWords);
  if (several) {
    let i = several.end;
    let multiple = vagueMultiples[wordAt(tokens, i) ?? ''];
    if (multiple === undefined) return null;
    i++;
    // "several hundred thousand"
    const larger = vagueMultiples[wordAt(tokens, i) ?? ''];
    if (larger !== undefined && larger > multiple) {
      multiple *= larger;
      i++;
    }
    return { value: vagueCount * multiple, end: i, mantissaText: '', scalePower: 0, vague: true };
  }
  let multiple = vaguePlurals[wordAt(tokens, index) ?? ''];
  if (multiple === undefined) return null;
  let i = index + 1;
  // "tens of thousands", "hundreds of millions"
  while (wordAt(tokens, i) === 'of') {
    const larger = vaguePluralsAfterOf[wordAt(tokens, i + 1) ?? ''];
    if (larger === undefined || larger <= multiple) break;
    multiple *= larger;
    i += 2;
  }
  // "tens" alone is no amount.
  if (multiple === 10) return null;
  return { value: vagueCount * multiple, end: i, mantissaText: '', scalePower: 0, vague: true };
}

/** A single amount or a range ("between 10 and 20", "10-20", "10 to 20 million"). */
interface Quantity {
  value: FigureValue;
  end: number;
  vague: boolean;
  // The single amount, for ratios; null for a range.
  amount: Amount | null;
  // "10%-20%": the percent sign written on the first end.
  percentOnFirst: boolean;
}

function readQuantity(tokens: readonly Token[], index: number, money: boolean): Quantity | null {
  const opener = wordAt(tokens, index);
  if (opener === 'between' || opener === 'from') {
    const min = readAmount(tokens, index + 1, money);
    const joiner = opener === 'between' ? 'and' : 'to';
    if (!min || wordAt(tokens, min.end) !== joiner) return null;
    const max = readAmount(tokens, min.end + 1, money);
    return max ? rangeOf(min, max, false) : null;
  }
  const first = readAmount(tokens, index, money);
  if (!first) return null;
  const single: Quantity = { value: { type: 'number', value: first.value }, end: first.end, vague: first.vague, amount: first, percentOnFirst: false };
  let i = first.end;
  const percentOnFirst = symbolAt(tokens, i) === '%';
  if (percentOnFirst) i++;
  const joiner = symbolAt(tokens, i) === '-' ? '-' : wordAt(tokens, i) === 'to' ? 'to' : null;
  if (joiner === null) return single;
  i++;
  // "$10-$20m"
  if (money && readCurrencyPrefix(tokens, i)) i = readCurrencyPrefix(tokens, i)!.end;
  const second = readAmount(tokens, i, money);
  if (!second) return single;
  return rangeOf(first, second, percentOnFirst) ?? single;
}

function rangeOf(first: Amount, second: Amount, percentOnFirst: boolean): Quantity | null {
  if (first.vague || second.vague) return null;
  let min = first.value;
  // "10 to 20 million": the scale written once applies to both ends, unless the first is already larger.
  if (first.scalePower === 0 && second.scalePower > 0 && first.mantissaText && first.value < Number(second.mantissaText)) {
    min = scaleBy(first.mantissaText, second.scalePower);
  }
  if (!(min < second.value)) return null;
  return { value: { type: 'range', min, max: second.value }, end: second.end, vague: false, amount: null, percentOnFirst };
}

function readCurrencyPrefix(tokens: readonly Token[], index: number): CurrencyReading | null {
  const token = tokens[index];
  if (!token) return null;
  if (token.type === 'symbol' && token.text in currencySymbols) return { currency: currencySymbols[token.text]!, ambiguous: false, end: index + 1 };
  if (token.type !== 'word') return null;
  if (token.text in dollarPrefixes && symbolAt(tokens, index + 1) === '$' && isAdjacent(tokens, index + 1)) {
    return { currency: dollarPrefixes[token.text]!, ambiguous: false, end: index + 2 };
  }
  if (currencyCodes.has(token.text) && tokens[index + 1]?.type === 'number') return { currency: token.text, ambiguous: false, end: index + 1 };
  return null;
}

function readCurrencySuffix(tokens: readonly Token[], index: number): CurrencyReading | null {
  const token = tokens[index];
  if (token?.type === 'word' && currencyCodes.has(token.text)) return { currency: token.text, ambiguous: false, end: index + 1 };
  const word = matchPhrase(tokens, index, currencyWords);
  return word ? { ...word.value, end: word.end } : null;
}

// ---------------------------------------------------------------------------------------------------
// Figures with a number: counts, money, percentages, durations, ratios.

function readQuantityFigure(tokens: readonly Token[], index: number): Reading | null {
  const figure = readQuantityFigureAt(tokens, index);
  if (figure) return figure;
  // "a three-week siege", "a 400-strong force": an article before a number is not part of it.
  const article = wordAt(tokens, index);
  const next = tokens[index + 1];
  const numberFollows = next?.type === 'number' || (next?.type === 'word' && (next.lower in smallNumbers || next.lower in tensNumbers));
  return (article === 'a' || article === 'an') && numberFollows ? readQuantityFigureAt(tokens, index + 1) : null;
}

function readQuantityFigureAt(tokens: readonly Token[], index: number): Reading | null {
  const currencyBefore = readCurrencyPrefix(tokens, index);
  const start = currencyBefore?.end ?? index;
  if (!currencyBefore) {
    const oneUnit = readArticleDuration(tokens, start);
    if (oneUnit) return oneUnit;
  }
  const quantity = readQuantity(tokens, start, currencyBefore !== null);
  if (!quantity) return null;
  const vagueness: Partial<Reading> = quantity.vague ? vagueEstimate(tokens, start, quantity) : {};
  if (currencyBefore) return moneyReading(quantity, currencyBefore, quantity.end, vagueness);
  const percent = matchPhrase(tokens, quantity.end, percentSuffixes);
  if (percent || quantity.percentOnFirst) {
    return reading('percent', quantity.value, percent?.end ?? quantity.end, { ...vagueness, impliedUnit: percent?.value ?? '' });
  }
  const currencyAfter = readCurrencySuffix(tokens, quantity.end);
  if (currencyAfter) return moneyReading(quantity, currencyAfter, currencyAfter.end, vagueness);
  const duration = readDuration(tokens, quantity);
  if (duration) return duration;
  if (quantity.amount && !quantity.vague) {
    const ratio = readRatio(tokens, quantity.amount);
    if (ratio) return ratio;
  }
  const compound = readCompoundAdjective(tokens, quantity);
  if (compound) return compound;
  const year = readYearAlone(tokens, index, quantity);
  if (year) return year;
  // "30m" without a currency: million or metres.
  if ((wordAt(tokens, quantity.end) ?? '') in moneyScaleWords && isAdjacent(tokens, quantity.end)) {
    const letter = tokens[quantity.end]!.text;
    const note = `"${letter}" may be a unit or a scale (million, billion); check the value.`;
    return reading('count', quantity.value, quantity.end, { confidence: convention, note });
  }
  return reading('count', quantity.value, quantity.end, vagueness);
}

// "several dozen": an estimate, and the note says so and why, for the inspector to show.
function vagueEstimate(tokens: readonly Token[], start: number, quantity: Quantity): Partial<Reading> {
  const amount = quantity.value.type === 'number' ? quantity.value.value : null;
  const words = tokensText(tokens, start, quantity.end);
  return {
    qualifier: 'several',
    confidence: convention,
    note: `An estimate: "${words}" gives no exact number, so the value follows the convention of three of its unit (${amount}).`,
  };
}

// The tokens from `from` to `to` as written, spaces only where the text had them.
function tokensText(tokens: readonly Token[], from: number, to: number): string {
  let text = '';
  for (let i = from; i < to && i < tokens.length; i++) text += (i > from && !isAdjacent(tokens, i) ? ' ' : '') + tokens[i]!.text;
  return text;
}

// Words after "<number>-" that do not name what is counted.
const compoundStopWords = new Set(['to', 'and', 'or', 'in', 'of', 'old', 'odd', 'plus', 'fold', 'something', 'percent', 'per']);

// Plurals that adding "s" gets wrong, for nouns that figures count.
const irregularPlurals = lexicon<string>({
  man: 'men', woman: 'women', person: 'people', child: 'children', foot: 'feet', tooth: 'teeth', mouse: 'mice',
  storey: 'storeys', story: 'stories', inch: 'inches',
});

function pluralNoun(noun: string): string {
  const lower = noun.toLowerCase();
  if (lower in irregularPlurals) return irregularPlurals[lower]!;
  // Abbreviated units ("5-km", "10-kg") take no plural.
  if (!/[aeiouy]/.test(lower)) return noun;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${noun}es`;
  if (/[^aeiou]y$/.test(lower)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

// "131-page report": 131 pages; "a 400-strong force": 400, counting the force (see the conventions).
function readCompoundAdjective(tokens: readonly Token[], quantity: Quantity): Reading | null {
  if (!quantity.amount || quantity.vague || quantity.value.type !== 'number') return null;
  const hyphen = quantity.end;
  const noun = tokens[hyphen + 1];
  if (symbolAt(tokens, hyphen) !== '-' || !isAdjacent(tokens, hyphen) || !isAdjacent(tokens, hyphen + 1)) return null;
  if (noun?.type !== 'word' || isNumberWord(noun.lower) || compoundStopWords.has(noun.lower)) return null;
  if (noun.lower === 'strong') return reading('count', quantity.value, hyphen + 2);
  const counted = pluralNoun(noun.text);
  const described = tokensText(tokens, hyphen + 2, tokens.length);
  const note = described
    ? `A number written as an adjective ("${tokensText(tokens, 0, tokens.length)}"): the value counts ${counted}; "${described}" was left out of the unit.`
    : '';
  return reading('count', quantity.value, tokens.length, { impliedUnit: counted, note });
}

function moneyReading(quantity: Quantity, currency: CurrencyReading, end: number, vagueness: Partial<Reading>): Reading {
  const guess = currency.ambiguous
    ? {
        confidence: Math.min(vagueness.confidence ?? certain, ambiguousCurrency),
        note: joinNotes(vagueness.note ?? '', `The currency is read as ${currency.currency}; check it.`),
      }
    : {};
  return reading('money', quantity.value, end, { ...vagueness, ...guess, currency: currency.currency });
}

// A four-digit number alone, "2016", is a year (see the conventions).
function readYearAlone(tokens: readonly Token[], index: number, quantity: Quantity): Reading | null {
  const token = tokens[index];
  if (index !== 0 || tokens.length !== 1 || token?.type !== 'number' || token.grouped || !/^\d{4}$/.test(token.text)) return null;
  const year = Number(token.text);
  if (year < 1900 || year > 2099 || quantity.amount === null) return null;
  return reading('date', { type: 'date', iso: token.text }, 1, {
    confidence: yearAlone,
    note: 'A four-digit number alone is read as a year; counts are written with a comma (2,016).',
  });
}

function readRatio(tokens: readonly Token[], first: Amount): Reading | null {
  let i = first.end;
  if (wordAt(tokens, i) === 'in') i++;
  else if (wordAt(tokens, i) === 'out' && wordAt(tokens, i + 1) === 'of') i += 2;
  else if (symbolAt(tokens, i) === ':' && tokens[i + 1]?.type === 'number') i++;
  else if (symbolAt(tokens, i) === '-' && wordAt(tokens, i + 1) === 'to' && symbolAt(tokens, i + 2) === '-') i += 3;
  else return null;
  if (wordAt(tokens, i) === 'every') i++;
  const second = readAmount(tokens, i, false);
  if (!second || second.vague || second.value === 0) return null;
  // "10:30 am" is a time of day.
  if (['am', 'pm', 'a', 'p', 'gmt', 'utc'].includes(wordAt(tokens, second.end) ?? '')) return null;
  return reading('ratio', { type: 'number', value: round(first.value / second.value, 6) }, second.end);
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

// "half", "a third", "two-thirds", "three quarters": a share of a whole, as a percentage.
function readFraction(tokens: readonly Token[], index: number): Reading | null {
  const first = wordAt(tokens, index);
  if (first === undefined) return null;
  let numerator = 1;
  let i = index;
  if (first !== 'half') {
    if (first === 'a' || first === 'an') numerator = 1;
    else if (first in smallNumbers && smallNumbers[first]! > 0 && smallNumbers[first]! < 10) numerator = smallNumbers[first]!;
    else return null;
    i++;
    if (symbolAt(tokens, i) === '-') i++;
  }
  const denominator = fractionDenominators[wordAt(tokens, i) ?? ''];
  if (denominator === undefined || numerator >= denominator) return null;
  i++;
  // "half a million" is an amount, and "half an hour" a duration.
  const after = wordAt(tokens, i);
  if (after !== undefined && (after === 'a' || after === 'an' || after in scaleWords || after in durationUnits)) return null;
  return reading('percent', { type: 'number', value: round((numerator / denominator) * 100, 2) }, i);
}

// "a week", "an hour", "half a day", "a year and a half".
function readArticleDuration(tokens: readonly Token[], index: number): Reading | null {
  let i = index;
  let amount = 1;
  if (wordAt(tokens, i) === 'half') {
    amount = 0.5;
    i++;
  }
  const article = wordAt(tokens, i);
  if (article !== 'a' && article !== 'an') return null;
  const unit = durationUnits[wordAt(tokens, i + 1) ?? ''];
  if (!unit) return null;
  i += 2;
  if (amount === 1 && wordAt(tokens, i) === 'and' && wordAt(tokens, i + 1) === 'a' && wordAt(tokens, i + 2) === 'half') {
    amount = 1.5;
    i += 3;
  }
  const parts = new Map<DurationDesignator, number>([[unit.designator, amount * unit.factor]]);
  return reading('duration', { type: 'duration', iso: isoDuration(parts) }, i);
}

// "three weeks", "48-hour", "two years and three months", "two to three weeks".
function readDuration(tokens: readonly Token[], quantity: Quantity): Reading | null {
  let i = quantity.end;
  if (symbolAt(tokens, i) === '-' && isAdjacent(tokens, i)) i++;
  const unitWord = wordAt(tokens, i);
  const unit = durationUnits[unitWord ?? ''];
  if (!unit || !unitWord) return null;
  i++;
  if (quantity.value.type === 'range') {
    const age = ageSuffixEnd(tokens, i);
    if (age !== null) return reading('duration', quantity.value, age, { impliedUnit: `${tokens[i - 1]!.text} old`, note: ageNote });
    return reading('duration', quantity.value, i, { impliedUnit: tokens[i - 1]!.text, note: 'A range of durations: the unit says of what.' });
  }
  if (quantity.vague || quantity.value.type !== 'number') return null;
  let amount = quantity.value.value;
  if (wordAt(tokens, i) === 'and' && wordAt(tokens, i + 1) === 'a' && wordAt(tokens, i + 2) === 'half') {
    amount += 0.5;
    i += 3;
  }
  const parts = new Map<DurationDesignator, number>([[unit.designator, amount * unit.factor]]);
  // Compound durations, largest unit first: "two years and three months", "1 hour 30 minutes".
  let smallest = durationOrder.indexOf(unit.designator);
  for (;;) {
    let j = i;
    if (wordAt(tokens, j) === 'and' || symbolAt(tokens, j) === ',') j++;
    const next = readAmount(tokens, j, false);
    const nextUnit = next && !next.vague ? durationUnits[wordAt(tokens, next.end) ?? ''] : undefined;
    if (!next || !nextUnit || durationOrder.indexOf(nextUnit.designator) <= smallest) break;
    parts.set(nextUnit.designator, (parts.get(nextUnit.designator) ?? 0) + next.value * nextUnit.factor);
    smallest = durationOrder.indexOf(nextUnit.designator);
    i = next.end + 1;
  }
  const age = ageSuffixEnd(tokens, i);
  if (age !== null) return reading('duration', { type: 'duration', iso: isoDuration(parts) }, age, { impliedUnit: 'age', note: ageNote });
  return reading('duration', { type: 'duration', iso: isoDuration(parts) }, i);
}

const ageNote = 'An age, read as the length of time lived.';

// Where "old" or "of age" after a duration ends ("14-year-old", "14 years old", "14 years of age"), or null.
function ageSuffixEnd(tokens: readonly Token[], index: number): number | null {
  let i = index;
  if (symbolAt(tokens, i) === '-' && isAdjacent(tokens, i)) i++;
  if (wordAt(tokens, i) === 'old') return i + 1;
  if (i === index && wordAt(tokens, i) === 'of' && wordAt(tokens, i + 1) === 'age') return i + 2;
  return null;
}

// "aged 14", "age 14", "ages 14 to 16": an age in years unless a unit follows ("aged 14 months").
function readAge(tokens: readonly Token[], index: number): Reading | null {
  const word = wordAt(tokens, index);
  if (word !== 'aged' && word !== 'age' && word !== 'ages') return null;
  const quantity = readQuantity(tokens, index + 1, false);
  if (!quantity || quantity.vague) return null;
  const withUnit = readDuration(tokens, quantity);
  if (withUnit) return { ...withUnit, impliedUnit: withUnit.value?.type === 'range' ? withUnit.impliedUnit : 'age', note: ageNote };
  if (quantity.value.type === 'range') return reading('duration', quantity.value, quantity.end, { impliedUnit: 'years old', note: ageNote });
  if (quantity.value.type !== 'number' || quantity.value.value < 0) return null;
  return reading('duration', { type: 'duration', iso: `P${round(quantity.value.value, 6)}Y` }, quantity.end, { impliedUnit: 'age', note: ageNote });
}

function isoDuration(parts: ReadonlyMap<DurationDesignator, number>): string {
  const amounts = new Map(parts);
  // ISO 8601 does not mix weeks with other units; days say the same.
  if (amounts.has('W') && amounts.size > 1) {
    amounts.set('D', (amounts.get('D') ?? 0) + amounts.get('W')! * 7);
    amounts.delete('W');
  }
  const written = (designator: DurationDesignator, letter: string): string => {
    const amount = amounts.get(designator);
    return amount === undefined ? '' : `${round(amount, 6)}${letter}`;
  };
  const date = written('Y', 'Y') + written('M', 'M') + written('W', 'W') + written('D', 'D');
  const time = written('H', 'H') + written('MIN', 'M') + written('S', 'S');
  return `P${date}${time ? `T${time}` : ''}`;
}

// "several fronts", "many civilians": a count whose number the text does not give.
function readVagueWithoutNumber(tokens: readonly Token[], index: number): Reading | null {
  const vague = matchPhrase(tokens, index, vagueWithoutNumber);
  if (!vague) return null;
  return reading('count', null, vague.end, { qualifier: 'several', note: 'The text gives no number.' });
}

// ---------------------------------------------------------------------------------------------------
// Dates.

/** Reads "April 6, 2017", "6 April 2017", "Wednesday March 7, 2018", "December 2016", "2017-04-06". */
function readDate(tokens: readonly Token[], index: number, qualified: boolean): Reading | null {
  if (qualified) return null;
  let i = index;
  // "on Sunday", "in December 2016"
  if (i === 0 && (wordAt(tokens, i) === 'on' || wordAt(tokens, i) === 'in') && tokens.length > 1) i++;
  const iso = readNumericDate(tokens, i);
  if (iso) return iso;
  // "in 2016": a year, as a four-digit number alone is (see the conventions).
  const year = i > index ? calendarYearAt(tokens, i) : null;
  if (year && year.end === tokens.length) return reading('date', { type: 'date', iso: String(year.year) }, year.end);
  let weekday: number | null = null;
  if (isCapitalised(tokens[i]) && tokens[i]!.lower in weekdayNames) {
    weekday = weekdayNames[tokens[i]!.lower]!;
    i++;
    if (symbolAt(tokens, i) === '.' && isAdjacent(tokens, i)) i++;
    if (symbolAt(tokens, i) === ',') i++;
  }
  let partOfMonth = '';
  if (['early', 'mid', 'late'].includes(wordAt(tokens, i) ?? '') && weekday === null) {
    partOfMonth = wordAt(tokens, i)!;
    i++;
    if (symbolAt(tokens, i) === '-') i++;
  }
  const parts = readMonthFirst(tokens, i) ?? readDayFirst(tokens, i);
  if (!parts) {
    if (weekday !== null && partOfMonth === '') {
      return reading('date', null, i, { note: "A weekday alone: the date depends on the article's date." });
    }
    return null;
  }
  // "early March 7" says nothing sensible.
  if (partOfMonth && parts.day !== null) return null;
  const date = dateReading(parts, weekday);
  if (partOfMonth && date.value) date.note = joinNotes(date.note, `"${partOfMonth}" is read as the whole month.`);
  return date;
}

interface DateParts {
  year: number | null;
  month: number;
  day: number | null;
  end: number;
  // The last day of "April 6-7, 2017", a range of days; null for one day.
  secondDay: number | null;
}

// The second day of "6-7 April" or "April 6-7".
function secondDayAt(tokens: readonly Token[], index: number): { day: number; end: number } | null {
  if (symbolAt(tokens, index) !== '-') return null;
  return dayAt(tokens, index + 1);
}

function monthAt(tokens: readonly Token[], index: number): { month: number; end: number } | null {
  const token = tokens[index];
  // Copy capitalises months: a lowercase "may" or "march" is a verb.
  if (!isCapitalised(token) || !(token!.lower in monthNames)) return null;
  let end = index + 1;
  if (symbolAt(tokens, end) === '.' && isAdjacent(tokens, end) && token!.lower !== 'may') end++;
  return { month: monthNames[token!.lower]!, end };
}

function dayAt(tokens: readonly Token[], index: number): { day: number; end: number } | null {
  const token = tokens[index];
  if (token?.type !== 'number' || !/^\d{1,2}$/.test(token.text)) return null;
  const day = Number(token.text);
  if (day < 1 || day > 31) return null;
  let end = index + 1;
  if (ordinalSuffixes.has(wordAt(tokens, end) ?? '') && isAdjacent(tokens, end)) end++;
  return { day, end };
}

function yearAt(tokens: readonly Token[], index: number): { year: number; end: number } | null {
  const token = tokens[index];
  if (token?.type !== 'number' || token.grouped || !/^\d{4}$/.test(token.text)) return null;
  return { year: Number(token.text), end: index + 1 };
}

// "April 6, 2017", "April 6th 2017", "March 7", "December 2016", "Dec. 2016".
function readMonthFirst(tokens: readonly Token[], index: number): DateParts | null {
  const month = monthAt(tokens, index);
  if (!month) return null;
  let i = month.end;
  const day = dayAt(tokens, i);
  if (day) i = day.end;
  const secondDay = day ? secondDayAt(tokens, i) : null;
  if (secondDay) i = secondDay.end;
  if (symbolAt(tokens, i) === ',') i++;
  const year = yearAt(tokens, i);
  if (!day && !year) return null;
  // "March 7," followed by something other than a year.
  if (!year && symbolAt(tokens, i - 1) === ',') i--;
  return { year: year?.year ?? null, month: month.month, day: day?.day ?? null, end: year?.end ?? i, secondDay: secondDay?.day ?? null };
}

// "6 April 2017", "6th of April, 2017", "7 March".
function readDayFirst(tokens: readonly Token[], index: number): DateParts | null {
  const day = dayAt(tokens, index);
  if (!day) return null;
  let i = day.end;
  const secondDay = secondDayAt(tokens, i);
  if (secondDay) i = secondDay.end;
  if (wordAt(tokens, i) === 'of') i++;
  const month = monthAt(tokens, i);
  if (!month) return null;
  i = month.end;
  let afterComma = i;
  if (symbolAt(tokens, afterComma) === ',') afterComma++;
  const year = yearAt(tokens, afterComma);
  return { year: year?.year ?? null, month: month.month, day: day.day, end: year?.end ?? i, secondDay: secondDay?.day ?? null };
}

// "2017-04-06", "2017-04", "06/04/2017" (when the order of day and month can be told).
function readNumericDate(tokens: readonly Token[], index: number): Reading | null {
  const texts: string[] = [];
  let i = index;
  let separator: string | null = null;
  while (tokens[i]?.type === 'number' && !tokens[i]!.grouped && /^\d+$/.test(tokens[i]!.text)) {
    texts.push(tokens[i]!.text);
    const next = symbolAt(tokens, i + 1);
    const continues = (next === '-' || next === '/') && (separator === null || separator === next);
    if (continues && isAdjacent(tokens, i + 1) && isAdjacent(tokens, i + 2) && texts.length < 3) {
      separator = next;
      i += 2;
    } else {
      i++;
      break;
    }
  }
  if (texts.length < 2 || separator === null) return null;
  const end = i;
  const [first, second, third] = texts as [string, string, string | undefined];
  if (separator === '-' && /^\d{4}$/.test(first) && /^\d{2}$/.test(second) && (third === undefined || /^\d{2}$/.test(third))) {
    const month = Number(second);
    if (month < 1 || month > 12) return null;
    return dateReading({ year: Number(first), month, day: third === undefined ? null : Number(third), end, secondDay: null }, null);
  }
  if (separator === '/' && third !== undefined && /^\d{4}$/.test(third)) {
    const a = Number(first);
    const b = Number(second);
    const year = Number(third);
    if (a > 12 && b <= 12) return dateReading({ year, month: b, day: a, end, secondDay: null }, null);
    if (b > 12 && a <= 12) return dateReading({ year, month: a, day: b, end, secondDay: null }, null);
    if (a === b && a <= 12) return dateReading({ year, month: a, day: a, end, secondDay: null }, null);
    return reading('date', null, end, { note: 'The order of day and month is ambiguous (day/month or month/day).' });
  }
  return null;
}

function dateReading(parts: DateParts, weekday: number | null): Reading {
  const { year, month, day, end } = parts;
  if (parts.secondDay !== null) return dayRangeReading(parts);
  if (year === null) {
    return reading('date', null, end, { note: 'No year in the text: the year depends on the article.' });
  }
  const yearMonth = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  if (day === null) return reading('date', { type: 'date', iso: yearMonth }, end);
  if (day > daysInMonth(year, month)) {
    return reading('date', null, end, { note: `${yearMonth} has no day ${day}.` });
  }
  const iso = `${yearMonth}-${String(day).padStart(2, '0')}`;
  if (weekday !== null && new Date(Date.UTC(year, month - 1, day)).getUTCDay() !== weekday) {
    const actual = weekdayDisplay[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
    return reading('date', { type: 'date', iso }, end, {
      confidence: weekdayMismatch,
      note: `The text says ${weekdayDisplay[weekday]}, but ${iso} is a ${actual}.`,
    });
  }
  return reading('date', { type: 'date', iso }, end);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// "April 6-7, 2017", "6-7 April 2017": the interval from the first day to the last.
function dayRangeReading(parts: DateParts): Reading {
  const { year, month, day, secondDay, end } = parts;
  if (year === null) return reading('date', null, end, { note: 'No year in the text: the year depends on the article.' });
  const first = dateEndIso({ year, month, day });
  const last = dateEndIso({ year, month, day: secondDay });
  if (first === null || last === null || day === null || secondDay === null || day >= secondDay) {
    return reading('date', null, end, { note: 'These days do not make a range; the editor picks the value.' });
  }
  return reading('date', { type: 'date_range', iso: `${first}/${last}` }, end);
}

// "the 1960s", "in the 1990's": the ten years of a decade, as an interval of years.
function readDecade(tokens: readonly Token[], index: number, qualified: boolean): Reading | null {
  if (qualified) return null;
  let i = index;
  if (i === 0 && wordAt(tokens, i) === 'in') i++;
  if (wordAt(tokens, i) === 'the') i++;
  const year = calendarYearAt(tokens, i);
  // "1900s" may mean the century as well as its first decade: left to the editor.
  if (!year || year.year % 10 !== 0 || year.year % 100 === 0) return null;
  let end = year.end;
  if (["'", '’'].includes(symbolAt(tokens, end) ?? '') && isAdjacent(tokens, end)) end++;
  if (wordAt(tokens, end) !== 's' || !isAdjacent(tokens, end)) return null;
  return reading('date', { type: 'date_range', iso: `${year.year}/${year.year + 9}` }, end + 1);
}

// A four-digit year as the conventions read one alone: 1900 to 2099, written without a comma.
function calendarYearAt(tokens: readonly Token[], index: number): { year: number; end: number } | null {
  const year = yearAt(tokens, index);
  return year && year.year >= 1900 && year.year <= 2099 ? year : null;
}

/** One end of a range of dates: as much of a date as the text gives ("2004", "March", "April 6", "June 2009"). */
interface DateEnd {
  year: number | null;
  month: number | null;
  day: number | null;
  end: number;
}

function readDateEnd(tokens: readonly Token[], index: number): DateEnd | null {
  const parts = readMonthFirst(tokens, index) ?? readDayFirst(tokens, index);
  if (parts) return parts.secondDay === null ? { year: parts.year, month: parts.month, day: parts.day, end: parts.end } : null;
  const month = monthAt(tokens, index);
  if (month) return { year: null, month: month.month, day: null, end: month.end };
  const year = calendarYearAt(tokens, index);
  return year ? { year: year.year, month: null, day: null, end: year.end } : null;
}

// The words that join the two ends of a span of dates; "and" only after "between", or between two years.
const dateRangeJoiners = new Set(['to', 'until', 'till', 'through', 'thru', '-']);

/**
 * "from 2004 to 2009", "between March and June 2009", "2004-2009", "from April 6 to April 9, 2017": a range of
 * dates, as an ISO 8601 interval; "1997 and 1998", two years in a row, too (see the conventions).
 */
function readDateRange(tokens: readonly Token[], index: number, qualified: boolean): Reading | null {
  if (qualified) return null;
  let i = index;
  if (i === 0 && wordAt(tokens, i) === 'in' && tokens.length > 1) i++;
  const opener = wordAt(tokens, i);
  if (opener === 'from' || opener === 'between') i++;
  const first = readDateEnd(tokens, i);
  if (!first) return null;
  const joiner = wordAt(tokens, first.end) ?? symbolAt(tokens, first.end) ?? '';
  const joinedByAnd = joiner === 'and';
  if (opener === 'between' ? !joinedByAnd : !joinedByAnd && !dateRangeJoiners.has(joiner)) return null;
  if (opener === 'from' && joinedByAnd) return null;
  const second = readDateEnd(tokens, first.end + 1);
  if (!second) return null;
  const bareYears = first.month === null && second.month === null;
  // Years followed by other words are numbers ("between 1990 and 2000 people"), as a year alone is.
  if (bareYears && second.end !== tokens.length) return null;
  if (joinedByAnd && opener !== 'between') {
    if (!bareYears) return null;
    if (second.year! - first.year! === 1) {
      return reading('date', { type: 'date_range', iso: `${first.year}/${second.year}` }, second.end, {
        note: 'Two years in a row, read as the span from the first to the second.',
      });
    }
    return reading('date', null, second.end, { note: `Two separate years (${first.year} and ${second.year}): one value cannot hold them; the editor picks it.` });
  }
  const from = { ...first, year: first.year ?? second.year, month: first.month ?? (first.day !== null ? second.month : null) };
  const to = { ...second, year: second.year ?? from.year };
  if (from.year === null || to.year === null) {
    return reading('date', null, second.end, { note: 'No year in the text: the year depends on the article.' });
  }
  const fromIso = dateEndIso(from);
  const toIso = dateEndIso(to);
  if (fromIso === null || toIso === null || !(dateEndKey(from) < dateEndKey(to))) return null;
  return reading('date', { type: 'date_range', iso: `${fromIso}/${toIso}` }, second.end);
}

// The ISO date of one end, as precise as the text; null for a day that does not exist.
function dateEndIso(end: { year: number | null; month: number | null; day: number | null }): string | null {
  if (end.year === null) return null;
  const year = String(end.year).padStart(4, '0');
  if (end.month === null) return end.day === null ? year : null;
  const yearMonth = `${year}-${String(end.month).padStart(2, '0')}`;
  if (end.day === null) return yearMonth;
  return end.day <= daysInMonth(end.year, end.month) ? `${yearMonth}-${String(end.day).padStart(2, '0')}` : null;
}

function dateEndKey(end: { year: number | null; month: number | null; day: number | null }): number {
  return (end.year ?? 0) * 10_000 + (end.month ?? 0) * 100 + (end.day ?? 0);
}

// ---------------------------------------------------------------------------------------------------
// Times of day.

const meridiems = phrases<'am' | 'pm'>({ am: 'am', pm: 'pm', 'a . m': 'am', 'p . m': 'pm', 'a . m .': 'am', 'p . m .': 'pm' });
const utcWords = new Set(['gmt', 'utc']);

/** Reads "6:00am", "6 a.m.", "6.30pm", "18:30", "06:00 GMT", "noon" and "midnight" as an ISO time of day. */
function readClockTime(tokens: readonly Token[], index: number): Reading | null {
  let i = index;
  if (wordAt(tokens, i) === 'at' && tokens.length > i + 1) i++;
  const word = wordAt(tokens, i);
  if (word === 'noon' || word === 'midday' || word === 'midnight') {
    return reading('date', { type: 'time', iso: word === 'midnight' ? '00:00' : '12:00' }, i + 1);
  }
  const hourToken = tokens[i];
  if (hourToken?.type !== 'number' || hourToken.grouped) return null;
  // "6.30pm": British copy writes the minutes after a point.
  const dotted = /^(\d{1,2})\.(\d{2})$/.exec(hourToken.text);
  if (!dotted && !/^\d{1,2}$/.test(hourToken.text)) return null;
  let hour = Number(dotted?.[1] ?? hourToken.text);
  let minute = dotted ? Number(dotted[2]) : 0;
  let second: number | null = null;
  let j = i + 1;
  let colon = false;
  if (!dotted && symbolAt(tokens, j) === ':' && isAdjacent(tokens, j) && /^\d{2}$/.test(tokens[j + 1]?.text ?? '') && isAdjacent(tokens, j + 1)) {
    colon = true;
    minute = Number(tokens[j + 1]!.text);
    j += 2;
    if (symbolAt(tokens, j) === ':' && isAdjacent(tokens, j) && /^\d{2}$/.test(tokens[j + 1]?.text ?? '')) {
      second = Number(tokens[j + 1]!.text);
      j += 2;
    }
  }
  const meridiem = matchPhrase(tokens, j, meridiems);
  if (meridiem) j = meridiem.end;
  if (!meridiem && !colon) return null;
  if (minute > 59 || (second !== null && second > 59)) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.value === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  const utc = utcWords.has(wordAt(tokens, j) ?? '');
  if (utc) j++;
  const iso = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}${second === null ? '' : `:${String(second).padStart(2, '0')}`}${utc ? 'Z' : ''}`;
  // "2:30" with nothing to say it is a time could be a score or a ratio.
  const sure = meridiem !== null || utc || hourToken.text.length === 2;
  return reading('date', { type: 'time', iso }, j, sure ? {} : { confidence: convention, note: `"${tokensText(tokens, i, j)}" is read as a time of day; check that it is not a score or a ratio.` });
}
