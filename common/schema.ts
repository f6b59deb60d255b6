import { Schema, type NodeSpec, type MarkSpec } from 'prosemirror-model';

/**
 * The one document schema of an article, shared by the renderer's editor and by the services
 * (validation, plain text, search, export). Plain data: no view code lives here.
 *
 * Where the annotation records live depends on who holds the document. Stored and exchanged (the database,
 * JSON exports, the services), the document's `annotations` attribute holds every record, keyed by id. While
 * an article is edited, the records live in the editor's annotation-records plugin instead and change through
 * `AnnotationRecordStep`s in the same transactions as the text (so history undoes tagging and typing alike):
 * a changed top-level attribute would make ProseMirror redraw the whole document. `splitStoredDocument` and
 * `articleDocumentJson` (common/editor/annotationRecords.ts) move them between the two.
 *
 * Spans are carried by `annotation` marks: the record's id, plus what the highlight needs to be drawn without
 * a lookup (kind, label, part, and whether the record is a suggestion). Every other field is in the record;
 * the model keeps the drawn attributes in step with it (common/model/marks.ts).
 */
// The schema is plain data shared with Node, so it names only the DOM it reads.
interface DomElement {
  getAttribute(name: string): string | null;
}

const blockNodes: Record<string, NodeSpec> = {
  headline: {
    content: 'text*',
    marks: 'annotation',
    defining: true,
    parseDOM: [{ tag: 'h1' }],
    toDOM: () => ['h1', { class: 'block-headline' }, 0],
  },
  // Where and when the story was filed, as the copy says it ("DAMASCUS, March 11 (Reuters)", "Sunday, August 2, 2015").
  dateline: {
    content: 'text*',
    group: 'block',
    marks: 'annotation',
    parseDOM: [{ tag: 'p.dateline' }, { tag: 'p.block-dateline' }],
    toDOM: () => ['p', { class: 'block-dateline' }, 0],
  },
  standfirst: {
    content: 'text*',
    group: 'block',
    marks: 'annotation',
    parseDOM: [{ tag: 'p.standfirst' }],
    toDOM: () => ['p', { class: 'block-standfirst' }, 0],
  },
  paragraph: {
    content: 'text*',
    group: 'block',
    marks: 'annotation',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', { class: 'block-paragraph' }, 0],
  },
  subhead: {
    content: 'text*',
    group: 'block',
    marks: 'annotation',
    defining: true,
    parseDOM: [{ tag: 'h2' }, { tag: 'h3' }],
    toDOM: () => ['h2', { class: 'block-subhead' }, 0],
  },
  caption: {
    content: 'text*',
    group: 'block',
    marks: 'annotation',
    attrs: { credit: { default: '' } },
    parseDOM: [
      {
        tag: 'figcaption',
        getAttrs: (dom) => ({ credit: (dom as DomElement).getAttribute('data-credit') ?? '' }),
      },
    ],
    toDOM: (node) => [
      'figcaption',
      { class: 'block-caption', 'data-credit': String(node.attrs.credit ?? '') },
      0,
    ],
  },
  credit: {
    content: 'text*',
    group: 'block',
    marks: 'annotation',
    parseDOM: [{ tag: 'p.credit' }],
    toDOM: () => ['p', { class: 'block-credit' }, 0],
  },
};

const annotationMark: MarkSpec = {
  attrs: {
    id: {},
    kind: {},
    // What the highlight shows: the entity type, "figure", "attribution" or "cue".
    label: {},
    // "content" for the tagged words; "cue" for an attribution's reporting verb span.
    part: { default: 'content' },
    // True while the record is a suggestion waiting for the editor, so it is drawn outlined without a lookup.
    suggested: { default: false },
  },
  // Tags overlap and nest, and typing at an edge must not grow them.
  excludes: '',
  inclusive: false,
  spanning: true,
  parseDOM: [
    {
      tag: 'span[data-ann-id]',
      getAttrs: (dom) => {
        const el = dom as DomElement;
        return {
          id: el.getAttribute('data-ann-id'),
          kind: el.getAttribute('data-ann-kind'),
          label: el.getAttribute('data-ann-label'),
          part: el.getAttribute('data-ann-part') ?? 'content',
          suggested: el.getAttribute('data-ann-suggested') === 'true',
        };
      },
    },
  ],
  toDOM: (mark) => [
    'span',
    {
      class: `ann ann-${mark.attrs.kind} ann-label-${mark.attrs.label} ann-part-${mark.attrs.part}${mark.attrs.suggested ? ' ann-suggested' : ''}`,
      'data-ann-id': mark.attrs.id,
      'data-ann-kind': mark.attrs.kind,
      'data-ann-label': mark.attrs.label,
      'data-ann-part': mark.attrs.part,
      ...(mark.attrs.suggested ? { 'data-ann-suggested': 'true' } : {}),
    },
    0,
  ],
};

export const articleSchema = new Schema({
  nodes: {
    doc: {
      content: 'headline block+',
      attrs: { annotations: { default: {} } },
    },
    ...blockNodes,
    text: {},
  },
  marks: { annotation: annotationMark },
});

/** Block node names in the order the importers and exporters know them. */
export const blockTypeNames = ['headline', 'dateline', 'standfirst', 'paragraph', 'subhead', 'caption', 'credit'] as const;
export type BlockTypeName = (typeof blockTypeNames)[number];
