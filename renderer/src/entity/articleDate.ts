const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** An article's date (an ISO 8601 time) as people read it: "5 Jan 2026", in UTC as the timeline counts days. */
export function formatArticleDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dayFormat.format(time);
}
