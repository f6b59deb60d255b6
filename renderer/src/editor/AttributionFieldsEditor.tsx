import { useState } from 'react';
import { attributionModes, type Annotation, type AttributionAnnotation } from '../../../common/model/annotation';
import { CueSpanList, type CueSpanItem } from './CueSpanList';
import { CommitInput, Field, Select } from './inspectorFields';
import type { SpeakerOffer } from '../../../common/model/speakerCandidates';
import { SpeakerPicker } from './SpeakerPicker';

interface AttributionFieldsEditorProps {
  annotation: AttributionAnnotation;
  cues: readonly CueSpanItem[];
  speakerOffer: SpeakerOffer;
  focusSpeaker: boolean;
  onChange: (change: (record: Annotation) => Annotation) => void;
  onRemoveCue: (cue: CueSpanItem) => void;
  onMarkCue: () => void;
  onAddSpan: () => void;
  // Gives the keyboard back to the article text, after a speaker is picked or the picker is left with Escape.
  onReturnToText: () => void;
}

/** An attribution's mode, speaker (named or anonymous, with the reason), cues and medium. */
export function AttributionFieldsEditor(props: AttributionFieldsEditorProps) {
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
            offer={props.speakerOffer}
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
      <CueSpanList cues={props.cues} onRemove={props.onRemoveCue} onMarkCue={props.onMarkCue} onAddSpan={props.onAddSpan} />
      <Field label="Medium">
        <CommitInput label="Medium" value={annotation.medium} onCommit={(medium) => set({ medium })} />
      </Field>
    </>
  );
}
