import { describe, expect, it } from 'vitest';
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { articleSchema } from '../../common/schema';
import { articleText, parseArticleDocument } from '../../common/articleText';
import { annotationMark } from '../../common/model/marks';
import { documentFromPacked, packedDocumentOf, type PackedDocument } from '../../common/packedDocument';
import { makeArticle, markupArticle, taggedSample, unicodeArticle } from '../support/taggedSample';

// The text, tags and records of a document: what packing must keep (the order of marks on a text node aside).
function contentOf(doc: ProseMirrorNode) {
  const blocks: { type: string; attrs: unknown }[] = [];
  doc.forEach((block) => blocks.push({ type: block.type.name, attrs: block.attrs }));
  const { text, spans } = articleText(doc);
  return { blocks, text, spans: [...spans.entries()].sort(([a], [b]) => (a < b ? -1 : 1)), records: doc.attrs.annotations };
}

function marksOf(doc: ProseMirrorNode): Mark[] {
  const marks: Mark[] = [];
  doc.descendants((node) => {
    marks.push(...node.marks);
  });
  return marks;
}

describe('the packed document', () => {
  const fixtures = { 'the tagged sample': taggedSample(), 'text that breaks offsets': unicodeArticle(), 'markup in the text': markupArticle() };

  for (const [name, fixture] of Object.entries(fixtures)) {
    it(`keeps every block, word, tag and record of ${name}, and rebuilds a document the schema accepts`, () => {
      const packed = packedDocumentOf(fixture.doc);
      // It crosses the process boundary as JSON.
      const rebuilt = documentFromPacked(JSON.parse(JSON.stringify(packed)) as PackedDocument);
      expect(contentOf(rebuilt)).toEqual(contentOf(fixture.doc));
      expect(() => rebuilt.check()).not.toThrow();
      expect(parseArticleDocument(rebuilt.toJSON()).eq(rebuilt)).toBe(true);
      expect(packedDocumentOf(rebuilt)).toEqual(packed);
      expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(fixture.doc.toJSON()).length);
    });
  }

  it('makes each mark once, from its record', () => {
    const { doc } = taggedSample();
    const rebuilt = documentFromPacked(packedDocumentOf(doc));
    const byId = new Map<string, Set<Mark>>();
    for (const mark of marksOf(rebuilt)) {
      const key = `${String(mark.attrs.id)} ${String(mark.attrs.part)}`;
      byId.set(key, (byId.get(key) ?? new Set()).add(mark));
      const record = rebuilt.attrs.annotations[mark.attrs.id as string];
      expect(mark.eq(annotationMark(record, mark.attrs.part))).toBe(true);
    }
    expect(byId.size).toBeGreaterThan(20);
    for (const marks of byId.values()) expect(marks.size).toBe(1);
  });

  it('puts the marks of a text node in one order, outer tags first, whatever order they were added in', () => {
    const article = (order: string[]) =>
      makeArticle(
        [{ type: 'paragraph', text: 'Mira Sato said the convoy left.' }],
        order.map((id) =>
          id === 'quote'
            ? { id, kind: 'attribution' as const, text: 'Mira Sato said the convoy left', mode: 'indirect' as const }
            : { id, kind: 'entity' as const, text: 'Mira Sato', entityType: 'person' as const },
        ),
      );
    const quoteFirst = documentFromPacked(packedDocumentOf(article(['quote', 'mira']).doc));
    const entityFirst = documentFromPacked(packedDocumentOf(article(['mira', 'quote']).doc));
    expect(quoteFirst.eq(entityFirst)).toBe(true);
    const firstText = quoteFirst.child(1).firstChild!;
    expect(firstText.text).toBe('Mira Sato');
    expect(firstText.marks.map((mark) => mark.attrs.id)).toEqual(['quote', 'mira']);
  });

  it('keeps a caption’s credit and an empty block', () => {
    const doc = articleSchema.node('doc', { annotations: {} }, [
      articleSchema.node('headline', null, [articleSchema.text('Pictures')]),
      articleSchema.node('caption', { credit: 'Photo: Desk' }, [articleSchema.text('A convoy at dawn.')]),
      articleSchema.node('paragraph', null, []),
    ]);
    const rebuilt = documentFromPacked(JSON.parse(JSON.stringify(packedDocumentOf(doc))) as PackedDocument);
    expect(rebuilt.eq(doc)).toBe(true);
    expect(packedDocumentOf(doc).blocks[1]).toEqual({ type: 'caption', attrs: { credit: 'Photo: Desk' }, text: 'A convoy at dawn.' });
  });

  it('refuses damaged data: a span without its record or outside its block, a malformed or overlapping span, an unknown block type, blocks that make no article', () => {
    const { annotations } = taggedSample();
    const someId = Object.keys(annotations)[0]!;
    const packed = (blocks: unknown[]): PackedDocument => ({ records: annotations, blocks: [{ type: 'headline', text: 'Headline' }, ...blocks] }) as PackedDocument;
    expect(() => documentFromPacked(packed([{ type: 'paragraph', text: 'Words here.', spans: [[0, 5, 'ann_missing']] }]))).toThrow(/ann_missing, which has no record/);
    expect(() => documentFromPacked(packed([{ type: 'paragraph', text: 'Words here.', spans: [[4, 40, someId]] }]))).toThrow(/does not fit its block of 11 characters/);
    expect(() => documentFromPacked(packed([{ type: 'doc', text: 'Words here.' }]))).toThrow(/Unknown block type doc/);
    expect(() => documentFromPacked(packed([{ type: 'paragraph', text: 'Words here.', spans: [[0, 5, 'toString']] }]))).toThrow(/which has no record/);
    expect(() => documentFromPacked(packed([{ type: 'paragraph', text: '', spans: [[0, 1, someId]] }]))).toThrow(/does not fit its block of 0 characters/);
    expect(() => documentFromPacked(packed([{ type: 'paragraph', text: 'Words here.', spans: [[0.5, 5, someId]] }]))).toThrow(/is not \[start, end, id\]/);
    expect(() => documentFromPacked(packed([{ type: 'paragraph', text: 'Words here.', spans: [[0, 5, someId, 'content']] }]))).toThrow(/is not \[start, end, id\]/);
    expect(() => documentFromPacked(packed([{ type: 'paragraph', text: 'Words here.', spans: [[0, 5, someId], [3, 8, someId]] }]))).toThrow(`Two spans of ${someId} overlap`);
    // The same words as content and as cue of one tag are two marks, not an overlap.
    expect(documentFromPacked(packed([{ type: 'paragraph', text: 'Words here.', spans: [[0, 5, someId], [0, 5, someId, 'cue']] }])).child(1).firstChild!.marks).toHaveLength(2);
    // Attributes a block's type does not declare, a caption's credit that is not text, a field a block does not have.
    expect(() => documentFromPacked(packed([{ type: 'paragraph', attrs: { credit: 'AP' }, text: 'Words here.' }]))).toThrow(/Unsupported attribute credit/);
    expect(() => documentFromPacked(packed([{ type: 'caption', attrs: { credit: 7 }, text: 'Words here.' }]))).toThrow(/credit must be text/);
    expect(documentFromPacked(packed([{ type: 'caption', text: 'Words here.' }])).child(1).attrs).toEqual({ credit: '' });
    expect(() => documentFromPacked(packed([{ type: 'paragraph', text: 'Words here.', marks: [] }]))).toThrow(/unknown field marks/);
    // A headline alone, or a second one after the body, is no article.
    expect(() => documentFromPacked(packed([]))).toThrow(/Invalid content/);
    expect(() => documentFromPacked(packed([{ type: 'paragraph', text: 'Body.' }, { type: 'headline', text: 'Again' }]))).toThrow(/Invalid content/);
  });

  it('draws each tag as its record now is, whatever an older stored mark said', () => {
    const { doc } = taggedSample();
    const [id, record] = Object.entries(doc.attrs.annotations as Record<string, { kind: string; entityType?: string }>).find(([, candidate]) => candidate.kind === 'entity' && candidate.entityType !== 'place')!;
    const relabelled = articleSchema.node('doc', { annotations: { ...doc.attrs.annotations, [id]: { ...record, entityType: 'place' } } }, doc.content);
    const labels = new Set(marksOf(documentFromPacked(packedDocumentOf(relabelled))).filter((mark) => mark.attrs.id === id).map((mark) => mark.attrs.label));
    expect(new Set(marksOf(relabelled).filter((mark) => mark.attrs.id === id).map((mark) => mark.attrs.label))).not.toEqual(new Set(['place']));
    expect(labels).toEqual(new Set(['place']));
  });

  it('rebuilds a block of 20,000 tags, one on each word', () => {
    const words = Array.from({ length: 20_000 }, (_, index) => `w${index}`);
    const text = words.join(' ');
    const template = Object.values(taggedSample().annotations).find((record) => record.kind === 'entity')!;
    const records = Object.fromEntries(words.map((word, index) => [`ann_${index}`, { ...template, id: `ann_${index}`, quote: word }]));
    let offset = 0;
    const spans = words.map((word, index) => {
      const span: [number, number, string] = [offset, offset + word.length, `ann_${index}`];
      offset += word.length + 1;
      return span;
    });
    const rebuilt = documentFromPacked({ records, blocks: [{ type: 'headline', text: 'Many' }, { type: 'paragraph', text, spans }] } as PackedDocument);
    expect(rebuilt.child(1).childCount).toBe(2 * words.length - 1);
    expect(articleText(rebuilt).spans.size).toBe(words.length);
  });
});
