import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { TermsVersionForm } from '@/features/consents/components/terms-version-form';
import { platformSettingsQueryOptions, useSetAccountRetention, useUpdatePlatformSettings } from '@/features/platform/api/platform';
import { AccountRetentionForm } from '@/features/platform/components/account-retention-form';
import { PlatformImageUpload } from '@/features/platform/components/platform-image-upload';
import { PlatformSettingsForm } from '@/features/platform/components/platform-settings-form';
import { RequireStaffRole, SETTINGS_ROLES } from './admin-layout';

/**
 * The platform's settings and branding (admins): identity, logo, favicon, colours, languages, map, contact, sender; and
 * the retention of inactive accounts, saved on its own.
 */
export function AdminSettingsRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaffRole roles={SETTINGS_ROLES}>
      <Page title={t('admin.nav.settings')} intro={<p>{t('platformSettings.intro')}</p>}>
        <SettingsPage />
      </Page>
    </RequireStaffRole>
  );
}

function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(platformSettingsQueryOptions());
  const update = useUpdatePlatformSettings();
  const [saved, setSaved] = useState(false);
  const retention = useSetAccountRetention();
  // The form starts again from the settings each time they are (re)loaded after a conflict.
  const [generation, setGeneration] = useState(0);

  if (settings.isPending) return <Loading label={t('common.loading')} />;
  if (settings.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(settings.error))} />;

  return (
    <div className="stack">
      <div className="platform-images">
        <PlatformImageUpload kind="logo" currentUrl={settings.data.logoUrl} platformName={settings.data.name} />
        <PlatformImageUpload kind="favicon" currentUrl={settings.data.faviconUrl} platformName={settings.data.name} />
      </div>
      <section className="panel">
        <PlatformSettingsForm
          key={generation}
          settings={settings.data}
          pending={update.isPending}
          error={update.error}
          saved={saved}
          onResetError={() => update.reset()}
          onSubmit={(request) => {
            setSaved(false);
            update.mutate(request, { onSuccess: () => setSaved(true) });
          }}
          onReload={() => {
            update.reset();
            void settings.refetch().then(() => setGeneration((g) => g + 1));
          }}
        />
      </section>
      <section className="panel">
        <AccountRetentionForm
          months={settings.data.inactiveAccountRetentionMonths}
          pending={retention.isPending}
          error={retention.error}
          saved={retention.isSuccess}
          onResetError={() => retention.reset()}
          onSubmit={(months) => retention.mutate(months)}
        />
      </section>
      <TermsVersionForm />
    </div>
  );
}
