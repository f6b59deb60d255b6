import { useState, type ReactNode } from 'react';
import {
  annotationStatuses,
  attributionModes,
  entityTypes,
  figureKinds,
  figureQualifiers,
  labels,
  verificationStatuses,
  type Annotation,
  type AttributionAnnotation,
  type FigureAnnotation,
} from '../../../common/annotation';
import { SpeakerPicker, type SpeakerCandidate } from './SpeakerPicker';
import { figureValueText, parseFigureValueText } from '../../../common/fieldText';
import { annotationShortcuts } from './tagShortcuts';
import type { EntityRecord } from '../../../common/api';

interface InspectorProps {
  annotation: Annotation | null;
  text: string;
  cueText: string;
  entity: EntityRecord | null;
  onTagAll: () => void;
  onRelink: () => void;
  onSplit: () => void;
  speakerCandidates: SpeakerCandidate[];
  focusSpeaker: boolean;
  onChange: (change: (record: Annotation) => Annotation) => void;
  onRemove: () => void;
  onMarkCue: () => void;
  onAddSpan: () => void;
  // Gives the keyboard back to the article text, after a speaker is picked or the picker is left with Escape.
  onReturnToText: () => void;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}

/**
 * A text input that commits on Enter or when it loses focus, so each edit is one undo step. The draft follows
 * the record when it changes elsewhere (undo, a normalised value) without remounting, which would drop focus.
 */
function CommitInput({ value, onCommit, label, multiline }: { value: string; onCommit: (value: string) => void; label: string; multiline?: boolean }) {
  const [draft, setDraft] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setDraft(value);
  }
  const commit = (next: string) => {
    if (next !== value) onCommit(next);
  };
  return multiline ? (
    <textarea aria-label={label} value={draft} rows={3} onChange={(event) => setDraft(event.target.value)} onBlur={(event) => commit(event.target.value)} />
  ) : (
    <input
      type="text"
      aria-label={label}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={(event) => commit(event.target.value)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        commit(event.currentTarget.value);
      }}
    />
  );
}

function Select<T extends string>({ label, value, options, onChange, optionLabel }: { label: string; value: T; options: readonly T[]; onChange: (value: T) => void; optionLabel?: (value: T) => string }) {
  return (
    <Field label={label}>
      <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel ? optionLabel(option) : option}
          </option>
        ))}
      </select>
    </Field>
  );
}

function FigureFieldsEditor({ annotation, onChange }: { annotation: FigureAnnotation; onChange: InspectorProps['onChange'] }) {
  const [valueError, setValueError] = useState<string | null>(null);
  const figure = annotation.figure;
  const set = (patch: Partial<FigureAnnotation['figure']>) =>
    onChange((record) => (record.kind === 'figure' ? { ...record, figure: { ...record.figure, ...patch } } : record));
  return (
    <>
      <Select label="Figure kind" value={figure.figureKind ?? 'count'} options={figureKinds} onChange={(figureKind) => set({ figureKind })} />
      <Field label="Value">
        <CommitInput
          label="Value"
          value={figureValueText(figure.value)}
          onCommit={(text) => {
            const parsed = parseFigureValueText(text);
            setValueError(parsed.ok ? null : parsed.message);
            if (parsed.ok) set({ value: parsed.value });
          }}
        />
      </Field>
      {valueError && <p className="field-error" role="alert">{valueError}</p>}
      <Select label="Qualifier" value={figure.qualifier} options={figureQualifiers} optionLabel={(q) => labels[q]} onChange={(qualifier) => set({ qualifier })} />
      <Field label="Unit / what is counted">
        <CommitInput label="Unit" value={figure.unit} onCommit={(unit) => set({ unit })} />
      </Field>
      {figure.figureKind === 'money' && (
        <Field label="Currency">
          <CommitInput label="Currency" value={figure.currency ?? ''} onCommit={(text) => set({ currency: /^[A-Za-z]{3}$/.test(text.trim()) ? text.trim().toUpperCase() : null })} />
        </Field>
      )}
      <Select label="Verification" value={figure.verification} options={verificationStatuses} onChange={(verification) => set({ verification })} />
      <Field label="Source note">
        <CommitInput label="Source note" value={figure.sourceNote} onCommit={(sourceNote) => set({ sourceNote })} />
      </Field>
    </>
  );
}

