import { describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import { annotationsOf, articleText } from '../../common/articleText';
import { linkedEntityIds, linkedEntityOf, subjectEntityOf, withEntityLink, withEntityLinksMoved } from '../../common/model/entityLinks';
import { annotationMark, markLabel } from '../../common/model/marks';
import { placeSuggestions, rejectionKey, taggedWordsOf, withoutSuggestions, withoutTaggedWords, withPlacedAnnotations } from '../../common/model/suggestions';
import type { SuggestionResult } from '../../common/suggestions/types';
import { taggedInlineContent } from '../../common/model/taggedText';
import { articleSchema } from '../../common/schema';
import { attributionRecord, entityRecord, figureRecord } from '../integration/storeFixtures';

// The marks of each text node of a block, as "text[id:part,...]" so overlaps read at a glance.
function describeNodes(nodes: ReturnType<typeof taggedInlineContent>): string[] {
  return nodes.map((node) => `${node.text}[${node.marks.map((mark) => `${mark.attrs.id}:${mark.attrs.part}`).sort().join(',')}]`);
}

describe('the annotation mark', () => {
  it('shows the record label on content and "cue" on a cue', () => {
    const person = entityRecord('p1', 'Ana', 'person');
    const quote = attributionRecord('q1', 'we leave', 'Ana', null);
    expect(markLabel(person, 'content')).toBe('person');
    expect(markLabel(quote, 'content')).toBe('attribution');
    expect(markLabel(quote, 'cue')).toBe('cue');
    expect({ ...annotationMark(quote, 'cue').attrs }).toEqual({ id: 'q1', kind: 'attribution', label: 'cue', part: 'cue', suggested: false });
    expect(annotationMark({ ...person, status: 'suggested' }).attrs.suggested).toBe(true);
  });
});

describe('text with spans to inline nodes', () => {
  const records: AnnotationMap = {
    q1: attributionRecord('q1', 'Ana said 400 people left', 'Ana', null),
    p1: entityRecord('p1', 'Ana', 'person'),
    f1: figureRecord('f1', '400 people', 400, 'people'),
  };

  it('cuts the text where spans start and end, nesting and crossing alike', () => {
    const text = 'Ana said 400 people left';
    const nodes = taggedInlineContent(text, [
      { start: 0, end: 24, annotationId: 'q1' },
      { start: 0, end: 3, annotationId: 'p1' },
      { start: 4, end: 8, annotationId: 'q1', part: 'cue' },
      { start: 9, end: 19, annotationId: 'f1' },
    ], records);
    expect(describeNodes(nodes)).toEqual([
      'Ana[p1:content,q1:content]',
      ' [q1:content]',
      'said[q1:content,q1:cue]',
      ' [q1:content]',
      '400 people[f1:content,q1:content]',
      ' left[q1:content]',
    ]);
    expect(nodes.map((node) => node.text).join('')).toBe(text);
  });

  it('gives two overlapping spans of one record one mark, held until the last of them ends', () => {
    const nodes = taggedInlineContent('abcdef', [
      { start: 0, end: 4, annotationId: 'p1' },
      { start: 2, end: 6, annotationId: 'p1' },
    ], records);
    expect(describeNodes(nodes)).toEqual(['ab[p1:content]', 'cd[p1:content]', 'ef[p1:content]']);
  });

  it('refuses a span of a missing record, including inherited keys such as toString', () => {
    expect(() => taggedInlineContent('abc', [{ start: 0, end: 1, annotationId: 'nope' }], records)).toThrow(/missing annotation nope/);
    expect(() => taggedInlineContent('abc', [{ start: 0, end: 1, annotationId: 'toString' }], records)).toThrow(/missing annotation toString/);
  });

  it('puts thousands of spans on one word, each mark once', () => {
    const many: AnnotationMap = {};
    const spans = [];
    for (let i = 0; i < 5000; i++) {
      many[`e${i}`] = entityRecord(`e${i}`, 'word', 'other');
      spans.push({ start: i % 2, end: 4, annotationId: `e${i}` });
    }
    const nodes = taggedInlineContent('word', spans, many);
    expect(nodes).toHaveLength(2);
    expect(nodes[1]!.marks).toHaveLength(5000);
  });
});

describe('links to the registry', () => {
  it('reads a mention, a speaker and a medium through one function', () => {
    const mention = entityRecord('p1', 'Ana', 'person', 'ent_ana');
    const quote = { ...attributionRecord('q1', 'we leave', 'Ana', 'ent_ana'), mediumEntityId: 'ent_afp' };
    const figure = figureRecord('f1', '400', 400, '');
    expect(linkedEntityOf(mention, 'entity')).toBe('ent_ana');
    expect(linkedEntityOf(mention, 'speaker')).toBeUndefined();
    expect(linkedEntityIds(quote)).toEqual(['ent_ana', 'ent_afp']);
    expect(subjectEntityOf(quote)).toBe('ent_ana');
    expect(linkedEntityIds(figure)).toEqual([]);
    expect(subjectEntityOf(figure)).toBeNull();
  });

  it('moves and retypes links without touching records that have none', () => {
    const mention = entityRecord('p1', 'Ana', 'person', 'ent_ana');
    expect(withEntityLink(mention, 'entity', 'ent_x', 'organisation')).toMatchObject({ entityId: 'ent_x', entityType: 'organisation' });
    const quote = { ...attributionRecord('q1', 'we leave', 'Ana', 'ent_ana'), mediumEntityId: 'ent_afp' };
    const moved = withEntityLinksMoved(quote, (id) => (id === 'ent_afp' ? null : `new_${id}`));
    expect(linkedEntityOf(moved, 'speaker')).toBe('new_ent_ana');
    expect(linkedEntityOf(moved, 'medium')).toBeNull();
    const figure = figureRecord('f1', '400', 400, '');
    expect(withEntityLinksMoved(figure, () => 'x')).toBe(figure);
  });
});

describe('exports without suggestions', () => {
  it('drops suggested records and their marks, and keeps the text and every other tag', () => {
    const records: AnnotationMap = {
      p1: entityRecord('p1', 'Ana', 'person'),
      s1: { ...entityRecord('s1', 'Douma', 'place'), status: 'suggested' },
    };
    const block = articleSchema.node('paragraph', null, taggedInlineContent('Ana went to Douma', [
      { start: 0, end: 3, annotationId: 'p1' },
      { start: 12, end: 17, annotationId: 's1' },
    ], records));
    const doc = articleSchema.node('doc', { annotations: records }, [articleSchema.node('headline', null, [articleSchema.text('Title')]), block]);
    const kept = withoutSuggestions(doc);
    expect(Object.keys(annotationsOf(kept))).toEqual(['p1']);
    expect(kept.textContent).toBe(doc.textContent);
    const paragraph = kept.child(1);
    // "Ana" keeps its mark; " went to " and "Douma" are one unmarked text node again.
    expect(paragraph.childCount).toBe(2);
    expect(paragraph.child(1).text).toBe(' went to Douma');
    kept.check();
    expect(withoutSuggestions(kept)).toBe(kept);
  });
});

describe('placing suggestions', () => {
  // One paragraph, "Ana Lopez said 400 people left.", with Ana Lopez already tagged by the editor.
  const records: AnnotationMap = { p1: entityRecord('p1', 'Ana Lopez', 'person') };
  const paragraph = articleSchema.node('paragraph', null, taggedInlineContent('Ana Lopez said 400 people left.', [{ start: 0, end: 9, annotationId: 'p1' }], records));
  const doc = articleSchema.node('doc', { annotations: records }, [articleSchema.node('headline', null, [articleSchema.text('T')]), paragraph]);
  const text = articleText(doc);
  const offset = text.blocks[1]!.start;
  const figure = { figureKind: 'count' as const, value: { type: 'number' as const, value: 400 }, qualifier: 'exactly' as const, unit: 'people', currency: null, verification: 'unchecked' as const, sourceNote: '' };
  const result: SuggestionResult = {
    text: text.text,
    entities: [
      { kind: 'entity', start: offset, end: offset + 9, text: 'Ana Lopez', entityType: 'person', entityId: null, evidence: 'speech-subject', confidence: 0.8 },
      { kind: 'entity', start: offset + 4, end: offset + 9, text: 'Lopez', entityType: 'person', entityId: null, evidence: 'propagated', confidence: 0.6 },
    ],
    figures: [{ kind: 'figure', start: offset + 15, end: offset + 25, text: '400 people', figure, confidence: 0.9 }],
    attributions: [],
  };
  let counter = 0;
  const place = (rejected: string[] = []) =>
    placeSuggestions(result, { text, existing: records, tagged: taggedWordsOf(text, records), rejected: new Set(rejected), now: '2024-01-01T00:00:00.000Z', newId: (prefix) => `${prefix}_${++counter}` });

  it('never stands on a tag of the same kind, and places the rest at their document positions', () => {
    const placed = place();
    expect(placed.map(({ record }) => [record.kind, record.quote, record.status, record.author])).toEqual([['figure', '400 people', 'suggested', 'suggestions']]);
    const [span] = placed[0]!.spans;
    expect(doc.textBetween(span!.from, span!.to)).toBe('400 people');
  });

  it('leaves out what the editor rejected for this article', () => {
    expect(place([rejectionKey('figure', '400 PEOPLE')])).toEqual([]);
  });

  it('can be answered without what tags cover, and places the same suggestions from that answer', () => {
    const tagged = taggedWordsOf(text, records);
    expect(tagged).toEqual({ entity: [[offset, offset + 9]] });
    const answer = withoutTaggedWords(result, tagged);
    // Both names stand on the tagged "Ana Lopez"; the figure does not.
    expect(answer.entities).toEqual([]);
    expect(answer.figures).toEqual(result.figures);
    const placedFrom = (from: SuggestionResult) => {
      let ids = 0;
      return placeSuggestions(from, { text, existing: records, tagged: taggedWordsOf(text, records), rejected: new Set(), now: '2024-01-01T00:00:00.000Z', newId: (prefix) => `${prefix}_${++ids}` });
    };
    expect(placedFrom(answer)).toEqual(placedFrom(result));
    // Other kinds' tags do not cover a suggestion: a figure tag leaves the names in the answer.
    expect(withoutTaggedWords(result, { figure: [[offset, offset + 9]] }).entities).toEqual(result.entities);
  });

  it('reads the tags sent as stretches of words: touching is not covering, and a span over everything costs no more than any', () => {
    const at = (start: number, end: number) => ({ ...result.entities[0]!, start, end });
    const answer = { ...result, entities: [at(0, 5), at(5, 10), at(20, 30), at(29, 31), at(40, 41)] };
    const kept = withoutTaggedWords(answer, { entity: [[10, 20], [25, 29], [26, 28], [41, 45], [50, 50]] }).entities;
    expect(kept.map((entity) => [entity.start, entity.end])).toEqual([[0, 5], [5, 10], [29, 31], [40, 41]]);
    expect(withoutTaggedWords(answer, { entity: [[0, Number.MAX_SAFE_INTEGER]] }).entities).toEqual([]);
  });

  it('adds the placed suggestions to a stored document as records and outlined marks', () => {
    const withSuggestions = withPlacedAnnotations(doc, place());
    withSuggestions.check();
    const added = Object.values(annotationsOf(withSuggestions)).find((record) => record.status === 'suggested')!;
    const marks = articleText(withSuggestions).spans.get(added.id);
    expect(marks).toHaveLength(1);
    let suggestedMarks = 0;
    withSuggestions.descendants((node) => {
      for (const mark of node.marks) if (mark.attrs.suggested) suggestedMarks += 1;
    });
    expect(suggestedMarks).toBe(1);
  });
});
