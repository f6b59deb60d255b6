import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { history, undo } from 'prosemirror-history';
import { articleSchema } from '../../common/schema';
import { articleText, spanText } from '../../common/articleText';
import type { AnnotationMap, EntityAnnotation } from '../../common/model/annotation';
import type { EntityRecord } from '../../common/api';
import { reviewFlaggingPlugin } from '../../common/editor/reviewFlagging';
import { addSpanToAnnotation, annotationMapOf, tagRange, type Command, type TagRequest } from '../../common/editor/annotationCommands';
import { annotationRecordsPlugin } from '../../common/editor/annotationRecords';
import { setAnnotationStatus, toggleNeedsReview } from '../../common/editor/reviewCommands';
import { removeCueSpan } from '../../common/editor/cueSpans';
import { needsReviewIds, needsReviewKey, needsReviewPlugin } from '../../common/editor/needsReviewTags';
import { nextAnnotationId } from '../../common/editor/annotationStepping';
import { newAliasesFrom, surnameOf, tagAllNames, tagOccurrences } from '../../common/editor/tagAllOccurrences';
import { tagAllCandidates } from '../../common/editor/tagAll';

const paragraphs = [
  '"We will not leave," said Vladimir Zolotukhin, who added: "not now," he told Interfax.',
  'Zolotukhin later said the talks had failed.',
];

function initialState(): EditorState {
  const doc = articleSchema.node('doc', null, [
    articleSchema.node('headline', null, [articleSchema.text('Talks fail')]),
    ...paragraphs.map((text) => articleSchema.node('paragraph', null, [articleSchema.text(text)])),
  ]);
  return EditorState.create({ doc, plugins: [annotationRecordsPlugin({}), history(), reviewFlaggingPlugin(() => '2026-01-02T00:00:00.000Z'), needsReviewPlugin()] });
}

function positionOf(state: EditorState, words: string, occurrence = 0): { from: number; to: number } {
  const plain = articleText(state.doc);
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) index = plain.text.indexOf(words, index + 1);
  const block = plain.blocks.find((candidate) => index >= candidate.start && index + words.length <= candidate.start + candidate.text.length);
  if (index < 0 || !block) throw new Error(`"${words}" is not in the document`);
  const from = block.docStart + (index - block.start);
  return { from, to: from + words.length };
}

function run(state: EditorState, command: Command): EditorState {
  let next = state;
  const done = command(state, (tr: Transaction) => {
    next = state.apply(tr);
  });
  expect(done).toBe(true);
  return next;
}

function tag(state: EditorState, words: string, request: TagRequest, id: string, occurrence = 0): EditorState {
  return run(state, tagRange(positionOf(state, words, occurrence), request, { id, author: 'tester', now: '2026-01-01T00:00:00.000Z' }));
}

function addCue(state: EditorState, id: string, words: string): EditorState {
  const { from, to } = positionOf(state, words);
  return run(state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to))), addSpanToAnnotation(id, 'cue'));
}

function cueWords(state: EditorState, id: string): string[] {
  const plain = articleText(state.doc);
  return (plain.spans.get(id) ?? []).filter((span) => span.part === 'cue').map((span) => plain.text.slice(span.start, span.end));
}

// The words the view underlines: those of the content marks of the tags the plugin holds as waiting for review.
function decoratedWords(state: EditorState): string[] {
  const plain = articleText(state.doc);
  return [...needsReviewKey.getState(state)!.ids]
    .map((id) => (plain.spans.get(id) ?? []).filter((span) => span.part === 'content').map((span) => plain.text.slice(span.start, span.end)).join(' … '))
    .filter((words) => words.length > 0);
}

