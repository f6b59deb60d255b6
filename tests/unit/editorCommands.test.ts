import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { history, undo, redo } from 'prosemirror-history';
import { articleSchema } from '../../common/schema';
import { articleText, parseArticleDocument, spanText } from '../../common/articleText';
import { reviewFlaggingPlugin } from '../../common/editor/reviewFlagging';
import {
  addSpanToAnnotation,
  annotationMapOf,
  removeAnnotation,
  tagRange,
  tagSelection,
  updateAnnotation,
  type TagRequest,
} from '../../common/editor/annotationCommands';
import { annotationIdsAt } from '../../common/editor/annotationRanges';
import { annotationRecordsPlugin, articleDocumentJson } from '../../common/editor/annotationRecords';

const paragraphText = '"A decision could be taken any moment," said SOHR chief Rami Abdel Rahman on Sunday.';

function initialState(): EditorState {
  const doc = articleSchema.node('doc', null, [
    articleSchema.node('headline', null, [articleSchema.text('Talks on evacuation')]),
    articleSchema.node('paragraph', null, [articleSchema.text(paragraphText)]),
  ]);
  return EditorState.create({ doc, plugins: [annotationRecordsPlugin({}), history(), reviewFlaggingPlugin(() => '2026-01-02T00:00:00.000Z')] });
}

// Document positions of an occurrence of `words` (within one block) in the article.
function positionOf(state: EditorState, words: string, occurrence = 0): { from: number; to: number } {
  const plain = articleText(state.doc);
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) index = plain.text.indexOf(words, index + 1);
  const block = plain.blocks.find((candidate) => index >= candidate.start && index + words.length <= candidate.start + candidate.text.length);
  if (index < 0 || !block) throw new Error(`"${words}" is not in the document`);
  const from = block.docStart + (index - block.start);
  return { from, to: from + words.length };
}

