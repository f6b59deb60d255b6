import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { closeHistory, history, undo, redo } from 'prosemirror-history';
import { articleSchema } from '../../common/schema';
import { articleText, spanText } from '../../common/articleText';
import { reviewFlaggingPlugin } from '../../common/editor/reviewFlagging';
import { annotationMapOf, tagSelection, updateAnnotation, type TagRequest } from '../../common/editor/annotationCommands';
import { annotationRecordsPlugin, setAnnotationRecord } from '../../common/editor/annotationRecords';
import { proposedFigureFields } from '../../common/model/figureReader';
import type { Annotation, FigureAnnotation, FigureFields } from '../../common/model/annotation';

const flaggedAt = '2026-01-02T00:00:00.000Z';

function stateWith(paragraph: string): EditorState {
  const doc = articleSchema.node('doc', null, [
    articleSchema.node('headline', null, [articleSchema.text('Fund pays families')]),
    articleSchema.node('paragraph', null, [articleSchema.text(paragraph)]),
  ]);
  return EditorState.create({ doc, plugins: [annotationRecordsPlugin({}), history(), reviewFlaggingPlugin(() => flaggedAt)] });
}

// Document positions of the first occurrence of `words` in the paragraph.
function positionOf(state: EditorState, words: string): { from: number; to: number } {
  const plain = articleText(state.doc);
  const index = plain.text.indexOf(words);
  const block = plain.blocks.find((candidate) => index >= candidate.start && index + words.length <= candidate.start + candidate.text.length);
  if (index < 0 || !block) throw new Error(`"${words}" is not in the document`);
  const from = block.docStart + (index - block.start);
  return { from, to: from + words.length };
}

