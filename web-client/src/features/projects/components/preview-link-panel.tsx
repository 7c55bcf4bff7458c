import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { useCreatePreviewLink, useRevokePreviewLink } from '../api/projects';

/**
 * A draft's preview link: created (replacing the previous one), copied, revoked. The API keeps only a
 * hash, so the link can be shown only right after it was made.
 */
export function PreviewLinkPanel({ projectId, status, active }: { projectId: string; status: string; active: boolean }) {
  const { t } = useTranslation();
  const create = useCreatePreviewLink();
  const revoke = useRevokePreviewLink();
  const [link, setLink] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function make() {
    setNotice(null);
    revoke.reset();
    create.mutate(projectId, {
      onSuccess: (created) => {
        setLink(new URL(created.path, window.location.origin).href);
        setNotice(t('projects.preview.created'));
        window.setTimeout(() => document.getElementById('preview-link')?.focus(), 0);
      },
    });
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setNotice(t('projects.preview.copied'));
    } catch {
      const input = document.getElementById('preview-link') as HTMLInputElement | null;
      input?.select();
      setNotice(t('projects.preview.copyManually'));
    }
  }

  function doRevoke() {
    revoke.mutate(projectId, {
      onSuccess: () => {
        setConfirming(false);
        setLink(null);
        setNotice(t('projects.preview.revoked'));
      },
    });
  }

  return (
    <section className="panel" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('projects.preview.title')}</h2>
      <p className="muted">{t('projects.preview.intro')}</p>
      <StatusMessage>{notice}</StatusMessage>
      {status !== 'draft' ? <p className="notice">{t('projects.preview.notDraft')}</p> : null}
      {link ? (
        <div className="preview-link">
          <TextField
            id="preview-link"
            label={t('projects.preview.link')}
            hint={t('projects.preview.onlyNow')}
            readOnly
            value={link}
            onFocus={(e) => e.target.select()}
          />
          <Button variant="secondary" onClick={() => void copy()}>
            {t('projects.preview.copy')}
          </Button>
        </div>
      ) : active ? (
        <p>{t('projects.preview.activeHidden')}</p>
      ) : (
        <p>{t('projects.preview.none')}</p>
      )}
      <div role="alert">{create.error ? <p className="field__error">{describeError(t, toApiError(create.error))}</p> : null}</div>
      <div className="form__actions">
        <Button variant={active || link ? 'secondary' : 'primary'} pending={create.isPending} onClick={make}>
          {active || link ? t('projects.preview.replace') : t('projects.preview.create')}
        </Button>
        {active || link ? (
          <Button
            variant="secondary"
            onClick={() => {
              revoke.reset();
              setConfirming(true);
            }}
          >
            {t('projects.preview.revoke')}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('projects.preview.revokeTitle')}
        confirmLabel={t('projects.preview.revokeConfirm')}
        onConfirm={doRevoke}
        onCancel={() => setConfirming(false)}
        pending={revoke.isPending}
        error={revoke.error ? describeError(t, toApiError(revoke.error)) : null}
      >
        <p>{t('projects.preview.revokeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