function select(state: EditorState, from: number, to: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

function run(state: EditorState, command: (s: EditorState, d?: (tr: import('prosemirror-state').Transaction) => void) => boolean): EditorState {
  let next = state;
  const done = command(state, (tr) => {
    next = state.apply(tr);
  });
  expect(done).toBe(true);
  return next;
}

function tag(state: EditorState, words: string, request: TagRequest, id: string): EditorState {
  const { from, to } = positionOf(state, words);
  return run(select(state, from, to), tagSelection(request, { id, author: 'tester', now: '2026-01-01T00:00:00.000Z' }));
}

function textOf(state: EditorState, id: string): string {
  const plain = articleText(state.doc);
  return spanText(plain.text, plain.spans.get(id) ?? []);
}

function typeAt(state: EditorState, pos: number, text: string): EditorState {
  return state.apply(state.tr.insertText(text, pos));
}

describe('tagging commands', () => {
  it('tags a selection with a mark and a record, and the document stays valid', () => {
    const state = tag(initialState(), 'Rami Abdel Rahman', { kind: 'entity', entityType: 'person' }, 'ann_person');
    expect(textOf(state, 'ann_person')).toBe('Rami Abdel Rahman');
    const record = annotationMapOf(state).ann_person!;
    expect(record).toMatchObject({ kind: 'entity', entityType: 'person', status: 'accepted', author: 'tester', quote: 'Rami Abdel Rahman' });
    expect(() => parseArticleDocument(articleDocumentJson(state))).not.toThrow();
  });

  it('leaves out whitespace around a sloppy selection and refuses an empty one', () => {
    const base = initialState();
    const { from, to } = positionOf(base, ' Rami Abdel Rahman ');
    const state = run(select(base, from, to), tagSelection({ kind: 'entity', entityType: 'person' }, { id: 'a', author: '', now: '' }));
    expect(textOf(state, 'a')).toBe('Rami Abdel Rahman');
    const caret = select(base, from, from);
    expect(tagSelection({ kind: 'figure' }, { id: 'b', author: '', now: '' })(caret)).toBe(false);
  });

  it('tags the given words whatever is selected now, and refuses a range outside the document', () => {
    const base = initialState();
    const words = positionOf(base, 'Rami Abdel Rahman');
    const elsewhere = positionOf(base, 'Sunday');
    const state = run(select(base, elsewhere.from, elsewhere.to), tagRange(words, { kind: 'entity', entityType: 'person' }, { id: 'r', author: '', now: '' }));
    expect(textOf(state, 'r')).toBe('Rami Abdel Rahman');
    expect(textOf(state, 'r')).not.toContain('Sunday');
    expect(tagRange({ from: 2, to: base.doc.content.size + 5 }, { kind: 'figure' }, { id: 'x', author: '', now: '' })(base)).toBe(false);
  });

  it('lets tags nest and overlap: a person inside an attribution, two overlapping entities', () => {
    let state = tag(initialState(), paragraphText.slice(0, paragraphText.indexOf(' on Sunday')), { kind: 'attribution' }, 'quote');
    state = tag(state, 'Rami Abdel Rahman', { kind: 'entity', entityType: 'person' }, 'person');
    state = tag(state, 'SOHR chief Rami', { kind: 'entity', entityType: 'other' }, 'overlap');
    expect(textOf(state, 'quote')).toContain('Rami Abdel Rahman');
    expect(textOf(state, 'person')).toBe('Rami Abdel Rahman');
    expect(textOf(state, 'overlap')).toBe('SOHR chief Rami');
    expect(annotationIdsAt(state.doc, positionOf(state, 'Rami').from + 1)).toEqual(['overlap', 'person', 'quote']);
  });

  it('keeps a tag on its words when typing before, inside and after it', () => {
    let state = tag(initialState(), 'Rami Abdel Rahman', { kind: 'entity', entityType: 'person' }, 'p');
    const span = positionOf(state, 'Rami Abdel Rahman');
    state = typeAt(state, span.to, 'X'); // right after: must not grow
    expect(textOf(state, 'p')).toBe('Rami Abdel Rahman');
    state = typeAt(state, span.from, 'Dr '); // right before: must not grow
    expect(textOf(state, 'p')).toBe('Rami Abdel Rahman');
    const inside = positionOf(state, 'Abdel').from;
    state = state.apply(state.tr.insertText('M. ', inside, inside)); // inside: grows with it
    expect(textOf(state, 'p')).toBe('Rami M. Abdel Rahman');
    expect(articleText(state.doc).text).toContain('Dr Rami M. Abdel RahmanX');
  });

  it('flags a tag for review when all its words are deleted, and undo brings both back', () => {
    let state = tag(initialState(), 'SOHR', { kind: 'entity', entityType: 'organisation' }, 'org');
    const span = positionOf(state, 'SOHR ');
    state = state.apply(state.tr.delete(span.from, span.to));
    expect(annotationMapOf(state).org?.status).toBe('needs_review');
    expect(annotationMapOf(state).org?.quote).toBe('SOHR');
    state = run(state, undo);
    expect(annotationMapOf(state).org?.status).toBe('accepted');
    expect(textOf(state, 'org')).toBe('SOHR');
  });

  it('does not flag a tag when only part of its words is deleted', () => {
    let state = tag(initialState(), 'Rami Abdel Rahman', { kind: 'entity', entityType: 'person' }, 'p');
    const part = positionOf(state, 'Abdel ');
    state = state.apply(state.tr.delete(part.from, part.to));
    expect(annotationMapOf(state).p?.status).toBe('accepted');
    expect(textOf(state, 'p')).toBe('Rami Rahman');
  });

  it('undoes and redoes tagging and typing alike', () => {
    let state = initialState();
    state = typeAt(state, positionOf(state, 'Sunday').from, 'last ');
    state = tag(state, 'Rami Abdel Rahman', { kind: 'entity', entityType: 'person' }, 'p');
    state = run(state, undo);
    expect(annotationMapOf(state).p).toBeUndefined();
    expect(articleText(state.doc).text).toContain('last Sunday');
    state = run(state, undo);
    expect(articleText(state.doc).text).not.toContain('last Sunday');
    state = run(state, redo);
    state = run(state, redo);
    expect(textOf(state, 'p')).toBe('Rami Abdel Rahman');
  });

  it('updates fields and relabels marks when an entity changes type', () => {
    let state = tag(initialState(), 'SOHR', { kind: 'entity', entityType: 'other' }, 'x');
    state = run(state, updateAnnotation('x', (record) => (record.kind === 'entity' ? { ...record, entityType: 'organisation' } : record), 'later'));
    expect(annotationMapOf(state).x).toMatchObject({ entityType: 'organisation', updatedAt: 'later' });
    let labels: string[] = [];
    state.doc.descendants((node) => {
      labels = labels.concat(node.marks.filter((m) => m.attrs.id === 'x').map((m) => m.attrs.label as string));
    });
    expect(labels).toEqual(['organisation']);
  });

  it('removes a tag with its marks in one undoable step', () => {
    let state = tag(initialState(), 'SOHR', { kind: 'entity', entityType: 'organisation' }, 'x');
    state = run(state, removeAnnotation('x'));
    expect(annotationMapOf(state).x).toBeUndefined();
    expect(articleText(state.doc).spans.has('x')).toBe(false);
    state = run(state, undo);
    expect(textOf(state, 'x')).toBe('SOHR');
  });

  it('gives an attribution a cue span and a second content span (a split quote)', () => {
    let state = tag(initialState(), '"A decision could be taken', { kind: 'attribution', mode: 'direct' }, 'q');
    const cue = positionOf(state, 'said');
    state = run(select(state, cue.from, cue.to), addSpanToAnnotation('q', 'cue'));
    const more = positionOf(state, 'any moment,"');
    state = run(select(state, more.from, more.to), addSpanToAnnotation('q', 'content'));
    const plain = articleText(state.doc);
    expect(spanText(plain.text, plain.spans.get('q')!, 'cue')).toBe('said');
    expect(plain.spans.get('q')!.filter((span) => span.part === 'content')).toHaveLength(2);
    expect(() => parseArticleDocument(articleDocumentJson(state))).not.toThrow();
  });
});
