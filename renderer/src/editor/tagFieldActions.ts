import type { Annotation, AnnotationStatus } from '../../../common/model/annotation';
import { updateAnnotation } from '../../../common/editor/annotationCommands';
import { removeCueSpan } from '../../../common/editor/cueSpans';
import { setAnnotationStatus, toggleNeedsReview } from '../../../common/editor/reviewCommands';
import type { EditorContext } from './editorContext';
import { selectedAnnotationId } from './selectedAnnotation';

/**
 * The inspector's changes to the selected tag: its fields, its status and review flag, its cues. The focus stays
 * in the inspector, where the user is working.
 */
export class TagFieldActions {
  constructor(
    private readonly editor: EditorContext,
    // Accepting a suggestion from the status field is accepting it as the key does: the same registry link and author.
    private readonly acceptSuggestions: (ids: readonly string[]) => Promise<boolean>,
  ) {}

  /** Changes fields of the selected tag. */
  update = (change: (record: Annotation) => Annotation): boolean => {
    const id = selectedAnnotationId(this.editor.state());
    return id !== null && this.editor.run(updateAnnotation(id, change, this.editor.now()), false);
  };

  /** Sets the selected tag's status; needing review records that the editor set it. */
  setStatus = (status: AnnotationStatus): boolean => {
    const { editor } = this;
    const record = editor.selectedRecord();
    if (!record) return false;
    const id = record.id;
    if (record.status === 'suggested' && status === 'accepted') {
      void this.acceptSuggestions([id]);
      return true;
    }
    if (record.status === 'suggested' || status === 'suggested') {
      // Into or out of a suggestion, the marks change look too, which updating the record does.
      const review = status === 'needs_review' ? { reason: 'set_by_editor' as const, detail: '' } : null;
      return editor.run(updateAnnotation(id, (current) => ({ ...current, status, review }), editor.now()), false);
    }
    return editor.run(setAnnotationStatus(id, status, editor.now()), false);
  };

  /** Marks the selected tag for review, or clears its review flag. */
  toggleReview = (): boolean => {
    const id = selectedAnnotationId(this.editor.state());
    return id !== null && this.editor.run(toggleNeedsReview(id, this.editor.now()), false);
  };

  /** Removes one cue span of the selected attribution, leaving its other cues. */
  removeCue = (span: { from: number; to: number }): boolean => {
    const id = selectedAnnotationId(this.editor.state());
    if (id !== null && this.editor.run(removeCueSpan(id, span), false)) return true;
    this.editor.setNotice('That cue moved with an edit; try again in a moment.');
    return false;
  };
}
