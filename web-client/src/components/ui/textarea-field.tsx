import type { Ref, TextareaHTMLAttributes } from 'react';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid' | 'aria-describedby'> {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ id, label, hint, errors, ref, ...textarea }: TextAreaFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors && errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', errorId ? 'field--invalid' : ''].join(' ').trim()}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
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
      <textarea
        ref={ref}
        id={id}
        className="field__input field__textarea"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        {...textarea}
      />
    </div>
  );
}
