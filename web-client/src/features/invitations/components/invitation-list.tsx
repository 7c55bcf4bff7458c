import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListInvitationsInvitation } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { StatusMessage } from '@/components/ui/status-message';
import { TableRegion } from '@/components/ui/table-region';
import { formatDate } from '@/lib/format';
import { localizedName, ROLES } from '@/lib/roles';
import {
  INVITATION_STATUSES,
  invitationsInfiniteQueryOptions,
  useResendInvitation,
  useRevokeInvitation,
  type InvitationFilters,
} from '../api/invitations';

const STATUS_TONE: Record<string, 'success' | 'warning' | 'neutral'> = {
  pending: 'neutral',
  accepted: 'success',
  expired: 'warning',
  revoked: 'warning',
};

/** Invitations, newest first, with filters; pending or expired ones can be sent again or revoked. */
export function InvitationList({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<InvitationFilters>({ status: '', role: '' });
  const list = useInfiniteQuery(invitationsInfiniteQueryOptions(filters));
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const [notice, setNotice] = useState<string | null>(null);
  const [toRevoke, setToRevoke] = useState<ListInvitationsInvitation | null>(null);

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const caption = t('invitations.list.caption');
  const resendError = resend.error ? toApiError(resend.error) : null;

  function doResend(invitation: ListInvitationsInvitation) {
    setNotice(null);
    revoke.reset();
    resend.mutate(invitation.id, { onSuccess: () => setNotice(t('invitations.list.resent', { email: invitation.email })) });
  }

  function doRevoke() {
    if (!toRevoke) return;
    const invitation = toRevoke;
    revoke.mutate(invitation.id, {
      onSuccess: () => {
        setToRevoke(null);
        setNotice(t('invitations.list.revoked', { email: invitation.email }));
      },
    });
  }

  return (
    <section className="panel" aria-labelledby="invitation-list-title">
      <h2 id="invitation-list-title">{t('invitations.list.title')}</h2>
      <div className="filters">
        <SelectField
          id="invitation-filter-status"
          label={t('invitations.list.filterStatus')}
          value={filters.status}
          onChange={(e) => setFilters((f) => ({ ...f, status: e.target.value }))}
          options={[
            { value: '', label: t('invitations.list.allStatuses') },
            ...INVITATION_STATUSES.map((s) => ({ value: s, label: t(`invitations.status.${s}`) })),
          ]}
        />
        <SelectField
          id="invitation-filter-role"
          label={t('invitations.list.filterRole')}
          value={filters.role}
          onChange={(e) => setFilters((f) => ({ ...f, role: e.target.value }))}
          options={[{ value: '', label: t('invitations.list.allRoles') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
        />
      </div>
      <StatusMessage>{notice}</StatusMessage>
      <div role="alert">
        {resendError ? (
          <Alert variant="error" title={describeError(t, resendError, { 409: t('invitations.list.resendConflict') })} />
        ) : null}
      </div>
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))}>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <p className="empty-state">{t('invitations.list.empty')}</p>
      ) : (
        <TableRegion label={caption}>
          <table className="table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invitations.list.person')}</th>
                <th scope="col">{t('invitations.list.role')}</th>
                <th scope="col">{t('invitations.list.status')}</th>
                <th scope="col">{t('invitations.list.delivery')}</th>
                <th scope="col">{t('invitations.list.invitedBy')}</th>
                <th scope="col">{t('invitations.list.dates')}</th>
                {canManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((invitation) => {
                const name = [invitation.firstName, invitation.lastName].filter(Boolean).join(' ');
                const scope = invitation.scopeName ? localizedName(invitation.scopeName, i18n.language) : null;
                const open = invitation.status === 'pending' || invitation.status === 'expired';
                return (
                  <tr key={invitation.id}>
                    <td>
                      {name ? <span className="table__strong">{name}</span> : null}
                      <span className="table__email">{invitation.email}</span>
                    </td>
                    <td>
                      {t(`roles.${invitation.role}`, { defaultValue: invitation.role })}
                      {scope ? (
                        <>
                          {' '}
                          <span className="table__sub">
                            {t(`invitations.list.scopeNamed.${invitation.scopeType}`, { name: scope, defaultValue: scope })}
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <Badge tone={STATUS_TONE[invitation.status] ?? 'neutral'}>
                        {t(`invitations.status.${invitation.status}`, { defaultValue: invitation.status })}
                      </Badge>
                    </td>
                    <td>
                      {invitation.deliveryState
                        ? t(`invitations.delivery.${invitation.deliveryState}`, { defaultValue: invitation.deliveryState })
                        : t('invitations.delivery.none')}
                    </td>
                    <td>{invitation.invitedBy ? `${invitation.invitedBy.firstName} ${invitation.invitedBy.lastName}` : '—'}</td>
                    <td>
                      <span className="table__sub">
                        {t('invitations.list.sentOn', { date: formatDate(invitation.createdAt, i18n.language) })}
                      </span>
                      <span className="table__sub">
                        {invitation.acceptedAt
                          ? t('invitations.list.acceptedOn', { date: formatDate(invitation.acceptedAt, i18n.language) })
                          : invitation.revokedAt
                            ? t('invitations.list.revokedOn', { date: formatDate(invitation.revokedAt, i18n.language) })
                            : t('invitations.list.expiresOn', { date: formatDate(invitation.expiresAt, i18n.language) })}
                      </span>
                    </td>
                    {canManage ? (
                      <td>
                        {open ? (
                          <div className="table__actions">
                            <Button
                              variant="secondary"
                              className="button--small"
                              pending={resend.isPending && resend.variables === invitation.id}
                              aria-label={t('invitations.list.resendFor', { email: invitation.email })}
                              onClick={() => doResend(invitation)}
                            >
                              {t('invitations.list.resend')}
                            </Button>
                            <Button
                              variant="secondary"
                              className="button--small"
                              aria-label={t('invitations.list.revokeFor', { email: invitation.email })}
                              onClick={() => {
                                revoke.reset();
                                setToRevoke(invitation);
                              }}
                            >
                              {t('invitations.list.revoke')}
                            </Button>
                          </div>
                        ) : (
                          '—'
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      {list.hasNextPage ? (
        <p className="load-more">
          <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
      <ConfirmDialog
        open={toRevoke !== null}
        title={t('invitations.list.revokeTitle')}
        confirmLabel={t('invitations.list.revokeConfirm')}
        onConfirm={doRevoke}
        onCancel={() => setToRevoke(null)}
        pending={revoke.isPending}
        error={revoke.error ? describeError(t, toApiError(revoke.error), { 409: t('invitations.list.revokeConflict') }) : null}
      >
        <p>{toRevoke ? t('invitations.list.revokeBody', { email: toRevoke.email }) : null}</p>
      </ConfirmDialog>
    </section>
  );
}
