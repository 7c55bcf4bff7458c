import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

export interface CopyFieldProps {
  id: string;
  label: string;
  value: string;
}

/** A read-only value with a copy button (the clipboard, else the text selected for Ctrl+C). */
export function CopyField({ id, label, value }: CopyFieldProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'selected' | null>(null);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      // Without clipboard access (an insecure origin, a refused permission), select the text for Ctrl+C.
      input.current?.focus();
      input.current?.select();
      setCopied('selected');
    }
  }

  return (
    <div className="field copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input
          ref={input}
          id={id}
          className="field__input copy-field__value"
          readOnly
          spellCheck={false}
          autoComplete="off"
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          variant="secondary"
          className="button--small"
          onClick={() => void copy()}
          aria-label={t('apiClients.secret.copyLabel', { label })}
        >
          {t('apiClients.secret.copy')}
        </Button>
      </div>
      <span role="status" className="muted">
        {copied ? t(`apiClients.secret.${copied}`) : ''}
      </span>
    </div>
  );
}
