import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform';
import type { Node as ProseMirrorNode, Schema } from 'prosemirror-model';
import type { Annotation, AnnotationMap } from './annotation';

/**
 * Sets or removes one annotation record in the document's `annotations` attribute.
 *
 * A step per record (rather than ProseMirror's DocAttrStep, which replaces the whole attribute) lets
 * history undo one tag's change without rolling back records that changed outside history in between,
 * such as an entity link that arrived after the tag was made.
 */
export class AnnotationRecordStep extends Step {
  constructor(
    readonly annotationId: string,
    readonly record: Annotation | null,
  ) {
    super();
  }

  apply(doc: ProseMirrorNode): StepResult {
    const current = (doc.attrs.annotations ?? {}) as AnnotationMap;
    const next: AnnotationMap = { ...current };
    if (this.record) next[this.annotationId] = this.record;
    else delete next[this.annotationId];
    const attrs: Record<string, unknown> = {};
    for (const name of Object.keys(doc.attrs)) attrs[name] = doc.attrs[name];
    attrs.annotations = next;
    return StepResult.ok(doc.type.create(attrs, doc.content, doc.marks));
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  invert(doc: ProseMirrorNode): Step {
    const current = (doc.attrs.annotations ?? {}) as AnnotationMap;
    return new AnnotationRecordStep(this.annotationId, current[this.annotationId] ?? null);
  }

  map(_mapping: Mappable): Step {
    return this;
  }

  toJSON(): { stepType: string; annotationId: string; record: Annotation | null } {
    return { stepType: 'annotationRecord', annotationId: this.annotationId, record: this.record };
  }

  static override fromJSON(_schema: Schema, json: { annotationId?: unknown; record?: unknown }): AnnotationRecordStep {
    if (typeof json.annotationId !== 'string') throw new RangeError('Invalid input for AnnotationRecordStep.fromJSON');
    return new AnnotationRecordStep(json.annotationId, (json.record ?? null) as Annotation | null);
  }
}

Step.jsonID('annotationRecord', AnnotationRecordStep);
