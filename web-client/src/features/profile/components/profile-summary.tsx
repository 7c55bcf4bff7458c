import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetMeResponse } from '@contracts/participation-client';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/lib/format';

export interface ProfileSummaryProps {
  profile: GetMeResponse;
  /** Shown when the address is not confirmed yet. */
  resendAction: ReactNode;
}

export function ProfileSummary({ profile, resendAction }: ProfileSummaryProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="profile-account-title">
      <h2 id="profile-account-title">{t('profile.account.title')}</h2>
      <dl className="details">
        <div className="details__row">
          <dt>{t('fields.email')}</dt>
          <dd>
            <span className="details__email">{profile.email}</span>{' '}
            {profile.emailConfirmed ? (
              <Badge tone="success">{t('profile.account.confirmed')}</Badge>
            ) : (
              <Badge tone="warning">{t('profile.account.unconfirmed')}</Badge>
            )}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('profile.account.memberSince')}</dt>
          <dd>{formatDate(profile.createdAt, i18n.language)}</dd>
        </div>
        {profile.roles.length > 0 ? (
          <div className="details__row">
            <dt>{t('profile.account.roles')}</dt>
            <dd>
              <ul className="inline-list">
                {profile.roles.map((grant) => (
                  <li key={`${grant.role}-${grant.scopeType}-${grant.scopeId ?? ''}`}>
                    <Badge tone="neutral">
                      {t(`roles.${grant.role}`, { defaultValue: grant.role })}
                      {grant.scopeType !== 'platform' ? ` (${t(`scopes.${grant.scopeType}`, { defaultValue: grant.scopeType })})` : ''}
                    </Badge>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      {!profile.emailConfirmed ? (
        <div className="notice">
          <p>{t('profile.account.unconfirmedHelp')}</p>
          {resendAction}
        </div>
      ) : null}
    </section>
  );
}
