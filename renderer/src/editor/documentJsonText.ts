import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { Annotation } from '../../../common/model/annotation';
import { annotationMapOf } from '../../../common/editor/annotationRecords';

// Blocks and records are immutable and keep their identity while unchanged, so their JSON text is made once.
const blockTexts = new WeakMap<ProseMirrorNode, string>();
const recordTexts = new WeakMap<Annotation, string>();

function blockText(block: ProseMirrorNode): string {
  let text = blockTexts.get(block);
  if (text === undefined) blockTexts.set(block, (text = JSON.stringify(block.toJSON())));
  return text;
}

function recordText(record: Annotation): string {
  let text = recordTexts.get(record);
  if (text === undefined) recordTexts.set(record, (text = JSON.stringify(record)));
  return text;
}

/**
 * The article's document as stored and exchanged (articleDocumentJson), as JSON text, from the text of each
 * block and record kept since it was last changed: after a keystroke in a 100,000-word article only one block
 * and no record is serialised again, where `JSON.stringify` of the whole document takes tens of milliseconds.
 */
export function articleDocumentJsonText(state: EditorState): string {
  const { annotations: _ignored, ...otherAttrs } = state.doc.attrs as Record<string, unknown>;
  const records = Object.entries(annotationMapOf(state)).map(([id, record]) => `${JSON.stringify(id)}:${recordText(record)}`);
  const attrs = [...Object.entries(otherAttrs).map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`), `"annotations":{${records.join(',')}}`];
  const blocks: string[] = [];
  state.doc.forEach((block) => blocks.push(blockText(block)));
  return `{"type":${JSON.stringify(state.doc.type.name)},"attrs":{${attrs.join(',')}},"content":[${blocks.join(',')}]}`;
}
