import { Fragment, Mark, type Node as ProseMirrorNode } from 'prosemirror-model';
import type { Annotation, AnnotationKind, AnnotationMap, AnnotationPart, EntityType } from './annotation';
import { textOffsetToDocPosition, type ArticleText } from '../articleText';
import { entityLookupKey } from './names';
import type { SuggestionsFound } from '../suggestions/types';
import { annotationMark } from './marks';

/**
 * Suggestions are annotation records with status `suggested`: made by the same model code as a hand-made tag,
 * and kept in the document like one until the editor accepts or rejects them. What leaves the app holds the
 * editor's tags only unless suggestions are asked for.
 */

/** The ids of the records that are still suggestions. */
export function suggestedAnnotationIds(records: AnnotationMap): Set<string> {
  return new Set(Object.values(records).filter((record) => record.status === 'suggested').map((record) => record.id));
}

/**
 * The document without its suggestions: their marks and records are gone, every other tag and the text stay
 * exactly as they are. Returns the same document when it holds no suggestion.
 */
export function withoutSuggestions(doc: ProseMirrorNode): ProseMirrorNode {
  return withoutAnnotations(doc, suggestedAnnotationIds(doc.attrs.annotations as AnnotationMap));
}

/**
 * The document without the given annotations: their marks and records are gone, every other tag and the text
 * stay exactly as they are. Returns the same document when none of them is in it.
 */
export function withoutAnnotations(doc: ProseMirrorNode, ids: ReadonlySet<string>): ProseMirrorNode {
  const records = doc.attrs.annotations as AnnotationMap;
  const suggested = new Set([...ids].filter((id) => Object.prototype.hasOwnProperty.call(records, id)));
  if (suggested.size === 0) return doc;
  const kept = Object.fromEntries(Object.entries(records).filter(([id]) => !suggested.has(id)));
  const content: ProseMirrorNode[] = [];
  doc.forEach((block) => {
    const inline: ProseMirrorNode[] = [];
    block.forEach((child) => {
      const marks = child.marks.filter((mark) => !(mark.type.name === 'annotation' && suggested.has(String(mark.attrs.id))));
      const previous = inline[inline.length - 1];
      // Text that differed only by a suggestion's mark becomes one node again, as ProseMirror keeps it.
      if (previous?.isText && child.isText && Mark.sameSet(previous.marks, marks)) {
        inline[inline.length - 1] = previous.type.schema.text(previous.text! + child.text!, marks);
      } else {
        inline.push(marks.length === child.marks.length ? child : child.mark(marks));
      }
    });
    content.push(block.copy(Fragment.fromArray(inline)));
  });
  return doc.type.create({ ...doc.attrs, annotations: kept }, content, doc.marks);
}

/** Who made the suggestions: the author their records carry until the editor accepts them. */
export const suggestionAuthor = 'suggestions';

/** A span of one record in document positions, as a tag or a suggestion puts it on the words. */
export interface PlacedSpan {
  from: number;
  to: number;
  part: AnnotationPart;
}

/** A new annotation record and where its marks go. */
export interface PlacedAnnotation {
  record: Annotation;
  spans: PlacedSpan[];
}

/**
 * What the editor rejected, remembered per article so that computing suggestions again after an edit does not
 * bring them back: the kind, the words as compared by the registry's rule, and for entities the type.
 */
export function rejectionKey(kind: AnnotationKind, words: string, entityType?: EntityType): string {
  return [kind, entityLookupKey(words), kind === 'entity' ? (entityType ?? '') : ''].join('|');
}

/** The rejection key of a record: what rejecting this suggestion remembers. */
export function rejectionKeyOf(record: Annotation): string {
  return rejectionKey(record.kind, record.quote, record.kind === 'entity' ? record.entityType : undefined);
}

// Spans filed by the stretch of text they touch, so that asking whether a short span overlaps any of thousands
// looks at a few neighbours instead of all of them.
class SpanIndex {
  private static readonly cellSize = 256;
  private readonly cells = new Map<number, Array<[number, number]>>();

  add(start: number, end: number): void {
    for (let cell = Math.floor(start / SpanIndex.cellSize); cell <= Math.floor(Math.max(start, end - 1) / SpanIndex.cellSize); cell++) {
      (this.cells.get(cell) ?? this.cells.set(cell, []).get(cell)!).push([start, end]);
    }
  }

