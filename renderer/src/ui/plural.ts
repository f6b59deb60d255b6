const englishPlurals = new Intl.PluralRules('en');

/** A count with its noun in the right number: "1 mention", "2 articles", "0 entities". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${englishPlurals.select(count) === 'one' ? singular : plural}`;
}
