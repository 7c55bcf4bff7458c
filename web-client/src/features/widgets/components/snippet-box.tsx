import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

export interface SnippetBoxProps {
  id: string;
  label: string;
  hint: string;
  code: string;
}

/** A snippet to paste into the city's website, read-only, with a copy button (the clipboard, else the text selected). */
export function SnippetBox({ id, label, hint, code }: SnippetBoxProps) {
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'copied' | 'selected' | null>(null);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code);
      setCopied('copied');
    } catch {
      // Without clipboard access (an insecure origin, a refused permission), select the text for Ctrl+C.
      area.current?.focus();
      area.current?.select();
      setCopied('selected');
    }
  }

  return (
    <div className="field snippet">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <textarea
        ref={area}
        id={id}
        className="field__input field__textarea snippet__code"
        readOnly
        rows={3}
        spellCheck={false}
        value={code}
        aria-describedby={`${id}-hint`}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="snippet__actions">
        <Button
          variant="secondary"
          className="button--small"
          onClick={() => void copy()}
          aria-label={t('widgets.snippets.copyLabel', { label })}
        >
          {t('widgets.snippets.copy')}
        </Button>
        <span role="status" className="muted">
          {copied ? t(`widgets.snippets.${copied}`) : ''}
        </span>
      </div>
    </div>
  );
}
