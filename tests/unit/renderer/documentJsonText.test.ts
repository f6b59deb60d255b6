import { describe, expect, it } from 'vitest';
import { keymap } from 'prosemirror-keymap';
import { Node } from 'prosemirror-model';
import { articleSchema } from '../../../common/schema';
import { TextSelection } from 'prosemirror-state';
import { articleDocumentJson } from '../../../common/editor/annotationRecords';
import { annotationMapOf } from '../../../common/editor/annotationRecords';
import { tagSelection } from '../../../common/editor/annotationCommands';
import { createArticleEditorState } from '../../../renderer/src/editor/editorState';
import { articleDocumentJsonText } from '../../../renderer/src/editor/documentJsonText';

const now = '2026-01-01T00:00:00.000Z';
const storedDoc = {
  type: 'doc',
  attrs: { annotations: { ann_1: { id: 'ann_1', kind: 'entity', entityType: 'person', entityId: null, status: 'accepted', author: 'tester', createdAt: now, updatedAt: now, note: '', quote: 'Amal Haddad' } } },
  content: [
    { type: 'headline', content: [{ type: 'text', text: 'Talks resume' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Amal Haddad', marks: [{ type: 'annotation', attrs: { id: 'ann_1', kind: 'entity', label: 'person', part: 'content', suggested: false } }] }, { type: 'text', text: ' said the talks would resume.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Observers reported a quiet night.' }] },
  ],
};

// The journal's JSON text is built from cached block and record texts: it must stay the document, edit after edit.
describe('the document as JSON text', () => {
  it('is the stored document JSON, after typing, tagging and undoable record changes alike', () => {
    let state = createArticleEditorState(Node.fromJSON(articleSchema, storedDoc), keymap({}));
    expect(JSON.parse(articleDocumentJsonText(state))).toEqual(articleDocumentJson(state));
    // Typing changes one block; the others keep their cached text.
    state = state.apply(state.tr.insertText('Astral 🚀 and עברית ', 3));
    expect(JSON.parse(articleDocumentJsonText(state))).toEqual(articleDocumentJson(state));
    // A new tag changes a block's marks and adds a record.
    const withSelection = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3, 9)));
    const before = Object.keys(annotationMapOf(withSelection)).length;
    let tagged = withSelection;
    expect(tagSelection({ kind: 'entity', entityType: 'place', entityId: null }, { id: 'ann_new', author: 'tester', now: '2026-01-02T00:00:00.000Z' })(withSelection, (tr) => (tagged = withSelection.apply(tr)))).toBe(true);
    expect(Object.keys(annotationMapOf(tagged))).toHaveLength(before + 1);
    expect(JSON.parse(articleDocumentJsonText(tagged))).toEqual(articleDocumentJson(tagged));
  });
});
