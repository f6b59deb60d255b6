import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform';
import type { Node as ProseMirrorNode, Schema } from 'prosemirror-model';
import type { Annotation } from '../model/annotation';

/**
 * Sets or removes one annotation record while an article is edited. The step leaves the document as it is:
 * records live in the editor's annotation-records plugin state, which applies these steps. Being a step,
 * it travels in the same transaction as the marks it goes with, and history undoes and redoes it with them.
 *
 * Records stay out of the document's attributes on purpose: a changed top-level attribute makes
 * ProseMirror's view redraw the whole document, which on a long article takes most of a second.
 */
export class AnnotationRecordStep extends Step {
  constructor(
    readonly annotationId: string,
    readonly record: Annotation | null,
    // The record before this step, so that the step can be inverted without looking anything up.
    readonly previous: Annotation | null,
  ) {
    super();
  }

  apply(doc: ProseMirrorNode): StepResult {
    return StepResult.ok(doc);
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  invert(): Step {
    return new AnnotationRecordStep(this.annotationId, this.previous, this.record);
  }

  map(_mapping: Mappable): Step {
    return this;
  }

  toJSON(): { stepType: string; annotationId: string; record: Annotation | null; previous: Annotation | null } {
    return { stepType: 'annotationRecord', annotationId: this.annotationId, record: this.record, previous: this.previous };
  }

  static override fromJSON(_schema: Schema, json: { annotationId?: unknown; record?: unknown; previous?: unknown }): AnnotationRecordStep {
    if (typeof json.annotationId !== 'string') throw new RangeError('Invalid input for AnnotationRecordStep.fromJSON');
    return new AnnotationRecordStep(json.annotationId, (json.record ?? null) as Annotation | null, (json.previous ?? null) as Annotation | null);
  }
}

Step.jsonID('annotationRecord', AnnotationRecordStep);