describe('marking a tag as needing review', () => {
  it('records the reason set_by_editor, clears it on accepting, and undo restores each step', () => {
    let state = tag(initialState(), 'Interfax', { kind: 'entity', entityType: 'organisation' }, 'org');
    state = run(state, toggleNeedsReview('org', 'later'));
    expect(annotationMapOf(state).org).toMatchObject({ status: 'needs_review', review: { reason: 'set_by_editor', detail: '' }, updatedAt: 'later' });
    state = run(state, toggleNeedsReview('org', 'even later'));
    expect(annotationMapOf(state).org).toMatchObject({ status: 'accepted', review: null });
    state = run(state, undo);
    expect(annotationMapOf(state).org?.status).toBe('needs_review');
    state = run(state, undo);
    expect(annotationMapOf(state).org?.status).toBe('accepted');
  });

  it('keeps the recorded reason of a tag already waiting for review, and refuses a change that changes nothing', () => {
    let state = tag(initialState(), 'Interfax', { kind: 'entity', entityType: 'organisation' }, 'org');
    const flagged = { ...annotationMapOf(state).org!, status: 'needs_review' as const, review: { reason: 'words_changed' as const, detail: 'Interfax -> TASS' } };
    state = initialStateWith(state, { org: flagged });
    expect(setAnnotationStatus('org', 'needs_review', 'now')(state)).toBe(false);
    expect(annotationMapOf(state).org?.review?.reason).toBe('words_changed');
    state = run(state, setAnnotationStatus('org', 'suggested', 'now'));
    expect(annotationMapOf(state).org).toMatchObject({ status: 'suggested', review: null });
    expect(setAnnotationStatus('org', 'suggested', 'now')(state)).toBe(false);
    expect(toggleNeedsReview('missing', 'now')(state)).toBe(false);
  });
});

// The same document with other records, as an article opened from the store would have them.
function initialStateWith(state: EditorState, records: AnnotationMap): EditorState {
  return EditorState.create({ doc: state.doc, plugins: [annotationRecordsPlugin(records), history(), reviewFlaggingPlugin(), needsReviewPlugin()] });
}

describe('the tags waiting for review', () => {
  it('underline the words of tags waiting for review, from opening and after each status change', () => {
    let state = tag(initialState(), 'Interfax', { kind: 'entity', entityType: 'organisation' }, 'org');
    state = tag(state, 'Vladimir Zolotukhin', { kind: 'entity', entityType: 'person' }, 'person');
    expect(decoratedWords(state)).toEqual([]);
    state = run(state, toggleNeedsReview('org', 'now'));
    expect(decoratedWords(state)).toEqual(['Interfax']);
    expect([...needsReviewIds(state)]).toEqual(['org']);
    const reopened = initialStateWith(state, annotationMapOf(state));
    expect(decoratedWords(reopened)).toEqual(['Interfax']);
    state = run(state, toggleNeedsReview('org', 'now'));
    expect(decoratedWords(state)).toEqual([]);
  });

  it('follow the words through typing, and leave a tag with no words unmarked', () => {
    let state = tag(initialState(), 'Interfax', { kind: 'entity', entityType: 'organisation' }, 'org');
    state = run(state, toggleNeedsReview('org', 'now'));
    state = state.apply(state.tr.insertText('the agency ', positionOf(state, 'Interfax').from));
    expect(decoratedWords(state)).toEqual(['Interfax']);
    // Typing inside the words grows the underlined words with the tag.
    const inside = positionOf(state, 'fax').from;
    state = state.apply(state.tr.insertText('-', inside));
    expect(decoratedWords(state)).toEqual(['Inter-fax']);
    const words = positionOf(state, 'Inter-fax');
    state = state.apply(state.tr.delete(words.from, words.to));
    expect(annotationMapOf(state).org?.status).toBe('needs_review');
    expect(decoratedWords(state)).toEqual([]);
  });

  it('underline a tag that the deletion flagging marks, once its words are back', () => {
    let state = tag(initialState(), 'Interfax', { kind: 'entity', entityType: 'organisation' }, 'org');
    const words = positionOf(state, 'Interfax');
    state = state.apply(state.tr.delete(words.from, words.to));
    expect(needsReviewIds(state).has('org')).toBe(true);
    const more = positionOf(state, 'Zolotukhin later');
    state = run(state.apply(state.tr.setSelection(TextSelection.create(state.doc, more.from, more.from + 'Zolotukhin'.length))), addSpanToAnnotation('org', 'content'));
    // Adding the right words accepts the tag again: nothing is underlined.
    expect(annotationMapOf(state).org?.status).toBe('accepted');
    expect(decoratedWords(state)).toEqual([]);
  });
});

