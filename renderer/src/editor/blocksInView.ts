import { Plugin, PluginKey, Selection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { keydownHandler } from 'prosemirror-keymap';
import { Decoration, DecorationSet, type EditorView, type NodeView, type NodeViewConstructor, type ViewMutationRecord } from 'prosemirror-view';
import { DOMSerializer, type Node as ProseMirrorNode } from 'prosemirror-model';
import { blockTypeNames } from '../../../common/schema';

/**
 * Tags are painted only in the blocks near the viewport and the blocks holding the selection. Every other
 * tagged block shows its text plain, without the elements of its tags, so a 100,000-word article with 10,000
 * tags opens, types and scrolls at the cost of untagged text. A block is painted with its tags, by
 * ProseMirror as usual, as soon as it comes within a margin of the viewport; the document and its marks are
 * the same either way, so only what is drawn off-screen differs. Ordinary copy is painted whole.
 */

// The blocks painted with their tags: the viewport's, and this many viewport heights above and below it.
const paintedViewports = 2;
// Until the view has measured itself (and in tests without one), the first blocks are painted.
const initiallyPaintedBlocks = 40;
// Ordinary copy is painted whole, as ProseMirror paints it: only long documents gain from painting less.
const alwaysPaintedBlocks = 200;

/** Which top-level blocks are painted with their tags: a range of block indexes around the viewport. */
interface PaintedRange {
  fromBlock: number;
  toBlock: number;
}

interface BlocksInViewState {
  range: PaintedRange;
  decorations: DecorationSet;
}

const blocksInViewKey = new PluginKey<BlocksInViewState>('blocksInView');

// The spec that marks a block's node decoration as "painted with its tags".
interface PaintedSpec {
  paintedWithTags: true;
}

function isPaintedSpec(spec: unknown): spec is PaintedSpec {
  return (spec as Partial<PaintedSpec> | undefined)?.paintedWithTags === true;
}

// The painted blocks: those in the range and those holding either end of the selection; all of a short document.
function paintedDecorations(state: EditorState, range: PaintedRange): DecorationSet {
  const { doc, selection } = state;
  const decorations: Decoration[] = [];
  const paintsAll = doc.childCount <= alwaysPaintedBlocks;
  doc.forEach((block, offset, index) => {
    const holdsSelection = (selection.from >= offset && selection.from <= offset + block.nodeSize) || (selection.to >= offset && selection.to <= offset + block.nodeSize);
    if (paintsAll || (index >= range.fromBlock && index <= range.toBlock) || holdsSelection) {
      decorations.push(Decoration.node(offset, offset + block.nodeSize, {}, { paintedWithTags: true } satisfies PaintedSpec));
    }
  });
  return DecorationSet.create(doc, decorations);
}

const rangeMeta = 'blocksInViewRange';

function sameRange(a: PaintedRange, b: PaintedRange): boolean {
  return a.fromBlock === b.fromBlock && a.toBlock === b.toBlock;
}

function hasTags(node: ProseMirrorNode): boolean {
  let tagged = false;
  node.forEach((child) => {
    if (!tagged && child.marks.length > 0) tagged = true;
  });
  return tagged;
}

function blockElements(node: ProseMirrorNode): { dom: HTMLElement; contentDOM: HTMLElement } {
  const spec = node.type.spec.toDOM!(node);
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, spec);
  return { dom: dom as HTMLElement, contentDOM: (contentDOM ?? dom) as HTMLElement };
}

/**
 * A tagged block far from the viewport: its element with its text as one plain text node. ProseMirror does
 * not render its content; any change of the block's markup, or its coming into view, builds it afresh.
 */
function plainBlockView(node: ProseMirrorNode): NodeView {
  const { dom, contentDOM } = blockElements(node);
  const text = document.createTextNode(node.textContent);
  contentDOM.appendChild(text);
  let shown = node;
  return {
    dom,
    update(next, decorations) {
      if (!next.sameMarkup(shown) || decorations.some((decoration) => isPaintedSpec(decoration.spec)) || !hasTags(next)) return false;
      if (next.textContent !== text.data) text.data = next.textContent;
      shown = next;
      return true;
    },
    // The text is the view's own; only a selection inside it is ProseMirror's to read.
    ignoreMutation: (mutation: ViewMutationRecord) => mutation.type !== 'selection',
  };
}

/** A block painted by ProseMirror with its tags, as it would be without this plugin. */
function paintedBlockView(node: ProseMirrorNode): NodeView {
  const { dom, contentDOM } = blockElements(node);
  let shown = node;
  return {
    dom,
    contentDOM,
    update(next, decorations) {
      if (!next.sameMarkup(shown)) return false;
      // A tagged block that leaves the painted range is drawn plain again.
      if (hasTags(next) && !decorations.some((decoration) => isPaintedSpec(decoration.spec))) return false;
      shown = next;
      return true;
    },
  };
}