  overlaps(start: number, end: number): boolean {
    for (let cell = Math.floor(start / SpanIndex.cellSize); cell <= Math.floor(Math.max(start, end - 1) / SpanIndex.cellSize); cell++) {
      if ((this.cells.get(cell) ?? []).some(([from, to]) => from < end && start < to)) return true;
    }
    return false;
  }
}

/** The words each kind of tag covers: [start, end) offsets into the article's text, of content parts only. */
export type TaggedWords = Partial<Record<AnnotationKind, [start: number, end: number][]>>;

/** The words the tags of `existing` cover in `text`, by kind: a suggestion may not touch the words of a tag of its kind. */
export function taggedWordsOf(text: ArticleText, existing: AnnotationMap): TaggedWords {
  const words: TaggedWords = {};
  for (const [id, spans] of text.spans) {
    const record = existing[id];
    if (!record) continue;
    for (const span of spans) if (span.part === 'content') (words[record.kind] ??= []).push([span.start, span.end]);
  }
  return words;
}

// Spans merged into sorted, disjoint stretches: whether a span overlaps any of them is one binary search, and
// building it costs a sort whatever the spans' lengths (the services file spans sent from outside this way).
class SpanUnion {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(spans: readonly (readonly [number, number])[]) {
    const sorted = spans.filter(([start, end]) => start < end).sort((a, b) => a[0] - b[0]);
    for (const [start, end] of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && start <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, end);
      else {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }

  overlaps(start: number, end: number): boolean {
    // The last stretch starting before `end` is the only one that can reach past `start`.
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! < end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && this.ends[low - 1]! > start;
  }
}

// The words taken for each kind: the tags' to begin with, then each suggestion's as it is placed. A kind's
// tags are filed when that kind is first asked about: an answer with figures alone never files 8,000 names.
class TakenWords {
  private readonly tags = new Map<AnnotationKind, SpanUnion>();
  private readonly claimed = new Map<AnnotationKind, SpanIndex>();

  constructor(private readonly tagged: TaggedWords) {}

  claim(kind: AnnotationKind, start: number, end: number): void {
    (this.claimed.get(kind) ?? this.claimed.set(kind, new SpanIndex()).get(kind)!).add(start, end);
  }

