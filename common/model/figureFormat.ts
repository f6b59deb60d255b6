import { labels, type FigureFields, type FigureKind, type FigureValue } from './annotation';
import { figureValueText } from './fieldText';

/**
 * A figure's normalised value written for people: "422,000", "€422,000", "$3,500,000", "45%", "1,000–2,000",
 * "6 April 2017", "March to June 2009", "3 weeks", "1 in 5". The raw value (figureValueText) stays one step away
 * in the UI, so a reader can always see what the record holds. English copy, so English conventions: digits
 * grouped by commas, dates day-month-year in words, currencies by their usual symbol.
 */

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const currencyFormats = new Map<string, Intl.NumberFormat>();
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function currencyFormat(currency: string): Intl.NumberFormat | null {
  let format = currencyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 2, minimumFractionDigits: 0 });
    } catch {
      // A code Intl does not know still reads as "1,500 XYZ" below.
      return null;
    }
    currencyFormats.set(currency, format);
  }
  return format;
}

/** A number for people: "422,000", "0.25", "-3". */
export function numberForPeople(value: number): string {
  return numberFormat.format(value);
}

function amountForPeople(value: number, kind: FigureKind | null, currency: string | null): string {
  if (kind === 'percent') return `${numberFormat.format(value)}%`;
  if (kind === 'ratio') return ratioForPeople(value);
  if (currency) {
    const format = currencyFormat(currency);
    return format ? format.format(value) : `${numberFormat.format(value)} ${currency}`;
  }
  return numberFormat.format(value);
}

// Ratios are stored as one number divided by the other: 0.2 is "one in five", 3 is "3:1".
function ratioForPeople(value: number): string {
  if (value > 0 && value < 1) {
    const denominator = 1 / value;
    if (Math.abs(denominator - Math.round(denominator)) < 0.02) return `1 in ${numberFormat.format(Math.round(denominator))}`;
  }
  return `${numberFormat.format(value)}:1`;
}

/** An ISO date as words: "2017-04-06" is "6 April 2017", "2017-04" "April 2017", "2017" itself. */
export function isoDateForPeople(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (!month) return year!;
  const monthName = monthNames[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

// "6–7 April 2017", "March to June 2009", "2004 to 2009": the shared year and month said once.
function dateRangeForPeople(iso: string): string {
  const [from = '', to = ''] = iso.split('/');
  const [fromYear, fromMonth, fromDay] = from.split('-');
  const [toYear, toMonth, toDay] = to.split('-');
  if (fromYear === toYear && fromMonth && fromMonth === toMonth && fromDay && toDay) {
    return `${Number(fromDay)}–${isoDateForPeople(to)}`;
  }
  if (fromYear === toYear && fromMonth && toMonth && !fromDay && !toDay) {
    return `${monthNames[Number(fromMonth) - 1] ?? fromMonth} to ${isoDateForPeople(to)}`;
  }
  return `${isoDateForPeople(from)} to ${isoDateForPeople(to)}`;
}

const durationUnits: [string, string, string][] = [
  ['Y', 'year', 'years'],
  ['M', 'month', 'months'],
  ['W', 'week', 'weeks'],
  ['D', 'day', 'days'],
];
const timeUnits: [string, string, string][] = [
  ['H', 'hour', 'hours'],
  ['M', 'minute', 'minutes'],
  ['S', 'second', 'seconds'],
];

/** An ISO 8601 duration as words: "P3W" is "3 weeks", "P2.5Y" "2.5 years", "P1Y6M" "1 year, 6 months", "PT6H" "6 hours". */
export function isoDurationForPeople(iso: string): string {
  const [datePart = '', timePart = ''] = iso.replace(/^P/, '').split('T');
  const parts: string[] = [];
  const read = (text: string, units: [string, string, string][]) => {
    for (const [letter, singular, plural] of units) {
      const match = new RegExp(`(\\d+(?:\\.\\d+)?)${letter}`).exec(text);
      if (!match) continue;
      const amount = Number(match[1]);
      parts.push(`${numberFormat.format(amount)} ${amount === 1 ? singular : plural}`);
      text = text.slice(match.index + match[0].length);
    }
  };
  read(datePart, durationUnits);
  read(timePart, timeUnits);
  return parts.length > 0 ? parts.join(', ') : iso;
}

// "06:00" stays as written; "Z" is said as UTC.
function timeForPeople(iso: string): string {
  return iso.endsWith('Z') ? `${iso.slice(0, -1)} UTC` : iso;
}

/**
 * The value of a figure for people, by its kind and currency; empty when the figure has no value. A money
 * figure in an unknown currency and a number of no known kind are still grouped ("1,500").
 */
export function figureValueForPeople(value: FigureValue | null, kind: FigureKind | null, currency: string | null): string {
  if (!value) return '';
  switch (value.type) {
    case 'number':
      return amountForPeople(value.value, kind, currency);
    case 'range':
      return `${amountForPeople(value.min, kind, currency)}–${amountForPeople(value.max, kind, currency)}`;
    case 'date':
      return isoDateForPeople(value.iso);
    case 'date_range':
      return dateRangeForPeople(value.iso);
    case 'time':
      return timeForPeople(value.iso);
    case 'duration':
      return isoDurationForPeople(value.iso);
  }
}

/** A figure as a fact-checker reads it: qualifier and value, "more than €422,000"; "no value" when none was read. */
export function figureForPeople(fields: FigureFields): string {
  const value = figureValueForPeople(fields.value, fields.figureKind, fields.currency);
  if (!value) return 'no value';
  return fields.qualifier === 'exactly' ? value : `${labels[fields.qualifier]} ${value}`;
}

/** The value exactly as the record holds it, "422000 EUR", "2004/2009": the raw side of figureForPeople. */
export function figureRawValue(fields: FigureFields): string {
  const raw = figureValueText(fields.value);
  if (!raw) return 'none';
  return fields.currency ? `${raw} ${fields.currency}` : raw;
}
