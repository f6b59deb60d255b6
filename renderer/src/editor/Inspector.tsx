import { memo } from 'react';
import { annotationStatuses, labels, type Annotation, type AnnotationStatus } from '../../../common/model/annotation';
import type { EntityRecord } from '../../../common/api';
import { AttributionFieldsEditor } from './AttributionFieldsEditor';
import type { CueSpanItem } from './CueSpanList';
import { EntityFields } from './EntityFields';
import { FigureFieldsEditor } from './FigureFieldsEditor';
import { CommitInput, Field, Select } from './inspectorFields';
import { ReviewStatus } from './ReviewStatus';
import type { SpeakerOffer } from '../../../common/model/speakerCandidates';
import { annotationShortcuts, suggestionShortcuts } from './tagShortcuts';

/** What the inspector's controls do; the editor's controller supplies each. */
export interface InspectorActions {
  onChange: (change: (record: Annotation) => Annotation) => void;
  onStatus: (status: AnnotationStatus) => void;
  onToggleReview: () => void;
  onRemoveCue: (cue: CueSpanItem) => void;
  onTagAll: () => void;
  onRelink: () => void;
  onSplit: () => void;
  onRemove: () => void;
  onMarkCue: () => void;
  onAddSpan: () => void;
  // Gives the keyboard back to the article text, after a speaker is picked or the picker is left with Escape.
  onReturnToText: () => void;
  onAcceptSuggestion: () => void;
  onRejectSuggestion: () => void;
  onAcceptSameName: () => void;
  onAcceptSameKind: () => void;
}

// What to do with a suggestion: the same commands as the keys, each with its key in the tooltip.
function SuggestionActions({ annotation, actions }: { annotation: Annotation; actions: InspectorActions }) {
  const keep = (event: { preventDefault(): void }) => event.preventDefault();
  return (
    <div className="suggestion-actions" role="group" aria-label="Suggestion">
      <p className="suggestion-note">Suggested: accept it as your tag or reject it. Its fields can be changed before or after.</p>
      <button type="button" className="accept" onMouseDown={keep} onClick={actions.onAcceptSuggestion} title={`Accept this suggestion (${suggestionShortcuts.acceptSuggestion.label})`}>
        Accept
      </button>
      <button type="button" className="danger" onMouseDown={keep} onClick={actions.onRejectSuggestion} title={`Reject this suggestion; it is not suggested again (${suggestionShortcuts.rejectSuggestion.label})`}>
        Reject
      </button>
      <button type="button" onMouseDown={keep} onClick={actions.onAcceptSameName} title={`Accept every suggestion of “${annotation.quote}” (${suggestionShortcuts.acceptSameName.label})`}>
        Accept all of this name
      </button>
      <button type="button" onMouseDown={keep} onClick={actions.onAcceptSameKind} title={`Accept every ${labels[annotation.kind].toLowerCase()} suggestion (${suggestionShortcuts.acceptKind.label})`}>
        Accept all {labels[annotation.kind].toLowerCase()} suggestions
      </button>
    </div>
  );
}

interface InspectorProps {
  annotation: Annotation | null;
  // The tag's words as they stand in the text now, and its cue spans.
  text: string;
  cues: readonly CueSpanItem[];
  entity: EntityRecord | null;
  speakerOffer: SpeakerOffer;
  focusSpeaker: boolean;
  actions: InspectorActions;
}

/**
 * Shows and edits the selected annotation's fields; each committed change is one undo step. It re-renders only
 * when what it shows changes, not on every key typed in the text.
 */
export const Inspector = memo(function Inspector({ annotation, text, cues, entity, speakerOffer, focusSpeaker, actions }: InspectorProps) {
  if (!annotation) {
    return (
      <section className="inspector" aria-label="Inspector">
        <h2>Inspector</h2>
        <p className="empty-hint">Click a highlight, or move the cursor into one, to see its fields.</p>
      </section>
    );
  }
  // Keyed by the annotation alone: a key that changed with each edit would remount the form on every
  // committed field and throw the keyboard focus out of the next field the user tabbed to.
  return (
    <section className="inspector" aria-label="Inspector" key={annotation.id}>
      <h2>
        {labels[annotation.kind]} <span className="inspector-text">“{text || annotation.quote}”</span>
      </h2>
      {annotation.status === 'suggested' && <SuggestionActions annotation={annotation} actions={actions} />}
      <ReviewStatus annotation={annotation} onToggleReview={actions.onToggleReview} />
      {annotation.kind === 'entity' && <EntityFields annotation={annotation} entity={entity} onChange={actions.onChange} onTagAll={actions.onTagAll} onRelink={actions.onRelink} onSplit={actions.onSplit} />}
      {annotation.kind === 'figure' && <FigureFieldsEditor annotation={annotation} words={text} onChange={actions.onChange} />}
      {annotation.kind === 'attribution' && (
        <AttributionFieldsEditor
          annotation={annotation}
          cues={cues}
          speakerOffer={speakerOffer}
          focusSpeaker={focusSpeaker}
          onChange={actions.onChange}
          onRemoveCue={actions.onRemoveCue}
          onMarkCue={actions.onMarkCue}
          onAddSpan={actions.onAddSpan}
          onReturnToText={actions.onReturnToText}
        />
      )}
      <Select label="Status" value={annotation.status} options={annotationStatuses} optionLabel={(s) => labels[s]} onChange={actions.onStatus} />
      <Field label="Note">
        <CommitInput label="Note" multiline value={annotation.note} onCommit={(note) => actions.onChange((record) => ({ ...record, note }))} />
      </Field>
      <p className="provenance">
        Tagged by {annotation.author || 'unknown'} · {new Date(annotation.createdAt).toLocaleString()}
      </p>
      <div className="inspector-actions">
        {annotation.kind !== 'attribution' && (
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={actions.onAddSpan} title={`(${annotationShortcuts.addSpan.label})`}>
            Add selection to tag
          </button>
        )}
        <button type="button" className="danger" onClick={actions.onRemove} title={`Remove this tag (${annotationShortcuts.remove.label})`}>
          Remove tag
        </button>
      </div>
    </section>
  );
});
