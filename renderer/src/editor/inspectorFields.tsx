import { useState, type ReactNode } from 'react';

/** A labelled field of the inspector. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
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
export function CommitInput({ value, onCommit, label, multiline }: { value: string; onCommit: (value: string) => void; label: string; multiline?: boolean }) {
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

/** A labelled select over a fixed list of values. */
export function Select<T extends string>({ label, value, options, onChange, optionLabel }: { label: string; value: T; options: readonly T[]; onChange: (value: T) => void; optionLabel?: (value: T) => string }) {
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
