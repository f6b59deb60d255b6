import { shareOf } from '../../../common/model/sourcingAudit';

const countFormat = new Intl.NumberFormat('en');
const percentFormat = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const monthFormat = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A count for people: 12,345. */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** A share for people: 42.5%; "–" when there is nothing to share. */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? '–' : percentFormat.format(shareOf(part, whole));
}

/** A share as a CSV number: 0.425, rounded to four places. */
export function shareNumber(part: number, whole: number): number {
  return Math.round(shareOf(part, whole) * 10_000) / 10_000;
}

/** An import month (YYYY-MM) for people: "Feb 2024". */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : monthFormat.format(date);
}

/** An article's import date for people: "3 Feb 2024". */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date);
}
