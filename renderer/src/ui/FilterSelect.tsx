interface FilterSelectProps<T extends string> {
  label: string;
  // The first option, which filters nothing ("All statuses").
  allLabel: string;
  value: T | '';
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T | '') => void;
}

/** A list filter: one value of an enumeration, or all of them. */
export function FilterSelect<T extends string>({ label, allLabel, value, options, optionLabel, onChange }: FilterSelectProps<T>) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value as T | '')}>
      <option value="">{allLabel}</option>
      {options.map((option) => (
        <option key={option} value={option}>
          {optionLabel(option)}
        </option>
      ))}
    </select>
  );
}
