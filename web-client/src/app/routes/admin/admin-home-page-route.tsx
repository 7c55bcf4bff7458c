import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { homePageDraftQueryOptions } from '@/features/home-page/api/home-page';
import { HomeEditor } from '@/features/home-page/components/home-editor';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, type Language } from '@/lib/i18n/languages';
import { HOME_PAGE_ROLES, RequireStaffRole } from './admin-layout';

/** The home page's editor (admins and communication managers), one language at a time (the platform's enabled ones). */
export function AdminHomePageRoute() {
  const { t, i18n } = useTranslation();
  const platform = useQuery(platformQueryOptions());
  const enabled = SUPPORTED_LANGUAGES.filter((l) => platform.data?.languages.includes(l) ?? l === 'fr');
  const initial: Language = enabled.find((l) => l === i18n.language) ?? enabled[0] ?? 'fr';
  const [language, setLanguage] = useState<Language>(initial);
  const draft = useQuery(homePageDraftQueryOptions(language));
  return (
    <RequireStaffRole roles={HOME_PAGE_ROLES}>
      <Page title={t('admin.nav.homePage')} intro={<p>{t('homePage.editor.intro')}</p>}>
        <p>
          <Link to="/">{t('homePage.editor.viewPublic')}</Link>
        </p>
        <div className="field">
          <label className="field__label" htmlFor="home-language">
            {t('homePage.editor.language')}
          </label>
          <select id="home-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {enabled.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        {draft.isPending ? (
          <Loading label={t('common.loading')} />
        ) : draft.isError ? (
          <Alert variant="error" title={describeError(t, toApiError(draft.error))} />
        ) : (
          <HomeEditor key={draft.data.language} draft={draft.data} />
        )}
      </Page>
    </RequireStaffRole>
  );
}
