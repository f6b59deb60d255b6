import type { EditorFigures } from './editorFigures';

/** One measured page in a floor table: its heading and its figures. */
export interface FloorColumn {
  heading: string;
  figures: EditorFigures;
}

// The open row's count is each table's own (opens are measured more often than the rest); see printFloorTable.
const rows: { metric: string; key: keyof EditorFigures }[] = [
  { metric: 'open article to painted (ms, median of N)', key: 'openMs' },
  { metric: 'add one tag, key to painted (ms, median of 5)', key: 'tagMs' },
  { metric: 'keystroke to painted, median of 200 (ms)', key: 'keyMedianMs' },
  { metric: 'keystroke to painted, p95 of 200 (ms)', key: 'keyP95Ms' },
  { metric: 'scroll top to bottom, frame median (ms)', key: 'frameMedianMs' },
  { metric: 'scroll top to bottom, frame p95 (ms)', key: 'frameP95Ms' },
  { metric: 'scroll top to bottom, longest frame (ms)', key: 'frameLongestMs' },
  { metric: 'renderer JS heap after GC, article open (MB, median of 5)', key: 'heapMB' },
];

/** The ratio of a figure to the floor's, as printed and as written to JSON. */
export function ratioToFloor(value: number, floor: number): number {
  return floor > 0 ? value / floor : Number.NaN;
}

/** Prints every editor figure of the floor and of each app column, each app figure with its ratio to the floor. */
export function printFloorTable(title: string, floor: FloorColumn, columns: FloorColumn[], opens: number): void {
  const named = rows.map((row) => (row.key === 'openMs' ? { ...row, metric: row.metric.replace('N', String(opens)) } : row));
  const width = Math.max(...named.map((row) => row.metric.length));
  const cell = Math.max(12, ...[floor, ...columns].map((column) => column.heading.length));
  console.log(`\n${title}`);
  console.log(`${'metric'.padEnd(width)}  ${floor.heading.padStart(cell)}${columns.map((column) => `  ${column.heading.padStart(cell)}  ${'ratio'.padStart(6)}`).join('')}`);
  for (const row of named) {
    const floorValue = floor.figures[row.key];
    const cells = columns.map((column) => {
      const value = column.figures[row.key];
      return `  ${value.toFixed(1).padStart(cell)}  ${ratioToFloor(value, floorValue).toFixed(2).padStart(6)}`;
    });
    console.log(`${row.metric.padEnd(width)}  ${floorValue.toFixed(1).padStart(cell)}${cells.join('')}`);
  }
}
