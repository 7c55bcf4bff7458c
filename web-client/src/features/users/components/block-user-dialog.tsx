import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListUsersUser } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { StatusMessage } from '@/components/ui/status-message';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { formatDate, fromDateInput, toDateInput } from '@/lib/format';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { useBlockUser, useUnblockUser } from '../api/users';

/** Block someone from participating until a day (included), with a reason they receive; or, when blocked, end the block early. */
export function BlockUserDialog({ user, onClose }: { user: ListUsersUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={user !== null}
      title={user ? t('users.block.title', { name: `${user.firstName} ${user.lastName}` }) : ''}
      onClose={onClose}
    >
      {user ? <BlockUser user={user} /> : null}
    </Dialog>
  );
}

/** Whether a block is running now (the API lists only running ones; the clock may have moved since). */
export function isBlocked(user: Pick<ListUsersUser, 'blockedUntil'>, now = new Date()): boolean {
  return !!user.blockedUntil && new Date(user.blockedUntil).getTime() > now.getTime();
}

/** A block ends at an instant (the next midnight for a day chosen here): people read the last day included. */
export function blockLastDay(blockedUntil: string): string {
  return new Date(new Date(blockedUntil).getTime() - 1000).toISOString();
}

function BlockUser({ user }: { user: ListUsersUser }) {
  const { t, i18n } = useTranslation();
  const block = useBlockUser();
  const unblock = useUnblockUser();
  const [notice, setNotice] = useState<string | null>(null);
  const blocked = isBlocked(user);
  return (
    <div className="stack">
      <StatusMessage>{notice}</StatusMessage>
      {blocked && user.blockedUntil ? (
        <section aria-labelledby="unblock-title">
          <h3 id="unblock-title">{t('users.block.currentTitle')}</h3>
          <p>{t('users.block.current', { date: formatDate(blockLastDay(user.blockedUntil), i18n.language) })}</p>
          {user.blockReason ? (
            <>
              <h4 className="block__reason-title">{t('users.block.reason')}</h4>
              <p className="plain-text">{user.blockReason}</p>
            </>
          ) : null}
          <p className="form__note">{t('users.block.unblockIntro')}</p>
          <div role="alert">{unblock.error ? <p className="field__error">{describeError(t, toApiError(unblock.error))}</p> : null}</div>
          <Button
            id="unblock-button"
            variant="secondary"
            pending={unblock.isPending}
            onClick={() => {
              setNotice(null);
              block.reset();
              unblock.mutate(user.id, {
                onSuccess: () => {
                  setNotice(t('users.block.unblocked'));
                  window.setTimeout(() => document.getElementById('block-until')?.focus(), 0);
                },
              });
            }}
          >
            {t('users.block.unblock')}
          </Button>
        </section>
      ) : (
        <BlockForm
          user={user}
          block={block}
          onBlocked={(text) => {
            unblock.reset();
            setNotice(text);
            window.setTimeout(() => document.getElementById('unblock-button')?.focus(), 0);
          }}
          onStart={() => setNotice(null)}
        />
      )}
    </div>
  );
}

function BlockForm({
  user,
  block,
  onBlocked,
  onStart,
}: {
  user: ListUsersUser;
  block: ReturnType<typeof useBlockUser>;
  onBlocked: (notice: string) => void;
  onStart: () => void;
}) {
  const { t, i18n } = useTranslation();
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  const [until, setUntil] = useState(() => {
    const inAWeek = new Date();
    inAWeek.setDate(inAWeek.getDate() + 7);
    return toDateInput(inAWeek);
  });
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const apiError = block.error ? toApiError(block.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);
  const fields = [
    { key: 'until', id: 'block-until', label: t('users.block.until') },
    { key: 'reason', id: 'block-reason', label: t('users.block.reason') },
    { key: 'userId', id: 'block-until', label: t('users.block.until') },
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const found: FieldErrors = {};
    const day = fromDateInput(until);
    if (!day || day.getTime() < fromDateInput(toDateInput(tomorrow))!.getTime() - 1) found.until = [t('users.block.untilFuture')];
    if (!reason.trim()) found.reason = [t('forms.required')];
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !day) {
      block.reset();
      return;
    }
    // The last day is included: the block ends at the next midnight.
    const end = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
    block.mutate(
      { userId: user.id, until: end.toISOString(), reason: reason.trim() },
      { onSuccess: () => onBlocked(t('users.block.done', { date: formatDate(day.toISOString(), i18n.language) })) },
    );
  }

  const untilErrors = [...(errors.until ?? []), ...(errors.userId ?? [])];
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="block-form-title">
      <h3 id="block-form-title">{t('users.block.formTitle')}</h3>
      <p className="form__note">{t('users.block.intro')}</p>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields).slice(0, 2) : []} />
      <TextField
        id="block-until"
        type="date"
        label={t('users.block.until')}
        hint={t('users.block.untilHint')}
        min={toDateInput(tomorrow)}
        required
        value={until}
        onChange={(e) => setUntil(e.target.value)}
        errors={untilErrors.length > 0 ? untilErrors : undefined}
      />
      <TextAreaField
        id="block-reason"
        label={t('users.block.reason')}
        hint={t('users.block.reasonHint')}
        required
        rows={3}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={errors.reason}
      />
      <div className="form__actions">
        <Button type="submit" className="button--danger" pending={block.isPending}>
          {t('users.block.submit')}
        </Button>
      </div>
    </form>
  );
}
