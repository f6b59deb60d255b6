/**
 * The benchmark's floor: plain ProseMirror editing the benchmark's text in the app's schema, with history
 * and the base keymap as any editor has, and nothing of the app (no tags plugin, no React, no side panels).
 */
import { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { baseKeymap } from 'prosemirror-commands';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { articleSchema } from '../../../common/schema';

let view: EditorView | null = null;
let nextTagId = 0;

// The floor of "add one tag": one annotation mark over the selection, the least a tag can cost in this schema.
const addAnnotationMark: Command = (state, dispatch) => {
  if (state.selection.empty) return false;
  const mark = articleSchema.marks.annotation!.create({ id: `floor_${nextTagId++}`, kind: 'entity', label: 'person', part: 'content' });
  if (dispatch) dispatch(state.tr.addMark(state.selection.from, state.selection.to, mark));
  return true;
};

/** Fetches a generated article's JSON, mounts an editor on it and resolves once the next frame has painted: ms since the call. */
async function openFloor(name: string): Promise<number> {
  const start = performance.now();
  const json: unknown = await (await fetch(`./${name}.json`)).json();
  view?.destroy();
  const doc = ProseMirrorNode.fromJSON(articleSchema, json);
  const state = EditorState.create({
    doc,
    plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo, 'Alt-Shift-p': addAnnotationMark }), keymap(baseKeymap)],
  });
  view = new EditorView(document.getElementById('mount')!, { state });
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - start;
}

(window as unknown as { openFloor: typeof openFloor }).openFloor = openFloor;