const blockView: NodeViewConstructor = (node, _view, _getPos, decorations) =>
  hasTags(node) && !decorations.some((decoration) => isPaintedSpec(decoration.spec)) ? plainBlockView(node) : paintedBlockView(node);

/**
 * Moves the caret to the document's start or end (extending the selection with Shift). Plain blocks are not
 * editable, so the browser's own move to the edges of the text would stop at them: the editor moves itself.
 */
function toDocumentEdge(edge: 'start' | 'end', extend: boolean): Command {
  return (state, dispatch) => {
    const target = edge === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc);
    const selection = extend ? TextSelection.between(state.selection.$anchor, target.$head) : target;
    dispatch?.(state.tr.setSelection(selection).scrollIntoView());
    return true;
  };
}

const documentEdgeKeys = keydownHandler({
  'Mod-Home': toDocumentEdge('start', false),
  'Mod-End': toDocumentEdge('end', false),
  'Shift-Mod-Home': toDocumentEdge('start', true),
  'Shift-Mod-End': toDocumentEdge('end', true),
});

/** The index of the first top-level block whose bottom is below `y` (a client coordinate), by bisection. */
function firstBlockBelow(blocks: HTMLCollection, y: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.getBoundingClientRect().bottom < y) low = middle + 1;
    else high = middle;
  }
  return low;
}

// The blocks within `viewports` viewport heights of the visible part of the editor.
function blocksAround(view: EditorView, viewports: number): PaintedRange {
  const blocks = view.dom.children;
  const height = window.innerHeight;
  const fromBlock = Math.max(0, firstBlockBelow(blocks, -viewports * height));
  const toBlock = Math.min(view.state.doc.childCount - 1, firstBlockBelow(blocks, height + viewports * height));
  return { fromBlock, toBlock };
}

// How many frames the painted range waits, at most, for ProseMirror to read a selection the browser changed.
const maxPostponedFrames = 10;

/** Whether the browser's selection in the editor has moved where ProseMirror's has not yet followed. */
function selectionNotYetRead(view: EditorView): boolean {
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection?.anchorNode || !selection.focusNode || !view.dom.contains(selection.anchorNode)) return false;
  const { anchor, head } = view.state.selection;
  return view.posAtDOM(selection.anchorNode, selection.anchorOffset) !== anchor || view.posAtDOM(selection.focusNode, selection.focusOffset) !== head;
}

/**
 * Paints tags only in the blocks near the viewport and around the selection (see the comment at the top). The
 * painted range follows scrolling a frame later, with room to spare: it moves only once the viewport comes
 * within half its margin of its edge.
 */
export function blocksInViewPlugin(): Plugin<BlocksInViewState> {
  return new Plugin<BlocksInViewState>({
    key: blocksInViewKey,
    state: {
      init: (_config, state) => {
        const range = { fromBlock: 0, toBlock: initiallyPaintedBlocks - 1 };
        return { range, decorations: paintedDecorations(state, range) };
      },
      apply(tr: Transaction, value, oldState, newState) {
        const range = (tr.getMeta(rangeMeta) as PaintedRange | undefined) ?? value.range;
        const selectionMoved = !oldState.selection.eq(newState.selection);
        if (range !== value.range || selectionMoved || tr.docChanged) return { range, decorations: paintedDecorations(newState, range) };
        return value;
      },
    },
    props: {
      decorations: (state) => blocksInViewKey.getState(state)?.decorations,
      nodeViews: Object.fromEntries(blockTypeNames.map((name) => [name, blockView])),
      handleKeyDown: documentEdgeKeys,
    },
    view(view) {
      let frame = 0;
      let postponed = 0;
      const follow = () => {
        frame = 0;
        if (view.state.doc.childCount <= alwaysPaintedBlocks) return;
        // Dispatching now would put the editor's older selection back over the browser's newer one.
        if (selectionNotYetRead(view) && postponed++ < maxPostponedFrames) {
          schedule();
          return;
        }
        postponed = 0;
        const current = blocksInViewKey.getState(view.state)!.range;
        const inner = blocksAround(view, paintedViewports / 2);
        if (inner.fromBlock >= current.fromBlock && inner.toBlock <= current.toBlock) return;
        const next = blocksAround(view, paintedViewports);
        if (!sameRange(next, current)) view.dispatch(view.state.tr.setMeta(rangeMeta, next).setMeta('addToHistory', false));
      };
      const schedule = () => {
        frame ||= requestAnimationFrame(follow);
      };
      document.addEventListener('scroll', schedule, { capture: true, passive: true });
      window.addEventListener('resize', schedule, { passive: true });
      schedule();
      return {
        destroy() {
          cancelAnimationFrame(frame);
          document.removeEventListener('scroll', schedule, { capture: true });
          window.removeEventListener('resize', schedule);
        },
      };
    },
  });
}
