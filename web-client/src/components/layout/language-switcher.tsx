import { SelectField, type SelectOption } from '@/components/ui/select-field';

export interface LanguageSwitcherProps {
  label: string;
  value: string;
  options: SelectOption[];
  onChange: (language: string) => void;
}

export function LanguageSwitcher({ label, value, options, onChange }: LanguageSwitcherProps) {
  return (
    <SelectField
      id="language-switcher"
      inline
      label={label}
      value={value}
      options={options}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