describe('accepting a flagged tag by giving it words again', () => {
  it('drops the recorded reason with the flag', () => {
    const tagged = tag(initialState(), 'Interfax', { kind: 'entity', entityType: 'organisation' }, 'org');
    const flagged = { ...annotationMapOf(tagged).org!, status: 'needs_review' as const, review: { reason: 'words_deleted' as const, detail: 'Interfax' } };
    let state = initialStateWith(tagged, { org: flagged });
    const words = positionOf(state, 'Zolotukhin later');
    state = run(state.apply(state.tr.setSelection(TextSelection.create(state.doc, words.from, words.from + 'Zolotukhin'.length))), addSpanToAnnotation('org', 'content'));
    expect(annotationMapOf(state).org).toMatchObject({ status: 'accepted', review: null });
  });
});

describe('removing one cue span', () => {
  it('removes only that cue, keeps the quote and the other cue, and undo brings it back', () => {
    let state = tag(initialState(), '"We will not leave,"', { kind: 'attribution', mode: 'direct' }, 'q');
    state = addCue(state, 'q', 'said');
    state = addCue(state, 'q', 'told Interfax');
    expect(cueWords(state, 'q')).toEqual(['said', 'told Interfax']);
    const said = positionOf(state, 'said');
    state = run(state, removeCueSpan('q', said));
    expect(cueWords(state, 'q')).toEqual(['told Interfax']);
    const plain = articleText(state.doc);
    expect(spanText(plain.text, plain.spans.get('q')!)).toBe('"We will not leave,"');
    expect(annotationMapOf(state).q?.kind).toBe('attribution');
    state = run(state, undo);
    expect(cueWords(state, 'q')).toEqual(['said', 'told Interfax']);
  });

  it('refuses a span that is not exactly a cue of that attribution', () => {
    let state = tag(initialState(), '"We will not leave,"', { kind: 'attribution', mode: 'direct' }, 'q');
    state = addCue(state, 'q', 'said');
    state = tag(state, 'Interfax', { kind: 'entity', entityType: 'organisation' }, 'org');
    const said = positionOf(state, 'said');
    expect(removeCueSpan('q', { from: said.from, to: said.to - 1 })(state)).toBe(false);
    expect(removeCueSpan('org', positionOf(state, 'Interfax'))(state)).toBe(false);
    expect(removeCueSpan('q', positionOf(state, '"We will not leave,"'))(state)).toBe(false);
    // After an edit moved the words, the old positions name no cue any more.
    const moved = state.apply(state.tr.insertText('X', 1));
    expect(removeCueSpan('q', said)(moved)).toBe(false);
  });
});

describe('stepping through the tags', () => {
  const records = (statuses: Record<string, 'accepted' | 'needs_review'>): AnnotationMap =>
    Object.fromEntries(
      Object.entries(statuses).map(([id, status]) => [id, { id, status, kind: 'entity', entityType: 'person', entityId: null, author: '', createdAt: '', updatedAt: '', note: '', quote: id } satisfies EntityAnnotation]),
    );

  it('goes in text order and wraps, with tags whose words are gone last', () => {
    const all = records({ a: 'accepted', b: 'needs_review', gone: 'needs_review', c: 'accepted' });
    const order = ['c', 'a', 'b'];
    expect(nextAnnotationId(all, order, null, 1, 'all')).toBe('c');
    expect(nextAnnotationId(all, order, null, -1, 'all')).toBe('gone');
    expect(nextAnnotationId(all, order, 'b', 1, 'all')).toBe('gone');
    expect(nextAnnotationId(all, order, 'gone', 1, 'all')).toBe('c');
    expect(nextAnnotationId(all, order, 'c', -1, 'all')).toBe('gone');
  });

  it('visits only the tags needing review when asked, and answers null when none does', () => {
    const all = records({ a: 'accepted', b: 'needs_review', gone: 'needs_review', c: 'accepted' });
    expect(nextAnnotationId(all, ['c', 'a', 'b'], 'c', 1, 'needs_review')).toBe('b');
    expect(nextAnnotationId(all, ['c', 'a', 'b'], 'b', 1, 'needs_review')).toBe('gone');
    expect(nextAnnotationId(records({ a: 'accepted' }), ['a'], null, 1, 'needs_review')).toBeNull();
    // Ids in the text without a record (a stale list) are skipped.
    expect(nextAnnotationId(records({ a: 'accepted' }), ['zombie', 'a'], null, 1, 'all')).toBe('a');
  });
});