function run(state: EditorState, command: (s: EditorState, d?: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

function tag(state: EditorState, words: string, request: TagRequest, id: string): EditorState {
  const { from, to } = positionOf(state, words);
  const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
  return run(selected, tagSelection(request, { id, author: 'tester', now: '2026-01-01T00:00:00.000Z' }));
}

function tagFigure(state: EditorState, words: string, fields: Partial<FigureFields>): EditorState {
  // As the editor tags a figure: with the fields proposed from its words.
  const tagged = tag(state, words, { kind: 'figure', figure: proposedFigureFields(words) }, 'fig');
  return run(tagged, updateAnnotation('fig', (record) => (record.kind === 'figure' ? { ...record, figure: { ...record.figure, ...fields } } : record), 'checked'));
}

function figureOf(state: EditorState): FigureAnnotation {
  const record = annotationMapOf(state).fig;
  if (record?.kind !== 'figure') throw new Error('no figure');
  return record;
}

// Replaces the first `words` in the paragraph by `replacement`, as typing over a selection does: one transaction.
function replace(state: EditorState, words: string, replacement: string): EditorState {
  const { from, to } = positionOf(state, words);
  return state.apply(state.tr.insertText(replacement, from, to));
}

// Types `text` inside the first `words`, `offset` characters in.
function typeInside(state: EditorState, words: string, offset: number, text: string): EditorState {
  return state.apply(state.tr.insertText(text, positionOf(state, words).from + offset));
}

// The transactions the plugins appended to one edit.
function appendedBy(state: EditorState, tr: Transaction): readonly Transaction[] {
  return state.applyTransaction(tr).transactions.slice(1);
}

const paragraph = 'The fund paid over 422,000 euros to 12 families, a spokesman for Acme said on Sunday.';
const verified: Partial<FigureFields> = { verification: 'verified', sourceNote: 'Fund accounts, p. 4' };

describe('a figure whose words change', () => {
  it('is read again, and a verified figure whose number changed needs review with what changed', () => {
    let state = tagFigure(stateWith(paragraph), 'over 422,000 euros', verified);
    expect(figureOf(state).figure).toMatchObject({ value: { type: 'number', value: 422000 }, verification: 'verified', currency: 'EUR' });
    state = replace(state, '422', '432');
    expect(figureOf(state)).toMatchObject({
      status: 'needs_review',
      quote: 'over 432,000 euros',
      updatedAt: flaggedAt,
      review: { reason: 'figure_changed', detail: 'over 422,000 euros → over 432,000 euros' },
      figure: { value: { type: 'number', value: 432000 }, verification: 'unchecked', qualifier: 'more_than', currency: 'EUR', sourceNote: 'Fund accounts, p. 4' },
    });
  });

  it('names the words first changed when the change takes several keystrokes', () => {
    let state = tagFigure(stateWith(paragraph), 'over 422,000 euros', verified);
    const second = positionOf(state, '422').from + 1;
    state = state.apply(state.tr.delete(second, second + 1));
    expect(figureOf(state).review?.detail).toBe('over 422,000 euros → over 42,000 euros');
    state = state.apply(state.tr.insertText('3', second));
    expect(figureOf(state)).toMatchObject({
      status: 'needs_review',
      quote: 'over 432,000 euros',
      review: { reason: 'figure_changed', detail: 'over 422,000 euros → over 432,000 euros' },
      figure: { value: { type: 'number', value: 432000 }, verification: 'unchecked' },
    });
  });

  it('puts a disputed figure back to unchecked too', () => {
    let state = tagFigure(stateWith(paragraph), 'over 422,000 euros', { verification: 'disputed' });
    state = replace(state, '422', '432');
    expect(figureOf(state)).toMatchObject({ status: 'needs_review', figure: { verification: 'unchecked' }, review: { reason: 'figure_changed' } });
  });

  it('treats a changed qualifier or currency as a changed figure', () => {
    const qualifier = replace(tagFigure(stateWith(paragraph), 'over 422,000 euros', verified), 'over', 'under');
    expect(figureOf(qualifier)).toMatchObject({ status: 'needs_review', figure: { qualifier: 'less_than', verification: 'unchecked' } });
    const currency = replace(tagFigure(stateWith('The fund paid €422,000 to 12 families.'), '€422,000', verified), '€', '$');
    expect(figureOf(currency)).toMatchObject({ status: 'needs_review', figure: { currency: 'USD', verification: 'unchecked' } });
    expect(figureOf(currency).review?.detail).toBe('€422,000 → $422,000');
  });

  it('keeps the verification when the number stays, re-proposing the unit', () => {
    const text = 'Shelling killed more than 1,100 civlians in the town, the monitor said.';
    let state = tagFigure(stateWith(text), 'more than 1,100 civlians', verified);
    state = typeInside(state, 'civlians', 3, 'i');
    expect(figureOf(state)).toMatchObject({
      status: 'accepted',
      quote: 'more than 1,100 civilians',
      figure: { value: { type: 'number', value: 1100 }, unit: 'civilians', verification: 'verified', sourceNote: 'Fund accounts, p. 4' },
    });
    expect(figureOf(state).review ?? null).toBeNull();
  });

  it('keeps the verification when a typo in the currency is fixed, or one before the number', () => {
    let state = tagFigure(stateWith('The fund paid over 422,000 eruos to 12 families.'), 'over 422,000 eruos', { ...verified, figureKind: 'money', currency: 'EUR' });
    state = replace(state, 'eruos', 'euros');
    expect(figureOf(state)).toMatchObject({ status: 'accepted', figure: { figureKind: 'money', currency: 'EUR', verification: 'verified' } });
    state = tagFigure(stateWith('The fund paid ovr 422,000 euros to 12 families.'), 'ovr 422,000 euros', { ...verified, value: { type: 'number', value: 422000 }, qualifier: 'more_than' });
    state = replace(state, 'ovr', 'over');
    expect(figureOf(state)).toMatchObject({ status: 'accepted', figure: { value: { type: 'number', value: 422000 }, verification: 'verified' } });
  });

  it('keeps a value the editor set by hand while the words read the same number', () => {
    const text = 'Several dozen familes fled, officials said.';
    let state = tagFigure(stateWith(text), 'Several dozen familes', { ...verified, value: { type: 'number', value: 40 } });
    state = typeInside(state, 'familes', 5, 'i');
    expect(figureOf(state).figure).toMatchObject({ value: { type: 'number', value: 40 }, unit: 'families', verification: 'verified' });
  });

  it('proposes the value again for an unchecked figure without flagging it', () => {
    let state = tagFigure(stateWith(paragraph), 'over 422,000 euros', {});
    state = replace(state, '422', '432');
    expect(figureOf(state)).toMatchObject({ status: 'accepted', figure: { value: { type: 'number', value: 432000 }, verification: 'unchecked' } });
    expect(figureOf(state).review ?? null).toBeNull();
  });

  it('goes back to the verified record on undo, and to the flagged one on redo', () => {
    let state = tagFigure(stateWith(paragraph), 'over 422,000 euros', verified);
    state = replace(state, '422', '432');
    state = run(state, undo);
    expect(figureOf(state)).toMatchObject({ status: 'accepted', quote: 'over 422,000 euros', figure: { value: { type: 'number', value: 422000 }, verification: 'verified' } });
    expect(articleText(state.doc).text).toContain('over 422,000 euros');
    state = run(state, redo);
    expect(figureOf(state)).toMatchObject({ status: 'needs_review', figure: { value: { type: 'number', value: 432000 }, verification: 'unchecked' } });
  });
});

describe('a figure whose words run over two paragraphs', () => {
  it('is read from all of its words, not only those of the paragraph edited', () => {
    const mark = articleSchema.marks.annotation!.create({ id: 'fig', kind: 'figure', label: 'figure', part: 'content' });
    const doc = articleSchema.node('doc', null, [
      articleSchema.node('headline', null, [articleSchema.text('Fund pays families')]),
      articleSchema.node('paragraph', null, [articleSchema.text('The fund paid '), articleSchema.text('over 422,000', [mark])]),
      articleSchema.node('paragraph', null, [articleSchema.text('euros', [mark]), articleSchema.text(' to 12 families.')]),
    ]);
    const words = 'over 422,000 euros';
    const record: FigureAnnotation = {
      id: 'fig', kind: 'figure', status: 'accepted', author: 'import', createdAt: '', updatedAt: '', note: '', quote: words,
      figure: { ...proposedFigureFields(words), ...verified } as FigureFields,
    };
    let state = EditorState.create({ doc, plugins: [annotationRecordsPlugin({ fig: record }), history(), reviewFlaggingPlugin(() => flaggedAt)] });
    state = replace(state, '422', '432');
    expect(figureOf(state)).toMatchObject({
      status: 'needs_review',
      quote: 'over 432,000 euros',
      review: { reason: 'figure_changed', detail: 'over 422,000 euros → over 432,000 euros' },
      figure: { value: { type: 'number', value: 432000 }, currency: 'EUR', verification: 'unchecked' },
    });
  });
});

describe('edits that leave records alone', () => {
  it('does nothing for typing outside tags or at the edge of a figure', () => {
    const state = tagFigure(stateWith(paragraph), 'over 422,000 euros', verified);
    expect(appendedBy(state, state.tr.insertText('X', positionOf(state, 'Sunday').from))).toHaveLength(0);
    const figure = positionOf(state, 'over 422,000 euros');
    expect(appendedBy(state, state.tr.insertText('X', figure.to))).toHaveLength(0);
    expect(appendedBy(state, state.tr.insertText('X', figure.from))).toHaveLength(0);
    expect(appendedBy(state, state.tr.insertText('3', figure.from + 6))).toHaveLength(1);
  });

  it('keeps an entity whose words change but remain as it was', () => {
    let state = tag(stateWith(paragraph), 'Acme', { kind: 'entity', entityType: 'organisation' }, 'org');
    const before = annotationMapOf(state).org;
    state = replace(state, 'cm', 'cn');
    expect(spanText(articleText(state.doc).text, articleText(state.doc).spans.get('org') ?? [])).toBe('Acne');
    expect(annotationMapOf(state).org).toEqual(before);
  });

  it('trusts a transaction that sets the record itself', () => {
    let state = tagFigure(stateWith(paragraph), 'over 422,000 euros', verified);
    const { from, to } = positionOf(state, '422');
    const record = { ...figureOf(state), note: 'set with the words' } satisfies Annotation;
    state = state.apply(setAnnotationRecord(state, state.tr.insertText('432', from, to), 'fig', record));
    expect(figureOf(state)).toEqual(record);
  });
});

describe('a tag whose words are all deleted', () => {
  it('needs review with the words it had as the reason and quote, and undo brings both back', () => {
    let state = tag(stateWith(paragraph), 'Acme', { kind: 'entity', entityType: 'organisation' }, 'org');
    state = replace(state, 'cm', 'cn');
    state = state.apply(closeHistory(state.tr));
    const { from, to } = positionOf(state, 'Acne');
    state = state.apply(state.tr.delete(from - 1, to));
    expect(annotationMapOf(state).org).toMatchObject({ status: 'needs_review', quote: 'Acne', review: { reason: 'words_deleted', detail: 'Acne' }, updatedAt: flaggedAt });
    state = run(state, undo);
    expect(annotationMapOf(state).org).toMatchObject({ status: 'accepted' });
    const plain = articleText(state.doc);
    expect(spanText(plain.text, plain.spans.get('org') ?? [])).toBe('Acne');
  });

  it('does not flag a tag that keeps words in another paragraph', () => {
    const mark = articleSchema.marks.annotation!.create({ id: 'quote', kind: 'attribution', label: 'attribution', part: 'content' });
    const doc = articleSchema.node('doc', null, [
      articleSchema.node('headline', null, [articleSchema.text('Talks')]),
      articleSchema.node('paragraph', null, [articleSchema.text('“We are ready,', [mark]), articleSchema.text(' he said.')]),
      articleSchema.node('paragraph', null, [articleSchema.text('“We will talk.”', [mark])]),
    ]);
    const record: Annotation = {
      id: 'quote', kind: 'attribution', status: 'accepted', author: '', createdAt: '', updatedAt: '', note: '', quote: '“We are ready,',
      mode: 'direct', speaker: null, medium: '', mediumEntityId: null,
    };
    let state = EditorState.create({ doc, plugins: [annotationRecordsPlugin({ quote: record }), history(), reviewFlaggingPlugin(() => flaggedAt)] });
    const { from, to } = positionOf(state, '“We are ready,');
    state = state.apply(state.tr.delete(from, to));
    expect(annotationMapOf(state).quote).toEqual(record);
  });

  it('flags a deleted figure as deleted, not as changed', () => {
    let state = tagFigure(stateWith(paragraph), 'over 422,000 euros', verified);
    const { from, to } = positionOf(state, 'over 422,000 euros ');
    state = state.apply(state.tr.delete(from, to));
    expect(figureOf(state)).toMatchObject({ status: 'needs_review', review: { reason: 'words_deleted', detail: 'over 422,000 euros' }, figure: { verification: 'verified' } });
  });
});
