import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { myOrganisationsQueryOptions, useJoinOrganisation } from '../api/organisations';
import { StatusBadge } from './organisation-profile';

/** The profile's "My organisations": memberships, invitations to accept, a way to create one. */
export function MyOrganisations({ notice }: { notice?: string | null }) {
  const { t } = useTranslation();
  const mine = useQuery(myOrganisationsQueryOptions());
  const join = useJoinOrganisation();
  const [joined, setJoined] = useState<string | null>(null);
  const items = mine.data?.items ?? [];
  const invitations = items.filter((o) => o.membership === 'invited');
  const memberships = items.filter((o) => o.membership !== 'invited');

  return (
    <section className="panel" aria-labelledby="my-organisations-title">
      <h2 id="my-organisations-title">{t('organisations.mine.title')}</h2>
      <StatusMessage>{joined ? t('organisations.page.joined', { name: joined }) : (notice ?? null)}</StatusMessage>
      {mine.isPending ? (
        <Loading label={t('common.loading')} />
      ) : mine.isError ? (
        <Alert variant="error" title={describeError(t, toApiError(mine.error))} />
      ) : (
        <>
          {invitations.length > 0 ? (
            <>
              <h3>{t('organisations.mine.invitations')}</h3>
              <ul className="role-list">
                {invitations.map((organisation) => (
                  <li key={organisation.id} className="role-list__item">
                    <span>
                      <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link> <StatusBadge status={organisation.status} />
                    </span>
                    <Button
                      className="button--small"
                      aria-label={t('organisations.joinLabel', { name: organisation.name })}
                      pending={join.isPending && join.variables === organisation.id}
                      onClick={() => join.mutate(organisation.id, { onSuccess: () => setJoined(organisation.name) })}
                    >
                      {t('organisations.join')}
                    </Button>
                  </li>
                ))}
              </ul>
              <div role="alert">{join.error ? <p className="field__error">{describeError(t, toApiError(join.error))}</p> : null}</div>
            </>
          ) : null}
          {memberships.length === 0 ? (
            <p className="muted">{t('organisations.mine.none')}</p>
          ) : (
            <ul className="role-list">
              {memberships.map((organisation) => (
                <li key={organisation.id} className="role-list__item">
                  <span>
                    <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>{' '}
                    <span className="muted">
                      · {t(`organisations.membership.${organisation.membership}`, { defaultValue: organisation.membership })}
                    </span>
                  </span>
                  <StatusBadge status={organisation.status} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p>
        <Link to="/organisations/new">{t('organisations.mine.create')}</Link>
      </p>
    </section>
  );
}
