import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { ResendConfirmationButton } from '@/features/auth/components/resend-confirmation-button';
import { MyConsents } from '@/features/consents/components/my-consents';
import { MyOrganisations } from '@/features/organisations/components/my-organisations';
import { meQueryOptions } from '@/features/profile/api/profile';
import { AvatarForm } from '@/features/profile/components/avatar-form';
import { ChangePasswordForm } from '@/features/profile/components/change-password-form';
import { MyData } from '@/features/profile/components/my-data';
import { ProfileForm } from '@/features/profile/components/profile-form';
import { ProfileSummary } from '@/features/profile/components/profile-summary';
import { RequireAuth } from '../require-auth';
import { rememberLanguage } from '@/lib/i18n';
import { isLanguage } from '@/lib/i18n/languages';
import { personPath } from '@/lib/slugs';

export function ProfileRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('profile.title')}>
      <RequireAuth>
        <ProfileContent />
      </RequireAuth>
    </Page>
  );
}

function ProfileContent() {
  const { t, i18n } = useTranslation();
  const me = useQuery(meQueryOptions());
  const [saved, setSaved] = useState(false);
  const location = useLocation();
  const accepted = (location.state as { invitationAccepted?: boolean } | null)?.invitationAccepted === true;
  const left = (location.state as { leftOrganisation?: string } | null)?.leftOrganisation;

  if (me.isPending) return <Loading label={t('common.loading')} />;
  if (me.isError) {
    return (
      <Alert variant="error" role="alert" title={describeError(t, toApiError(me.error))}>
        <Button variant="secondary" onClick={() => void me.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }

  const profile = me.data;
  return (
    <div className="stack">
      {accepted ? <StatusMessage>{t('profile.invitationAccepted')}</StatusMessage> : null}
      <ProfileSummary profile={profile} resendAction={<ResendConfirmationButton />} />
      <nav className="panel" aria-label={t('contributions.linksLabel')}>
        <ul className="inline-list">
          <li>
            <Link to="/profile/contributions">{t('contributions.title')}</Link>
          </li>
          <li>
            <Link to={personPath(profile.id)}>{t('contributions.publicProfile')}</Link>
          </li>
        </ul>
      </nav>
      <section className="panel">
        <AvatarForm name={`${profile.firstName} ${profile.lastName}`} avatarUrl={profile.avatarUrl} />
      </section>
      <section className="panel">
        <StatusMessage>{saved ? t('profile.edit.saved') : null}</StatusMessage>
        <ProfileForm
          key={profile.locale}
          profile={profile}
          onSaved={(next) => {
            setSaved(true);
            if (isLanguage(next.locale) && next.locale !== i18n.language) {
              rememberLanguage(next.locale);
              void i18n.changeLanguage(next.locale);
            }
          }}
        />
      </section>
      <MyOrganisations notice={left ? t('organisations.members.left', { organisation: left }) : null} />
      <section className="panel">
        <ChangePasswordForm />
      </section>
      <MyConsents />
      <MyData />
    </div>
  );
}
