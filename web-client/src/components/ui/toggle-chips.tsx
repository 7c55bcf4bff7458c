export interface ToggleChipOption {
  value: string;
  label: string;
}

export interface ToggleChipsProps {
  id: string;
  legend: string;
  hint?: string;
  options: readonly ToggleChipOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** At most this many may be chosen (the others are disabled once reached). */
  max?: number;
  errors?: string[];
}

/**
 * A set of toggle buttons (aria-pressed) to pick several values, e.g. an idea's topics: each is a native button, so
 * Tab moves between them and Space or Enter toggles one.
 */
export function ToggleChips({ id, legend, hint, options, selected, onChange, max, errors }: ToggleChipsProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors && errors.length > 0 ? `${id}-error` : undefined;
  const full = max !== undefined && selected.length >= max;
  function toggle(value: string) {
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  }
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={['field', 'chips', errorId ? 'field--invalid' : ''].join(' ').trim()}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p className="field__error" id={errorId}>
          {errors!.join(' ')}
        </p>
      ) : null}
      <ul className="chips__list">
        {options.map((option) => {
          const pressed = selected.includes(option.value);
          return (
            <li key={option.value}>
              <button
                type="button"
                className={['chip', pressed ? 'chip--pressed' : ''].join(' ').trim()}
                aria-pressed={pressed}
                disabled={!pressed && full}
                onClick={() => toggle(option.value)}
              >
                {option.label}
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
