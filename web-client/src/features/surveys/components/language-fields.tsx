import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { SUPPORTED_LANGUAGES } from '@/lib/i18n/languages';

export interface LanguageFieldsProps {
  idFor: (language: string) => string;
  labelFor: (language: string) => string;
  values: Record<string, string>;
  onChange: (language: string, value: string) => void;
  /** Shown beside the French field (the one the API requires). */
  errors?: string[];
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  disabled?: boolean;
}

/** One text in French (required where the API says so), Dutch and English (optional), side by side. */
export function LanguageFields({
  idFor,
  labelFor,
  values,
  onChange,
  errors,
  required,
  multiline,
  maxLength,
  disabled,
}: LanguageFieldsProps) {
  return (
    <div className="form__row form__row--3">
      {SUPPORTED_LANGUAGES.map((l) =>
        multiline ? (
          <TextAreaField
            key={l}
            id={idFor(l)}
            lang={l}
            label={labelFor(l)}
            rows={2}
            maxLength={maxLength}
            value={values[l] ?? ''}
            onChange={(e) => onChange(l, e.target.value)}
            errors={l === 'fr' ? errors : undefined}
            disabled={disabled}
          />
        ) : (
          <TextField
            key={l}
            id={idFor(l)}
            lang={l}
            label={labelFor(l)}
            required={required && l === 'fr'}
            maxLength={maxLength}
            value={values[l] ?? ''}
            onChange={(e) => onChange(l, e.target.value)}
            errors={l === 'fr' ? errors : undefined}
            disabled={disabled}
          />
        ),
      )}
    </div>
  );
}