describe('tag all occurrences', () => {
  const entity: EntityRecord = { id: 'ent_1', name: 'Vladimir Zolotukhin', type: 'person', aliases: ['Major General Vladimir Zolotukhin'], externalIds: {}, description: '', createdAt: '', updatedAt: '' };

  it('takes a surname from names of two words or more that end in a capitalised word of three letters or more', () => {
    expect(surnameOf('Vladimir Zolotukhin')).toBe('Zolotukhin');
    expect(surnameOf('Zolotukhin')).toBeNull();
    expect(surnameOf('Kim Ng')).toBeNull();
    expect(surnameOf('the spokesman')).toBeNull();
    expect(surnameOf('  Wael   Alwan ')).toBe('Alwan');
  });

  it('looks for the words, the registry names and, for a person, their surnames, each once', () => {
    const mention = { kind: 'entity', entityType: 'person', entityId: 'ent_1' } as EntityAnnotation;
    expect(tagAllNames(mention, 'Vladimir Zolotukhin', entity)).toEqual(['Vladimir Zolotukhin', 'Major General Vladimir Zolotukhin', 'Zolotukhin']);
    const organisation = { kind: 'entity', entityType: 'organisation', entityId: null } as EntityAnnotation;
    expect(tagAllNames(organisation, 'Interfax News Agency', null)).toEqual(['Interfax News Agency']);
    expect(tagAllNames(organisation, '  ', null)).toEqual([]);
  });

  it('tags the chosen occurrences as the same entity in one undo step, and refuses once the text changed', () => {
    let state = tag(initialState(), 'Vladimir Zolotukhin', { kind: 'entity', entityType: 'person', entityId: 'ent_1' }, 'first');
    const candidates = tagAllCandidates(state, ['Zolotukhin'], 'ent_1', 'first');
    const untagged = candidates.filter((candidate) => !candidate.alreadyTagged);
    expect(untagged.map((candidate) => candidate.text)).toEqual(['Zolotukhin']);
    const edited = state.apply(state.tr.insertText('X', 1));
    expect(tagOccurrences('first', untagged, state.doc, () => ({ id: 'n', author: '', now: '' }))(edited)).toBe(false);
    state = run(state, tagOccurrences('first', untagged, state.doc, (index) => ({ id: `more_${index}`, author: 'tester', now: 'now' })));
    expect(annotationMapOf(state).more_0).toMatchObject({ kind: 'entity', entityType: 'person', entityId: 'ent_1', quote: 'Zolotukhin' });
    state = run(state, undo);
    expect(annotationMapOf(state).more_0).toBeUndefined();
    expect(annotationMapOf(state).first).toBeDefined();
  });

  it('proposes as aliases only the forms the registry does not know, compared as the registry compares names', () => {
    const found = (text: string) => ({ from: 0, to: 0, text, before: '', after: '', alreadyTagged: false });
    expect(newAliasesFrom(entity, [found('Zolotukhin'), found('vladimir  zolotukhin'), found('Zolotukhin'), found('Gen. Zolotukhin')])).toEqual(['Zolotukhin', 'Gen. Zolotukhin']);
  });
});
