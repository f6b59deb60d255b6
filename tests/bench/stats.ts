/** The median of a list of timings. */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of a list of timings. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** One line of a benchmark table: a figure without tags, with tags, and their ratio. */
export interface BenchRow {
  metric: string;
  plain: number;
  tagged: number;
}

// Sub-millisecond figures (a save in the store) need a second decimal to be compared at all.
function figure(value: number): string {
  return value.toFixed(Math.abs(value) < 10 ? 2 : 1);
}

/** Prints a benchmark table with the ratio tagged / plain. */
export function printTable(title: string, rows: BenchRow[]): void {
  const width = Math.max(...rows.map((row) => row.metric.length));
  console.log(`\n${title}`);
  console.log(`${'metric'.padEnd(width)}  ${'no tags'.padStart(9)}  ${'tagged'.padStart(9)}  ${'ratio'.padStart(6)}`);
  for (const row of rows) {
    const ratio = row.plain > 0 ? (row.tagged / row.plain).toFixed(2) : 'n/a';
    console.log(`${row.metric.padEnd(width)}  ${figure(row.plain).padStart(9)}  ${figure(row.tagged).padStart(9)}  ${ratio.padStart(6)}`);
  }
}

/** Bytes in MB (2^20 bytes), as every memory figure of the bench is printed. */
export function megabytes(bytes: number): number {
  return bytes / 2 ** 20;
}