function AttributionFieldsEditor(props: { annotation: AttributionAnnotation; cueText: string; candidates: SpeakerCandidate[]; focusSpeaker: boolean; onChange: InspectorProps['onChange']; onMarkCue: () => void; onAddSpan: () => void; onReturnToText: () => void }) {
  const { annotation, onChange } = props;
  const [choosing, setChoosing] = useState(annotation.speaker === null);
  const set = (patch: Partial<AttributionAnnotation>) => onChange((record) => (record.kind === 'attribution' ? { ...record, ...patch } : record));
  const speaker = annotation.speaker;
  return (
    <>
      <Select label="Mode" value={annotation.mode} options={attributionModes} onChange={(mode) => set({ mode })} />
      <div className="field">
        <span className="field-label">Speaker</span>
        {speaker && !choosing ? (
          <div className="speaker-summary">
            <span data-testid="speaker-name">{speaker.type === 'entity' ? speaker.name : `Anonymous: ${speaker.description || 'unnamed source'}`}</span>
            <button type="button" className="link-button" onClick={() => setChoosing(true)}>
              Change
            </button>
          </div>
        ) : (
          <SpeakerPicker
            candidates={props.candidates}
            autoFocus={props.focusSpeaker}
            onPick={(picked) => {
              set({ speaker: picked });
              setChoosing(false);
              // The picker is replaced by the speaker's name: without this the focus would fall to the page.
              props.onReturnToText();
            }}
            onCancel={() => {
              setChoosing(false);
              props.onReturnToText();
            }}
          />
        )}
      </div>
      {speaker?.type === 'anonymous' && !choosing && (
        <>
          <Field label="Description of the source">
            <CommitInput label="Source description" value={speaker.description} onCommit={(description) => set({ speaker: { ...speaker, description } })} />
          </Field>
          <Field label="Why anonymity was granted">
            <CommitInput label="Anonymity reason" value={speaker.anonymityReason} onCommit={(anonymityReason) => set({ speaker: { ...speaker, anonymityReason } })} />
          </Field>
        </>
      )}
      <div className="field">
        <span className="field-label">Cue</span>
        <span className="cue-text">{props.cueText || 'none marked'}</span>
        <button type="button" className="small" title={`Select the reporting verb in the text, then press (${annotationShortcuts.markCue.label})`} onMouseDown={(e) => e.preventDefault()} onClick={props.onMarkCue}>
          Mark cue from selection
        </button>
        <button type="button" className="small" title={`Add the selected words to this quote, for a quote split by "she said" (${annotationShortcuts.addSpan.label})`} onMouseDown={(e) => e.preventDefault()} onClick={props.onAddSpan}>
          Add selection to quote
        </button>
      </div>
      <Field label="Medium">
        <CommitInput label="Medium" value={annotation.medium} onCommit={(medium) => set({ medium })} />
      </Field>
    </>
  );
}

/** Shows and edits the selected annotation's fields; each committed change is one undo step. */
export function Inspector(props: InspectorProps) {
  const { annotation } = props;
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
        {labels[annotation.kind]} <span className="inspector-text">“{props.text || annotation.quote}”</span>
      </h2>
      {annotation.status === 'needs_review' && (
        <p className="review-note" role="status">
          The words of this tag were deleted or changed. Select the right words and use “Add selection to tag”, or remove it.
        </p>
      )}
      {annotation.kind === 'entity' && (
        <>
          <Select label="Entity type" value={annotation.entityType} options={entityTypes} optionLabel={(t) => labels[t]} onChange={(entityType) => props.onChange((record) => (record.kind === 'entity' ? { ...record, entityType } : record))} />
          <div className="linked-entity">
            {props.entity ? (
              <>
                Registry: <strong data-testid="linked-entity-name">{props.entity.name}</strong>
                {props.entity.aliases.length > 0 && <span> · also {props.entity.aliases.join(', ')}</span>}
              </>
            ) : (
              'Not linked to the registry'
            )}
          </div>
          <div className="inspector-actions">
            <button type="button" onClick={props.onTagAll} title={`Find this name and its aliases elsewhere in the article (${annotationShortcuts.tagAll.label})`}>
              Tag all occurrences…
            </button>
            <button type="button" onClick={props.onRelink}>
              Change link…
            </button>
            <button type="button" onClick={props.onSplit} title="Make this mention a new entity of its own">
              Split off
            </button>
          </div>
        </>
      )}
      {annotation.kind === 'figure' && <FigureFieldsEditor annotation={annotation} onChange={props.onChange} />}
      {annotation.kind === 'attribution' && (
        <AttributionFieldsEditor annotation={annotation} cueText={props.cueText} candidates={props.speakerCandidates} focusSpeaker={props.focusSpeaker} onChange={props.onChange} onMarkCue={props.onMarkCue} onAddSpan={props.onAddSpan} onReturnToText={props.onReturnToText} />
      )}
      <Select label="Status" value={annotation.status} options={annotationStatuses} optionLabel={(s) => labels[s]} onChange={(status) => props.onChange((record) => ({ ...record, status }))} />
      <Field label="Note">
        <CommitInput label="Note" multiline value={annotation.note} onCommit={(note) => props.onChange((record) => ({ ...record, note }))} />
      </Field>
      <p className="provenance">
        Tagged by {annotation.author || 'unknown'} · {new Date(annotation.createdAt).toLocaleString()}
      </p>
      <div className="inspector-actions">
        {annotation.kind !== 'attribution' && (
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={props.onAddSpan} title={`(${annotationShortcuts.addSpan.label})`}>
            Add selection to tag
          </button>
        )}
        <button type="button" className="danger" onClick={props.onRemove} title={`Remove this tag (${annotationShortcuts.remove.label})`}>
          Remove tag
        </button>
      </div>
    </section>
  );
}
