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

/** Block someone from participating until a day (included), with a reason they receive; or end a block early. */
export function BlockUserDialog({ user, onClose }: { user: ListUsersUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={user !== null} title={user ? t('users.block.title', { name: `${user.firstName} ${user.lastName}` }) : ''} onClose={onClose}>
      {user ? <BlockUser user={user} /> : null}
    </Dialog>
  );
}

function BlockUser({ user }: { user: ListUsersUser }) {
  const { t, i18n } = useTranslation();
  const block = useBlockUser();
  const unblock = useUnblockUser();
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  const [until, setUntil] = useState(() => {
    const inAWeek = new Date();
    inAWeek.setDate(inAWeek.getDate() + 7);
    return toDateInput(inAWeek);
  });
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
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
    setNotice(null);
    unblock.reset();
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
      { onSuccess: () => setNotice(t('users.block.done', { date: formatDate(day.toISOString(), i18n.language) })) },
    );
  }

  return (
    <div className="stack">
      <StatusMessage>{notice}</StatusMessage>
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
          errors={[...(errors.until ?? []), ...(errors.userId ?? [])].length > 0 ? [...(errors.until ?? []), ...(errors.userId ?? [])] : undefined}
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
      <section aria-labelledby="unblock-title">
        <h3 id="unblock-title">{t('users.block.unblockTitle')}</h3>
        <p className="form__note">{t('users.block.unblockIntro')}</p>
        <StatusMessage>{unblock.isSuccess ? t('users.block.unblocked') : null}</StatusMessage>
        <div role="alert">{unblock.error ? <p className="field__error">{describeError(t, toApiError(unblock.error))}</p> : null}</div>
        <Button
          variant="secondary"
          pending={unblock.isPending}
          onClick={() => {
            setNotice(null);
            block.reset();
            unblock.mutate(user.id);
          }}
        >
          {t('users.block.unblock')}
        </Button>
      </section>
    </div>
  );
}
