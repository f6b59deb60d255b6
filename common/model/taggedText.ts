import { Mark, type Node as ProseMirrorNode } from 'prosemirror-model';
import type { AnnotationMap, AnnotationPart } from './annotation';
import { articleSchema } from '../schema';
import { annotationMark } from './marks';

/**
 * Text with annotation spans to the inline nodes of one block. Readers of tagged formats and the demo
 * article both describe a block as plain text plus spans; this is the one place that turns that into text
 * nodes carrying marks.
 */

/** An annotation span inside one block, as UTF-16 offsets into the block's text. */
export interface TextSpanMark {
  start: number;
  end: number;
  annotationId: string;
  // The tagged words ('content', the default) or an attribution's cue.
  part?: AnnotationPart;
}

/**
 * The text nodes of a block: the text is cut wherever a span starts or ends, and each piece carries the marks
 * of the spans over it. One sweep over the sorted cut points, so a block with many thousands of spans costs
 * n log n, not a scan of every span at every cut. Throws when a span names a record that does not exist.
 */
export function taggedInlineContent(text: string, spans: readonly TextSpanMark[], records: AnnotationMap): ProseMirrorNode[] {
  if (text === '') return [];
  const starting = new Map<number, string[]>();
  const ending = new Map<number, string[]>();
  // One mark per record and part: two spans of one record on overlapping words carry the same mark.
  const marks = new Map<string, Mark>();
  const cutSet = new Set<number>([0, text.length]);
  for (const span of spans) {
    const record = records[span.annotationId];
    if (!Object.prototype.hasOwnProperty.call(records, span.annotationId) || !record) {
      throw new Error(`A span refers to a missing annotation ${span.annotationId}.`);
    }
    if (span.end <= span.start) continue;
    const part = span.part ?? 'content';
    const key = `${part}:${span.annotationId}`;
    if (!marks.has(key)) marks.set(key, annotationMark(record, part));
    (starting.get(span.start) ?? starting.set(span.start, []).get(span.start)!).push(key);
    (ending.get(span.end) ?? ending.set(span.end, []).get(span.end)!).push(key);
    cutSet.add(span.start);
    cutSet.add(span.end);
  }
  const cuts = [...cutSet].filter((cut) => cut >= 0 && cut <= text.length).sort((a, b) => a - b);
  // The marks over the current piece, by key, in the order they opened, with how many open spans hold each.
  // Every annotation mark has the same type, so a set in opening order is a valid mark set, and no piece
  // needs Mark.addToSet, which compares a new mark with every mark already there (quadratic on one word).
  const open = new Map<string, { mark: Mark; count: number }>();
  let current: readonly Mark[] = Mark.none;
  const nodes: ProseMirrorNode[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    let changed = false;
    for (const key of ending.get(from) ?? []) {
      const entry = open.get(key);
      if (!entry) continue;
      if (--entry.count === 0) {
        open.delete(key);
        changed = true;
      }
    }
    for (const key of starting.get(from) ?? []) {
      const entry = open.get(key);
      if (entry) entry.count++;
      else {
        open.set(key, { mark: marks.get(key)!, count: 1 });
        changed = true;
      }
    }
    if (changed) current = [...open.values()].map((entry) => entry.mark);
    nodes.push(articleSchema.text(text.slice(from, cuts[i + 1]), current));
  }
  return nodes;
}
