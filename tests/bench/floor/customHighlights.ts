/**
 * An experiment for the floor page: tags painted with the CSS Custom Highlight API instead of mark
 * elements. The ranges live in plugin state, mapped through each transaction; only the blocks around the
 * viewport get DOM `Range`s, rebuilt after each update and on scroll, so the DOM is as small as untagged text.
 */
import { Plugin, PluginKey, type Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Node as ProseMirrorNode } from 'prosemirror-model';

/** One tag's span in document positions and the highlight name it is painted with. */
export interface PaintedSpan {
  from: number;
  to: number;
  name: string;
}

/** The document without annotation marks, and every tag's spans (sorted by `from`) to paint instead. */
export function splitAnnotationMarks(doc: ProseMirrorNode): { doc: ProseMirrorNode; spans: PaintedSpan[] } {
  const spans: PaintedSpan[] = [];
  const open = new Map<string, PaintedSpan>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== 'annotation') continue;
      const id = mark.attrs.id as string;
      const span = open.get(id);
      if (span && span.to === pos) span.to = pos + node.nodeSize;
      else {
        const created = { from: pos, to: pos + node.nodeSize, name: `ann-${mark.attrs.label as string}` };
        open.set(id, created);
        spans.push(created);
      }
    }
    return false;
  });
  // Every block of the schema holds text only, so one text node per block is the same text without marks.
  const blocks: ProseMirrorNode[] = [];
  doc.forEach((block) => blocks.push(block.type.create(block.attrs, block.textContent ? doc.type.schema.text(block.textContent) : null)));
  const stripped = doc.type.create(doc.attrs, blocks);
  spans.sort((a, b) => a.from - b.from);
  return { doc: stripped, spans };
}

const key = new PluginKey<PaintedSpan[]>('customHighlights');
// Blocks painted beyond the first and last visible one, so a fast scroll shows highlights at once.
const marginBlocks = 12;

function firstSpanEndingAfter(spans: PaintedSpan[], pos: number): number {
  // Spans are short and sorted by start; start the scan a little before, where one could still overlap.
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.from < pos) low = middle + 1;
    else high = middle;
  }
  let index = low;
  while (index > 0 && spans[index - 1]!.to > pos && low - index < 64) index--;
  return index;
}

function paint(view: EditorView): void {
  const spans = key.getState(view.state)!;
  const rect = view.dom.getBoundingClientRect();
  const left = rect.left + 60;
  const top = view.posAtCoords({ left, top: Math.max(rect.top + 1, 1) });
  const bottom = view.posAtCoords({ left, top: Math.min(rect.bottom - 1, window.innerHeight - 1) });
  const doc = view.state.doc;
  const firstBlock = Math.max(0, doc.resolve(top?.pos ?? 0).index(0) - marginBlocks);
  const lastBlock = Math.min(doc.childCount - 1, doc.resolve(bottom?.pos ?? doc.content.size).index(0) + marginBlocks);
  let from = 0;
  for (let index = 0; index < firstBlock; index++) from += doc.child(index).nodeSize;
  let to = from;
  for (let index = firstBlock; index <= lastBlock; index++) to += doc.child(index).nodeSize;
  const byName = new Map<string, Range[]>();
  for (let index = firstSpanEndingAfter(spans, from); index < spans.length && spans[index]!.from < to; index++) {
    const span = spans[index]!;
    if (span.to <= from) continue;
    const start = view.domAtPos(span.from, 1);
    const end = view.domAtPos(span.to, -1);
    const range = new Range();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    let list = byName.get(span.name);
    if (!list) byName.set(span.name, (list = []));
    list.push(range);
  }
  // The registered highlights are kept and refilled: registering new ones makes Chromium restyle every range.
  for (const [name, highlight] of CSS.highlights) if (name.startsWith('ann-') && !byName.has(name)) highlight.clear();
  for (const [name, ranges] of byName) {
    const highlight = CSS.highlights.get(name);
    if (!highlight) {
      CSS.highlights.set(name, new Highlight(...ranges));
      continue;
    }
    highlight.clear();
    for (const range of ranges) highlight.add(range);
  }
}

/** The plugin that keeps `spans` mapped through edits and paints those near the viewport as CSS highlights. */
export function customHighlightPlugin(spans: PaintedSpan[]): Plugin<PaintedSpan[]> {
  return new Plugin<PaintedSpan[]>({
    key,
    state: {
      init: () => spans,
      apply(tr, value) {
        const added = tr.getMeta(key) as PaintedSpan | undefined;
        if (added) {
          const index = firstSpanEndingAfter(value, added.from);
          value = [...value.slice(0, index), added, ...value.slice(index)];
        }
        if (!tr.docChanged) return value;
        const mapped: PaintedSpan[] = [];
        for (const span of value) {
          const from = tr.mapping.map(span.from, 1);
          const to = tr.mapping.map(span.to, -1);
          if (to > from) mapped.push(from === span.from && to === span.to ? span : { from, to, name: span.name });
        }
        return mapped;
      },
    },
    view(view) {
      let scheduled = 0;
      const schedule = () => {
        if (!scheduled) scheduled = requestAnimationFrame(() => ((scheduled = 0), paint(view)));
      };
      const scroller = view.dom.closest('.floor-scroll') ?? window;
      scroller.addEventListener('scroll', schedule, { passive: true });
      schedule();
      return {
        update: (updated, previous) => {
          if (key.getState(updated.state) !== key.getState(previous)) paint(updated);
        },
        destroy: () => {
          scroller.removeEventListener('scroll', schedule);
          cancelAnimationFrame(scheduled);
        },
      };
    },
  });
}

/** Adds a span over the selection to be painted (the floor's "add one tag" in this experiment). */
export const addPaintedSpan: Command = (state, dispatch) => {
  if (state.selection.empty) return false;
  if (dispatch) dispatch(state.tr.setMeta(key, { from: state.selection.from, to: state.selection.to, name: 'ann-person' }));
  return true;
};
