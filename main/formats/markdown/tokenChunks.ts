import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/**
 * markdown-it's tokens for a long text, a window of lines at a time, so that the tokens held at once stay
 * bounded: a 2 MB table is a million tokens, some 220 MB, when parsed whole. A window is cut only where a
 * top-level block begins (the blocks before it are then settled, since a block's extent depends on the lines
 * that follow it only up to the next block), or between two rows of a table (rows are independent once the
 * header is known, so the next window repeats the header and its tokens are dropped). A single block longer
 * than a window (a list, a quotation) doubles the window until it fits: it is parsed whole, as before.
 */

/** How many lines a window starts with. */
export const defaultWindowLines = 2_000;

// markdown-it's own first step (its `normalize` rule), done once here so that line numbers in token maps and
// lines split here agree.
function normalised(source: string): string {
  return source.replace(/\r\n?/gu, '\n').replace(/\0/gu, '\uFFFD');
}

// Where each top-level block of a window begins, as indexes into its tokens.
function topLevelStarts(tokens: readonly Token[]): number[] {
  const starts: number[] = [];
  tokens.forEach((token, index) => {
    if (token.level === 0 && token.nesting !== -1 && token.map) starts.push(index);
  });
  return starts;
}

// The body rows (tr_open) of the table opening the window, as indexes into its tokens.
function tableRows(tokens: readonly Token[]): number[] {
  const rows: number[] = [];
  let inBody = false;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.level === 0 && token.nesting === -1) break;
    if (token.type === 'tbody_open') inBody = true;
    else if (inBody && token.type === 'tr_open' && token.map) rows.push(index);
  }
  return rows;
}

// The tokens of a window without the header a continued table repeats.
function withoutRepeatedHeader(tokens: Token[], repeatsHeader: boolean): Token[] {
  if (!repeatsHeader) return tokens;
  const headStart = tokens.findIndex((token) => token.type === 'thead_open');
  const headEnd = tokens.findIndex((token) => token.type === 'thead_close');
  return headStart < 0 || headEnd < headStart ? tokens : [...tokens.slice(0, headStart), ...tokens.slice(headEnd + 1)];
}

/**
 * Yields the tokens of `source` window by window: together, the tokens `parse` gives for the whole text, less
 * the closing tokens of a table cut between rows. `parse` is `markdown.parse` with one `env` for every window;
 * link reference definitions (which apply to the whole text) must already be in that env, see `referencesOf`.
 */
export function* tokenWindows(source: string, parse: (text: string) => Token[], windowLines = defaultWindowLines): Generator<Token[]> {
  const lines = normalised(source).split('\n');
  let start = 0;
  // The header row and delimiter row of a table that the window continues.
  let tableHeader: string[] = [];
  while (start < lines.length) {
    for (let size = windowLines; ; size *= 2) {
      const end = Math.min(lines.length, start + size);
      const tokens = parse([...tableHeader, ...lines.slice(start, end)].join('\n'));
      const repeatsHeader = tableHeader.length > 0;
      // A window line number in the text: window lines count the repeated header first.
      const textLine = (windowLine: number) => start + windowLine - tableHeader.length;
      if (end === lines.length) {
        yield withoutRepeatedHeader(tokens, repeatsHeader);
        return;
      }
      const starts = topLevelStarts(tokens);
      // Everything before the last block that begins in the window is settled; a window whose only block
      // begins after its first line (reference definitions and blank lines before it give no token) is cut there.
      const cut = starts.length >= 2 ? starts[starts.length - 1]! : starts.length === 1 && tokens[starts[0]!]!.map![0] > 0 && !repeatsHeader ? starts[0]! : -1;
      if (cut >= 0) {
        yield withoutRepeatedHeader(tokens.slice(0, cut), repeatsHeader);
        start = textLine(tokens[cut]!.map![0]);
        tableHeader = [];
        break;
      }
      const rows = starts.length === 1 && tokens[0]!.type === 'table_open' ? tableRows(tokens) : [];
      if (rows.length >= 2) {
        const lastRow = rows[rows.length - 1]!;
        yield withoutRepeatedHeader(tokens.slice(0, lastRow), repeatsHeader);
        const tableStart = textLine(tokens[0]!.map![0]);
        start = textLine(tokens[lastRow]!.map![0]);
        if (!repeatsHeader) tableHeader = lines.slice(tableStart, tableStart + 2);
        break;
      }
      // One block fills the window: it is read again in a window twice as long.
    }
  }
}

/**
 * The link reference definitions of the whole text, read block by block in windows as `tokenWindows` reads,
 * into `env` (the first definition of a label wins, as markdown-it has it): a window must resolve a link to a
 * definition further down the text. Texts without any "]:" define nothing and cost nothing.
 */
export function readReferences(markdown: InstanceType<typeof MarkdownIt>, source: string, env: Record<string, unknown>, windowLines = defaultWindowLines): void {
  if (!source.includes(']:')) return;
  const blockTokens = (text: string): Token[] => {
    const tokens: Token[] = [];
    markdown.block.parse(text, markdown, env, tokens);
    return tokens;
  };
  for (const window of tokenWindows(source, blockTokens, windowLines)) void window;
}
