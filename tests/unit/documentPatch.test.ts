import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { history } from 'prosemirror-history';
import { articleSchema } from '../../common/schema';
import { ApiError } from '../../common/apiError';
import { applyDocumentPatch, documentPatchSince } from '../../common/documentPatch';
import { annotationMapOf, annotationRecordsPlugin, articleDocumentJson } from '../../common/editor/annotationRecords';
import { removeAnnotation, tagSelection } from '../../common/editor/annotationCommands';
import { documentFromPacked, packedDocumentOf } from '../../common/packedDocument';

function articleState(paragraphs: string[]): EditorState {
  const doc = articleSchema.node('doc', null, [
    articleSchema.node('headline', null, [articleSchema.text('Patch test')]),
    ...paragraphs.map((text) => articleSchema.node('paragraph', null, [articleSchema.text(text)])),
  ]);
  return EditorState.create({ doc, plugins: [annotationRecordsPlugin({}), history()] });
}

function snapshot(state: EditorState) {
  return { doc: state.doc, records: annotationMapOf(state) };
}

const packed = (state: EditorState) => packedDocumentOf(articleSchema.nodeFromJSON(articleDocumentJson(state)));

// Applying the patch to what was saved must give exactly the document as it is now, and the patch's blocks must
// make that document again with its marks.
function expectPatchReproduces(before: EditorState, after: EditorState) {
  const patch = documentPatchSince(snapshot(before), after.doc, annotationMapOf(after));
  const patched = applyDocumentPatch(packed(before), patch);
  expect(patched).toEqual(packed(after));
  expect(documentFromPacked(patched).toJSON()).toEqual(articleDocumentJson(after));
  return patch;
}

describe('document patches', () => {
  const paragraphs = Array.from({ length: 50 }, (_, index) => `Paragraph number ${index} of the article.`);

  it('sends only the edited block when one paragraph changes', () => {
    const before = articleState(paragraphs);
    const position = before.doc.child(0).nodeSize + before.doc.child(1).nodeSize + before.doc.child(2).nodeSize + 3;
    const after = before.apply(before.tr.insertText('very ', position));
    const patch = expectPatchReproduces(before, after);
    expect(patch).toMatchObject({ from: 3, to: 4, removedRecordIds: [] });
    expect(patch.blocks).toHaveLength(1);
  });

  it('covers inserted and deleted blocks, and leaves the rest out', () => {
    const before = articleState(paragraphs);
    const start = before.doc.child(0).nodeSize;
    const inserted = before.apply(before.tr.insert(start, articleSchema.node('subhead', null, [articleSchema.text('New section')])));
    expect(expectPatchReproduces(before, inserted)).toMatchObject({ from: 1, to: 1 });
    const secondStart = start + before.doc.child(1).nodeSize;
    const deleted = before.apply(before.tr.delete(secondStart, secondStart + before.doc.child(2).nodeSize));
    expect(expectPatchReproduces(before, deleted)).toMatchObject({ from: 2, to: 3, blocks: [] });
  });

  it('carries new, changed and removed records', () => {
    let before = articleState(paragraphs);
    const from = before.doc.child(0).nodeSize + 1;
    before = before.apply(before.tr.setSelection(TextSelection.create(before.doc, from, from + 9)));
    let tagged = before;
    tagSelection({ kind: 'entity', entityType: 'other' }, { id: 'a1', author: 't', now: 'n' })(before, (tr) => (tagged = before.apply(tr)));
    expect(expectPatchReproduces(before, tagged).records).toHaveProperty('a1');
    let removed = tagged;
    removeAnnotation('a1')(tagged, (tr) => (removed = tagged.apply(tr)));
    expect(expectPatchReproduces(tagged, removed).removedRecordIds).toEqual(['a1']);
  });

  it('refuses a patch that does not fit the stored document', () => {
    const state = articleState(['One.']);
    expect(() => applyDocumentPatch(packed(state), { from: 1, to: 9, blocks: [], records: {}, removedRecordIds: [] })).toThrow(ApiError);
  });
});
