/**
 * The benchmark's floor: plain ProseMirror editing the benchmark's text in the app's schema, with history
 * and the base keymap as any editor has, and nothing of the app (no tags plugin, no React, no side panels).
 */
import { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, type Command, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { baseKeymap } from 'prosemirror-commands';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { articleSchema } from '../../../common/schema';
import { addPaintedSpan, customHighlightPlugin, splitAnnotationMarks } from './customHighlights';

/** How the floor page is set up for one measurement. */
export interface FloorOptions {
  contentVisibility?: boolean;
  paintTags?: boolean;
}

let view: EditorView | null = null;
let nextTagId = 0;

// The floor of "add one tag": one annotation mark over the selection, the least a tag can cost in this schema.
const addAnnotationMark: Command = (state, dispatch) => {
  if (state.selection.empty) return false;
  const mark = articleSchema.marks.annotation!.create({ id: `floor_${nextTagId++}`, kind: 'entity', label: 'person', part: 'content' });
  if (dispatch) dispatch(state.tr.addMark(state.selection.from, state.selection.to, mark));
  return true;
};

/**
 * Fetches a generated article's JSON, mounts an editor on it and resolves once the next frame has painted:
 * ms since the call. Options: `contentVisibility` lets Chromium skip off-screen blocks as the app's stylesheet
 * does; `paintTags` paints the article's tags as CSS highlights instead of mark elements (an experiment).
 */
async function openFloor(name: string, options: FloorOptions = {}): Promise<number> {
  const paintTags = options.paintTags ?? false;
  const start = performance.now();
  document.getElementById('mount')!.classList.toggle('skip-offscreen', options.contentVisibility ?? false);
  const json: unknown = await (await fetch(`./${name}.json`)).json();
  view?.destroy();
  let doc = ProseMirrorNode.fromJSON(articleSchema, json);
  const painting: Plugin[] = [];
  if (paintTags) {
    const split = splitAnnotationMarks(doc);
    doc = split.doc;
    painting.push(customHighlightPlugin(split.spans));
  }
  const state = EditorState.create({
    doc,
    plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo, 'Alt-Shift-p': paintTags ? addPaintedSpan : addAnnotationMark }), keymap(baseKeymap), ...painting],
  });
  view = new EditorView(document.getElementById('mount')!, { state });
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - start;
}

(window as unknown as { openFloor: typeof openFloor }).openFloor = openFloor;
