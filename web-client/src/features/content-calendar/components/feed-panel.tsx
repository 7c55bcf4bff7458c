import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { formatDateTime } from '@/lib/format';
import { contentCalendarFeedQueryOptions, useCreateContentCalendarFeed, useRevokeContentCalendarFeed } from '../api/content-calendar';

/**
 * The caller's private iCalendar address: created (or renewed: the previous one stops working), copied, revoked. The API
 * keeps only a hash, so the address is shown only right after it was made.
 */
export function FeedPanel() {
  const { t, i18n } = useTranslation();
  const status = useQuery(contentCalendarFeedQueryOptions());
  const create = useCreateContentCalendarFeed();
  const revoke = useRevokeContentCalendarFeed();
  const [link, setLink] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const active = !!status.data?.active || !!link;

  function make() {
    setNotice(null);
    revoke.reset();
    create.mutate(undefined, {
      onSuccess: (created) => {
        setLink(new URL(created.path, window.location.origin).href);
        setNotice(t('contentCalendar.feed.created'));
        window.setTimeout(() => document.getElementById('content-calendar-feed')?.focus(), 0);
      },
    });
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setNotice(t('contentCalendar.feed.copied'));
    } catch {
      (document.getElementById('content-calendar-feed') as HTMLInputElement | null)?.select();
      setNotice(t('contentCalendar.feed.copyManually'));
    }
  }

  function doRevoke() {
    revoke.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        setLink(null);
        setNotice(t('contentCalendar.feed.revoked'));
      },
    });
  }

  return (
    <section className="panel" aria-labelledby="content-calendar-feed-title">
      <h2 id="content-calendar-feed-title">{t('contentCalendar.feed.title')}</h2>
      <p className="muted">{t('contentCalendar.feed.intro')}</p>
      <StatusMessage>{notice}</StatusMessage>
      {link ? (
        <div className="preview-link">
          <TextField
            id="content-calendar-feed"
            label={t('contentCalendar.feed.link')}
            hint={t('contentCalendar.feed.onlyNow')}
            readOnly
            value={link}
            onFocus={(e) => e.target.select()}
          />
          <Button variant="secondary" onClick={() => void copy()}>
            {t('contentCalendar.feed.copy')}
          </Button>
        </div>
      ) : status.data?.active && status.data.createdAt ? (
        <p>{t('contentCalendar.feed.activeHidden', { date: formatDateTime(status.data.createdAt, i18n.language) })}</p>
      ) : status.isSuccess ? (
        <p>{t('contentCalendar.feed.none')}</p>
      ) : null}
      <div role="alert">{create.error ? <p className="field__error">{describeError(t, toApiError(create.error))}</p> : null}</div>
      <div className="form__actions">
        <Button variant={active ? 'secondary' : 'primary'} pending={create.isPending} onClick={make}>
          {active ? t('contentCalendar.feed.replace') : t('contentCalendar.feed.create')}
        </Button>
        {active ? (
          <Button
            variant="secondary"
            onClick={() => {
              revoke.reset();
              setConfirming(true);
            }}
          >
            {t('contentCalendar.feed.revoke')}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('contentCalendar.feed.revokeTitle')}
        confirmLabel={t('contentCalendar.feed.revokeConfirm')}
        onConfirm={doRevoke}
        onCancel={() => setConfirming(false)}
        pending={revoke.isPending}
        error={revoke.error ? describeError(t, toApiError(revoke.error)) : null}
      >
        <p>{t('contentCalendar.feed.revokeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
