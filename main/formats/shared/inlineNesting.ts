import { compareSpans } from '../../../common/articleText';

/**
 * Turns overlapping spans over one block of text into a tree of nested inline elements, as markup formats
 * (NITF, HTML) need. Annotations overlap freely in the editor; markup only nests. The rule, shared by every
 * markup exporter so the README can state it once:
 *
 * - Spans are taken outermost first: earlier start first, and of two starting together the longer first
 *   (ties keep the caller's order, so callers list the span that should be outer first).
 * - A span is placed inside the innermost placed element that contains its start. If it ends after that
 *   element (the two cross), it is left out ("crossing") — or, with `crossing: 'split'`, cut at the element's
 *   end and its remainder queued again as a separate fragment.
 * - A span whose would-be parent cannot contain it (`canContain` says no: e.g. NITF's `org` holds only text)
 *   is left out ("nesting").
 * - Left-out spans are returned, never silently lost: the caller records them.
 */

/** A span over a block's text (UTF-16 offsets relative to the block) carrying the caller's value. */
export interface InlineSpan<T> {
  start: number;
  end: number;
  value: T;
}

/** A node of the nested tree: a run of text, or an element holding more nodes. */
export type InlineNode<T> =
  | { type: 'text'; text: string; start: number }
  | { type: 'element'; value: T; start: number; end: number; children: InlineNode<T>[] };

/** Why a span could not be placed. */
export type UnplacedReason = 'crossing' | 'nesting';

/** A span that was left out of the tree, and why. */
export interface UnplacedSpan<T> extends InlineSpan<T> {
  reason: UnplacedReason;
}

/** The tree of one block and the spans it could not hold. */
export interface NestedInline<T> {
  nodes: InlineNode<T>[];
  unplaced: UnplacedSpan<T>[];
  // Spans cut at an element's end in split mode; each fragment appears in `nodes`.
  split: InlineSpan<T>[];
}

/** How a span that crosses an already placed element is handled. */
export interface NestOptions<T> {
  // Whether `outer` may hold `inner` as a child; defaults to always.
  canContain?: (outer: T, inner: T) => boolean;
  crossing?: 'drop' | 'split';
}

interface Placed<T> {
  start: number;
  end: number;
  value: T;
  order: number;
}

/** Nests `spans` over `text` following the rule above; empty and out-of-range spans are ignored. */
export function nestInline<T>(text: string, spans: readonly InlineSpan<T>[], options: NestOptions<T> = {}): NestedInline<T> {
  const canContain = options.canContain ?? (() => true);
  const queue: Placed<T>[] = spans
    .map((span, order) => ({ start: Math.max(0, span.start), end: Math.min(text.length, span.end), value: span.value, order }))
    .filter((span) => span.start < span.end)
    .sort((a, b) => compareSpans(a, b) || a.order - b.order);
  const placed: Placed<T>[] = [];
  const unplaced: UnplacedSpan<T>[] = [];
  const split: InlineSpan<T>[] = [];
  const open: Placed<T>[] = [];

  for (let index = 0; index < queue.length; index++) {
    const span = queue[index]!;
    while (open.length > 0 && open[open.length - 1]!.end <= span.start) open.pop();
    const parent = open[open.length - 1];
    if (parent && !canContain(parent.value, span.value)) {
      unplaced.push({ start: span.start, end: span.end, value: span.value, reason: 'nesting' });
      continue;
    }
    if (parent && span.end > parent.end) {
      if (options.crossing !== 'split') {
        unplaced.push({ start: span.start, end: span.end, value: span.value, reason: 'crossing' });
        continue;
      }
      split.push({ start: span.start, end: span.end, value: span.value });
      insertSorted(queue, { ...span, start: parent.end }, index + 1);
      span.end = parent.end;
    }
    placed.push(span);
    open.push(span);
  }
  return { nodes: buildTree(text, placed), unplaced, split };
}

function insertSorted<T>(queue: Placed<T>[], item: Placed<T>, from: number): void {
  let at = from;
  while (at < queue.length && (compareSpans(queue[at]!, item) || queue[at]!.order - item.order) <= 0) at++;
  queue.splice(at, 0, item);
}

/** Builds the tree from placed spans, which are already in document order and properly nested. */
function buildTree<T>(text: string, placed: readonly Placed<T>[]): InlineNode<T>[] {
  const root: InlineNode<T>[] = [];
  const stack: { node: Extract<InlineNode<T>, { type: 'element' }> }[] = [];
  let cursor = 0;
  const current = () => (stack.length > 0 ? stack[stack.length - 1]!.node.children : root);
  const emitText = (upTo: number) => {
    if (upTo > cursor) current().push({ type: 'text', text: text.slice(cursor, upTo), start: cursor });
    cursor = Math.max(cursor, upTo);
  };
  const closeUntil = (position: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.node.end <= position) {
      emitText(stack[stack.length - 1]!.node.end);
      stack.pop();
    }
  };
  for (const span of [...placed].sort((a, b) => compareSpans(a, b) || a.order - b.order)) {
    closeUntil(span.start);
    emitText(span.start);
    const node: Extract<InlineNode<T>, { type: 'element' }> = { type: 'element', value: span.value, start: span.start, end: span.end, children: [] };
    current().push(node);
    stack.push({ node });
  }
  closeUntil(text.length);
  emitText(text.length);
  return root;
}
