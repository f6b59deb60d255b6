import { useMemo, useState } from 'react';
import { figureKinds, figureQualifiers, labels, verificationStatuses, type Annotation, type FigureAnnotation } from '../../../common/model/annotation';
import { figureValueText, parseFigureValueText } from '../../../common/model/fieldText';
import { parseFigure } from '../../../common/model/figureReader';
import { CommitInput, Field, Select } from './inspectorFields';

interface FigureFieldsEditorProps {
  annotation: FigureAnnotation;
  // The figure's words as they stand in the text now.
  words: string;
  onChange: (change: (record: Annotation) => Annotation) => void;
}

/** A figure's fields; when reading its words needed a convention or a guess, the sentence that says which. */
export function FigureFieldsEditor({ annotation, words, onChange }: FigureFieldsEditorProps) {
  const [valueError, setValueError] = useState<string | null>(null);
  const figure = annotation.figure;
  // Read from the words as they are now, so an edited figure says why its reading is an estimate.
  const estimateNote = useMemo(() => (words.trim() ? parseFigure(words).note : ''), [words]);
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
      {estimateNote && (
        <p className="estimate-note" data-testid="figure-estimate-note">
          <strong>How the value was read:</strong> {estimateNote}
        </p>
      )}
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
