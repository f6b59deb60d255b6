import type { Mark } from 'prosemirror-model';
import { highlightLabel, type Annotation, type AnnotationPart } from './annotation';
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
  return articleSchema.marks.annotation!.create({ id: record.id, kind: record.kind, label: markLabel(record, part), part, suggested: record.status === 'suggested' });
}

/** Whether a mark still shows what its record is: its label and whether it is a suggestion. */
export function markShowsRecord(mark: Mark, record: Annotation): boolean {
  return mark.attrs.label === markLabel(record, mark.attrs.part as AnnotationPart) && mark.attrs.suggested === (record.status === 'suggested');
}

/** The same mark showing its record as it now is, after the record changed type or was accepted. */
export function relabelledMark(mark: Mark, record: Annotation): Mark {
  return markShowsRecord(mark, record) ? mark : annotationMark(record, mark.attrs.part as AnnotationPart);
}
