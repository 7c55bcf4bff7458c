import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

/** The signing secret, shown once after a creation or rotation, read-only with a copy button. */
export function SecretBox({ id, secret, onDone }: { id: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'selected' | null>(null);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopied('selected');
    }
  }

  return (
    <div className="field snippet" role="group" aria-labelledby={`${id}-label`}>
      <label className="field__label" id={`${id}-label`} htmlFor={id}>
        {t('webhooks.secret.label')}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {t('webhooks.secret.hint')}
      </p>
      <input
        ref={input}
        id={id}
        className="field__input snippet__code"
        readOnly
        spellCheck={false}
        value={secret}
        aria-describedby={`${id}-hint`}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="snippet__actions">
        <Button variant="secondary" className="button--small" onClick={() => void copy()}>
          {t('webhooks.secret.copy')}
        </Button>
        <Button variant="secondary" className="button--small" onClick={onDone}>
          {t('webhooks.secret.done')}
        </Button>
        <span role="status" className="muted">
          {copied ? t(`webhooks.secret.${copied}`) : ''}
        </span>
      </div>
    </div>
  );
}