  covers(kind: AnnotationKind, start: number, end: number): boolean {
    let tags = this.tags.get(kind);
    if (!tags) {
      tags = new SpanUnion(this.tagged[kind] ?? []);
      this.tags.set(kind, tags);
    }
    return tags.overlaps(start, end) || (this.claimed.get(kind)?.overlaps(start, end) ?? false);
  }
}

/**
 * The pipeline's answer without what tags of the same kind already cover, which placeSuggestions would leave
 * out anyway. The services answer with this when the editor sends its tags' words: a long tagged article's
 * answer is then its few new suggestions, not thousands the editor would parse on its main thread only to drop.
 */
export function withoutTaggedWords<T extends SuggestionsFound>(result: T, tagged: TaggedWords): T {
  const taken = new TakenWords(tagged);
  return {
    ...result,
    entities: result.entities.filter((entity) => !taken.covers('entity', entity.start, entity.end)),
    figures: result.figures.filter((figure) => !taken.covers('figure', figure.start, figure.end)),
    attributions: result.attributions.filter((attribution) => !attribution.content.some((part) => taken.covers('attribution', part.start, part.end))),
  };
}

/** What the placing needs besides the pipeline's answer. */
export interface SuggestionPlacing {
  // The article as the pipeline read it: the offsets of the result refer to this text.
  text: ArticleText;
  existing: AnnotationMap;
  // The words the tags of `existing` cover in `text` (taggedWordsOf): none when the answer was computed without them already.
  tagged: TaggedWords;
  // Rejection keys of this article (see rejectionKey).
  rejected: ReadonlySet<string>;
  now: string;
  newId: (prefix: string) => string;
}

/**
 * Turns the pipeline's answer into annotation records with status `suggested` and the document positions of
 * their marks. A suggestion is left out when the editor rejected the same words before, or when a tag of the
 * same kind (the editor's, or an earlier suggestion) already covers any of its words: suggestions never
 * duplicate or replace a tag. An attribution's speaker points at the mention suggested or tagged on its name.
 */
export function placeSuggestions(result: SuggestionsFound, placing: SuggestionPlacing): PlacedAnnotation[] {
  const { text, existing, rejected, now } = placing;
  const taken = new TakenWords(placing.tagged);
  // The tag or suggestion on each name, by its offsets, for an attribution's speaker; of the tags, only those
  // starting where a speaker's name does are read, on first need.
  let mentionAt: Map<string, string> | null = null;
  const mentions = (): Map<string, string> => {
    if (!mentionAt) {
      mentionAt = new Map();
      const speakerStarts = new Set(result.attributions.flatMap(({ speaker }) => (speaker?.type === 'entity' ? [speaker.start] : [])));
      for (const [id, spans] of text.spans) {
        for (const span of spans) {
          if (span.part === 'content' && speakerStarts.has(span.start) && existing[id]?.kind === 'entity') mentionAt.set(`${span.start}:${span.end}`, id);
        }
      }
    }
    return mentionAt;
  };
  const docSpan = (start: number, end: number, part: AnnotationPart): PlacedSpan | null => {
    const from = textOffsetToDocPosition(text, start);
    const to = textOffsetToDocPosition(text, end);
    // A span crossing a block boundary cannot be one mark; the pipeline never makes one, but its text may be stale.
    return from === null || to === null || to <= from || to - from !== end - start ? null : { from, to, part };
  };
  const base = (id: string, quote: string) => ({
    id,
    status: 'suggested' as const,
    author: suggestionAuthor,
    createdAt: now,
    updatedAt: now,
    note: '',
    quote: quote.slice(0, 100_000),
  });
  const placed: PlacedAnnotation[] = [];

  for (const entity of result.entities) {
    if (taken.covers('entity', entity.start, entity.end) || rejected.has(rejectionKey('entity', entity.text, entity.entityType))) continue;
    const span = docSpan(entity.start, entity.end, 'content');
    if (!span) continue;
    const id = placing.newId('ann');
    placed.push({ record: { ...base(id, entity.text), kind: 'entity', entityType: entity.entityType, entityId: entity.entityId }, spans: [span] });
    taken.claim('entity', entity.start, entity.end);
    mentions().set(`${entity.start}:${entity.end}`, id);
  }
  for (const figure of result.figures) {
    if (taken.covers('figure', figure.start, figure.end) || rejected.has(rejectionKey('figure', figure.text))) continue;
    const span = docSpan(figure.start, figure.end, 'content');
    if (!span) continue;
    placed.push({ record: { ...base(placing.newId('ann'), figure.text), kind: 'figure', figure: figure.figure }, spans: [span] });
    taken.claim('figure', figure.start, figure.end);
  }
  for (const attribution of result.attributions) {
    const words = attribution.content.map((part) => part.text).join(' … ');
    if (attribution.content.length === 0 || rejected.has(rejectionKey('attribution', words))) continue;
    if (attribution.content.some((part) => taken.covers('attribution', part.start, part.end))) continue;
    const content = attribution.content.map((part) => docSpan(part.start, part.end, 'content'));
    const cue = attribution.cue ? docSpan(attribution.cue.start, attribution.cue.end, 'cue') : null;
    if (content.some((span) => span === null)) continue;
    const speaker = attribution.speaker;
    const record: Annotation = {
      ...base(placing.newId('ann'), words),
      kind: 'attribution',
      mode: attribution.mode,
      speaker:
        speaker === null
          ? null
          : speaker.type === 'anonymous'
            ? { type: 'anonymous', description: speaker.description.slice(0, 500), anonymityReason: '' }
            : { type: 'entity', entityId: speaker.entityId, name: speaker.name.slice(0, 500), mentionId: mentions().get(`${speaker.start}:${speaker.end}`) ?? null },
      medium: attribution.medium.slice(0, 500),
      mediumEntityId: null,
    };
    placed.push({ record, spans: [...(content as PlacedSpan[]), ...(cue ? [cue] : [])] });
    for (const part of attribution.content) taken.claim('attribution', part.start, part.end);
  }
  return placed;
}

/**
 * A text block with `added` marks over the given ranges of its text (offsets into its text), besides the marks
 * it has. One sweep over the sorted cut points, as taggedInlineContent builds an imported block: a mark step per
 * mark would rebuild the block's text nodes each time, quadratic in a paragraph with thousands of suggestions.
 */
function blockWithMarks(block: ProseMirrorNode, added: ReadonlyArray<{ from: number; to: number; mark: Mark }>): ProseMirrorNode {
  const starting = new Map<number, Mark[]>();
  const ending = new Map<number, Mark[]>();
  const cuts = new Set<number>();
  for (const { from, to, mark } of added) {
    if (from >= to) continue;
    (starting.get(from) ?? starting.set(from, []).get(from)!).push(mark);
    (ending.get(to) ?? ending.set(to, []).get(to)!).push(mark);
    cuts.add(from);
    cuts.add(to);
  }
  block.forEach((child, offset) => {
    cuts.add(offset);
    cuts.add(offset + child.nodeSize);
  });
  const sortedCuts = [...cuts].filter((cut) => cut >= 0 && cut <= block.content.size).sort((a, b) => a - b);
  // The added marks over the current piece, in the order they opened, with how many of their ranges are open.
  const open = new Map<Mark, number>();
  const pieces: ProseMirrorNode[] = [];
  for (let i = 0; i + 1 < sortedCuts.length; i++) {
    const from = sortedCuts[i]!;
    const to = sortedCuts[i + 1]!;
    for (const mark of ending.get(from) ?? []) {
      const count = (open.get(mark) ?? 0) - 1;
      if (count > 0) open.set(mark, count);
      else open.delete(mark);
    }
    for (const mark of starting.get(from) ?? []) open.set(mark, (open.get(mark) ?? 0) + 1);
    const child = block.childAfter(from);
    if (!child.node || !child.node.isText) {
      if (child.node && child.offset === from) pieces.push(child.node);
      continue;
    }
    const text = child.node.text!.slice(from - child.offset, to - child.offset);
    // Every annotation mark has the same type, so appending in opening order keeps a valid mark set.
    const marks = open.size === 0 ? child.node.marks : [...child.node.marks, ...[...open.keys()].filter((mark) => !mark.isInSet(child.node!.marks))];
    const last = pieces[pieces.length - 1];
    if (last?.isText && Mark.sameSet(last.marks, marks)) pieces[pieces.length - 1] = last.type.schema.text(last.text! + text, marks);
    else pieces.push(block.type.schema.text(text, marks));
  }
  return block.copy(Fragment.fromArray(pieces));
}

/** The stored document with the placed suggestions added: their records, and their marks on the words. */
export function withPlacedAnnotations(doc: ProseMirrorNode, placed: readonly PlacedAnnotation[]): ProseMirrorNode {
  if (placed.length === 0) return doc;
  // Marks go on block by block, each block in a document of its own: a mark step on the whole document copies
  // its list of blocks, so 50,000 suggestions on 50,000 blocks took gigabytes and killed the host.
  const blockStarts: number[] = [];
  doc.forEach((_block, offset) => blockStarts.push(offset));
  const blockAt = (position: number): number => {
    let low = 0;
    let high = blockStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (blockStarts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const marksByBlock = new Map<number, Array<{ from: number; to: number; mark: Mark }>>();
  for (const { record, spans } of placed) {
    for (const span of spans) {
      const mark = annotationMark(record, span.part);
      // A span is placed within one block; one that reached past it would be marked in each block it covers.
      for (let index = blockAt(span.from); index < blockStarts.length && blockStarts[index]! < span.to; index++) {
        const start = blockStarts[index]!;
        const end = start + doc.child(index).nodeSize;
        const from = Math.max(span.from, start);
        const to = Math.min(span.to, end);
        if (from >= to) continue;
        const marks = marksByBlock.get(index) ?? [];
        marks.push({ from: from - start, to: to - start, mark });
        marksByBlock.set(index, marks);
      }
    }
  }
  const blocks: ProseMirrorNode[] = [];
  doc.forEach((block, _offset, index) => {
    const marks = marksByBlock.get(index);
    // Offsets so far count from the block's start; its text starts one position in.
    blocks.push(marks ? blockWithMarks(block, marks.map(({ from, to, mark }) => ({ from: from - 1, to: to - 1, mark }))) : block);
  });
  const records = { ...(doc.attrs.annotations as AnnotationMap) };
  for (const { record } of placed) records[record.id] = record;
  return doc.type.create({ ...doc.attrs, annotations: records }, Fragment.fromArray(blocks), doc.marks);
}
