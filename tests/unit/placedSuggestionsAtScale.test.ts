import { describe, expect, it } from 'vitest';
import { Transform } from 'prosemirror-transform';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Annotation } from '../../common/model/annotation';
import { annotationMark } from '../../common/model/marks';
import { withPlacedAnnotations, type PlacedAnnotation } from '../../common/model/suggestions';
import { articleSchema } from '../../common/schema';

/**
 * Placing suggestions on a stored document (import, the command line's `suggest`) adds their marks block by
 * block in one sweep: the same document as one mark step per span, without the cost that grew with the
 * document's blocks times the suggestions (a 50,000-paragraph .docx killed the host) or with a paragraph's
 * text nodes times its suggestions.
 */

const now = '2026-11-30T00:00:00.000Z';

function figure(id: string): Annotation {
  return {
    id,
    kind: 'figure',
    status: 'suggested',
    author: 'suggestions',
    createdAt: now,
    updatedAt: now,
    note: '',
    quote: '5',
    figure: { figureKind: 'count', value: { type: 'number', value: 5 }, qualifier: 'exactly', unit: '', currency: null, verification: 'unchecked', sourceNote: '' },
  };
}

function documentOf(paragraphs: string[]): ProseMirrorNode {
  return articleSchema.node('doc', { annotations: {} }, [
    articleSchema.node('headline', null, [articleSchema.text('Harbour figures 🌊')]),
    ...paragraphs.map((text) => articleSchema.node('paragraph', null, [articleSchema.text(text)])),
  ]);
}

// Each sentence's "5" as a placed figure, for every paragraph; positions as the document counts them.
function figuresOn(doc: ProseMirrorNode, sentence: string): PlacedAnnotation[] {
  const placed: PlacedAnnotation[] = [];
  doc.forEach((block, offset, index) => {
    if (index === 0) return;
    const text = block.textContent;
    for (let at = text.indexOf(sentence); at >= 0; at = text.indexOf(sentence, at + 1)) {
      placed.push({ record: figure(`fig${placed.length}`), spans: [{ from: offset + 1 + at, to: offset + 2 + at, part: 'content' }] });
    }
  });
  return placed;
}

function withMarkSteps(doc: ProseMirrorNode, placed: readonly PlacedAnnotation[]): ProseMirrorNode {
  const tr = new Transform(doc);
  for (const { record, spans } of placed) for (const span of spans) tr.addMark(span.from, span.to, annotationMark(record, span.part));
  return tr.doc;
}

describe('placing suggestions at scale', () => {
  it('gives the same document as one mark step per span', () => {
    const doc = documentOf(['5 boats left. Then 5 more, with 🚢 5 crews.', 'وصل 5 people.', 'No figure here.']);
    const placed = figuresOn(doc, '5');
    placed.push({ record: figure('across'), spans: [{ from: placed[0]!.spans[0]!.from + 2, to: placed[0]!.spans[0]!.from + 6, part: 'content' }] });
    const result = withPlacedAnnotations(doc, placed.slice(0, -1));
    result.check();
    expect(result.content.eq(withMarkSteps(doc, placed.slice(0, -1)).content)).toBe(true);
    expect(Object.keys(result.attrs.annotations as object)).toHaveLength(placed.length - 1);
    // An overlapping span adds its mark over exactly its words.
    const overlapping = withPlacedAnnotations(doc, placed);
    const marked: string[] = [];
    overlapping.descendants((node) => {
      if (node.isText && node.marks.some((mark) => mark.attrs.id === 'across')) marked.push(node.text!);
    });
    expect(marked.join('')).toBe('boat');
  });

  it('places 20,000 suggestions in one paragraph and 20,000 paragraphs of one each in seconds', () => {
    const long = documentOf(['5 people came. '.repeat(20_000).trim()]);
    const many = documentOf(Array.from({ length: 20_000 }, (_, index) => `Para ${index}: 5 people.`));
    const started = performance.now();
    const inOne = withPlacedAnnotations(long, figuresOn(long, '5 people'));
    const acrossMany = withPlacedAnnotations(many, figuresOn(many, '5 people'));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(inOne.child(1).childCount).toBe(40_000);
    expect(Object.keys(acrossMany.attrs.annotations as object)).toHaveLength(20_000);
    expect(acrossMany.child(20_000).firstChild!.marks).toEqual([]);
    expect(acrossMany.child(20_000).child(1).marks.map((mark) => mark.attrs.id)).toEqual(['fig19999']);
  });
});
