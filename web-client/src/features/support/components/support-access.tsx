import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportGrant, SupportPerson } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { StatusMessage } from '@/components/ui/status-message';
import { TableRegion } from '@/components/ui/table-region';
import { TextAreaField } from '@/components/ui/textarea-field';
import { formatDateTime } from '@/lib/format';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import {
  DEFAULT_SUPPORT_HOURS,
  SUPPORT_DURATIONS,
  SUPPORT_REASON_MAX_LENGTH,
  supportGrantsQueryOptions,
  useGrantSupport,
  useRevokeSupport,
} from '../api/support';

const name = (person: SupportPerson | undefined) => (person ? `${person.firstName} ${person.lastName}` : '—');

/**
 * The admins' control of the vendor's support access: grant it for a time (or extend the open grant), see when it ends,
 * revoke it (after confirmation), and the history of grants with who opened and closed each.
 */
export function SupportAccess() {
  const { t, i18n } = useTranslation();
  const grants = useQuery(supportGrantsQueryOptions());
  const grant = useGrantSupport();
  const revoke = useRevokeSupport();
  const [hours, setHours] = useState(String(DEFAULT_SUPPORT_HOURS));
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState<SupportGrant | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const apiError = grant.error ? toApiError(grant.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'hours', id: 'support-hours', label: t('support.access.duration') },
    { key: 'reason', id: 'support-reason', label: t('support.access.reason') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);
  const active = grants.data?.active;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (reason.length > SUPPORT_REASON_MAX_LENGTH) found.reason = [t('forms.tooLong', { max: SUPPORT_REASON_MAX_LENGTH })];
    setClientErrors(found);
    setDone(null);
    if (Object.keys(found).length > 0) {
      grant.reset();
      return;
    }
    grant.mutate(
      { hours: Number(hours), reason: reason.trim() || undefined },
      {
        onSuccess: (result) => {
          setReason('');
          setDone(t('support.access.granted', { end: formatDateTime(result.endsAt, i18n.language) }));
        },
      },
    );
  }

  return (
    <section className="stack" aria-labelledby="support-access-title">
      <h2 id="support-access-title">{t('support.access.title')}</h2>
      <p>{t('support.access.intro')}</p>
      <StatusMessage>{done}</StatusMessage>
      {grants.isPending ? (
        <Loading label={t('common.loading')} />
      ) : grants.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(grants.error))}>
          <Button variant="secondary" onClick={() => void grants.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : active ? (
        <Alert variant="warning" title={t('support.access.activeTitle')}>
          <p>{t('support.access.activeUntil', { end: formatDateTime(active.endsAt, i18n.language) })}</p>
          {active.reason ? <p>{t('support.access.activeReason', { reason: active.reason })}</p> : null}
          <Button variant="secondary" onClick={() => setConfirming(active)}>
            {t('support.access.revoke')}
          </Button>
        </Alert>
      ) : (
        <Alert variant="info" title={t('support.access.none')} />
      )}
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="support-grant-title">
        <h3 id="support-grant-title">{active ? t('support.access.extendTitle') : t('support.access.grantTitle')}</h3>
        <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
        <SelectField
          id="support-hours"
          label={t('support.access.duration')}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          options={SUPPORT_DURATIONS.map((h) => ({ value: String(h), label: t(`support.durations.${h}`) }))}
          errors={errors.hours}
        />
        <TextAreaField
          id="support-reason"
          label={t('support.access.reason')}
          hint={t('support.access.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={errors.reason}
        />
        <div>
          <Button type="submit" pending={grant.isPending}>
            {active ? t('support.access.extend') : t('support.access.grant')}
          </Button>
        </div>
      </form>
      {grants.data && grants.data.items.length > 0 ? (
        <TableRegion label={t('support.history.caption')}>
          <table className="table">
            <caption>{t('support.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('support.history.status')}</th>
                <th scope="col">{t('support.history.start')}</th>
                <th scope="col">{t('support.history.end')}</th>
                <th scope="col">{t('support.history.grantedBy')}</th>
                <th scope="col">{t('support.history.revokedBy')}</th>
                <th scope="col">{t('support.history.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {grants.data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Badge tone={item.status === 'active' ? 'warning' : 'neutral'}>{t(`support.status.${item.status}`)}</Badge>
                  </td>
                  <td>{formatDateTime(item.startsAt, i18n.language)}</td>
                  <td>{formatDateTime(item.revokedAt ?? item.endsAt, i18n.language)}</td>
                  <td>{name(item.grantedBy)}</td>
                  <td>{item.revokedBy ? name(item.revokedBy) : '—'}</td>
                  <td>{item.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        title={t('support.access.revokeTitle')}
        confirmLabel={t('support.access.revokeConfirm')}
        onCancel={() => {
          setConfirming(null);
          revoke.reset();
        }}
        onConfirm={() =>
          confirming &&
          revoke.mutate(confirming.id, {
            onSuccess: () => {
              setConfirming(null);
              setDone(t('support.access.revoked'));
            },
          })
        }
        pending={revoke.isPending}
        error={revoke.error ? describeError(t, toApiError(revoke.error)) : null}
      >
        <p>{t('support.access.revokeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
