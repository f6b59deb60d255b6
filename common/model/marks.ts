import type { Mark } from 'prosemirror-model';
import { highlightLabel, type Annotation, type AnnotationPart } from '../annotation';
import { articleSchema } from '../schema';

/**
 * The annotation mark: identity only, plus what its highlight shows. Every place that puts a tag on words
 * (editor commands, readers of tagged formats, the demo article) builds the mark here, so the label of a
 * cue and of content can never disagree between them.
 */

/** What a mark's highlight shows: its record's label for the tagged words, "cue" for an attribution's cue. */
export function markLabel(record: Annotation, part: AnnotationPart): string {
  return part === 'cue' ? 'cue' : highlightLabel(record);
}

/** The mark that puts `record` on words, as its content or as its cue. */
export function annotationMark(record: Annotation, part: AnnotationPart = 'content'): Mark {
  return articleSchema.marks.annotation!.create({ id: record.id, kind: record.kind, label: markLabel(record, part), part });
}

/** The same mark showing its record's current label, after the record changed type. */
export function relabelledMark(mark: Mark, record: Annotation): Mark {
  const part = mark.attrs.part as AnnotationPart;
  const label = markLabel(record, part);
  return mark.attrs.label === label ? mark : mark.type.create({ ...mark.attrs, label });
}
