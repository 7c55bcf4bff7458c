import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';
import { SkipLink } from '@/components/layout/skip-link';
import { LanguageAlternates } from '@/components/layout/language-alternates';
import { LanguageSwitcher } from '@/components/layout/language-switcher';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader, type NavItem } from '@/components/layout/site-header';
import { SiteNameContext } from '@/components/layout/page';
import { Button } from '@/components/ui/button';
import { useLogout } from '@/features/auth/api/auth';
import { FooterLinks } from '@/features/pages/components/footer-links';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { PlatformBranding } from '@/features/platform/components/platform-branding';
import { meQueryOptions, useUpdateMe } from '@/features/profile/api/profile';
import { useSessionStatus } from '@/lib/auth/session-store';
import { currentLanguage, loadMessages, rememberLanguage } from '@/lib/i18n';
import { isLanguage, LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '@/lib/i18n/languages';
import { DASHBOARD_ROLES, hasRole, isStaff } from '@/lib/roles';

/**
 * A piece of the signed-in frame: not in a visitor's first load, its code loaded with the resident messages it needs
 * (src/lib/i18n/namespaces.ts) once someone signs in.
 */
function lazyWithResidentMessages(load: () => Promise<ComponentType>) {
  return lazy(async () => {
    const [Component] = await Promise.all([load(), loadMessages(['resident'])]);
    return { default: Component };
  });
}

/** A signed-in person's notifications. */
const NotificationMenu = lazyWithResidentMessages(
  async () => (await import('@/features/notifications/components/notification-menu')).NotificationMenu,
);

/** The terms banner of a signed-in participant. */
const TermsBanner = lazyWithResidentMessages(async () => (await import('@/features/consents/components/terms-banner')).TermsBanner);

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const status = useSessionStatus();
  const platform = useQuery(platformQueryOptions());
  const updateMe = useUpdateMe();
  const logout = useLogout();
  const me = useQuery({ ...meQueryOptions(), enabled: status === 'authenticated' });

  const siteName = platform.data?.name ?? 'Participation';
  const languages = (platform.data?.languages ?? SUPPORTED_LANGUAGES).filter(isLanguage);

  const items: NavItem[] = [
    { to: '/', label: t('nav.home') },
    { to: '/projects', label: t('nav.projects'), end: false },
    { to: '/events', label: t('nav.events'), end: false },
    { to: '/organisations', label: t('nav.organisations'), end: false },
  ];
  if (status === 'authenticated')
    items.push({ to: '/profile', label: t('nav.profile') }, { to: '/profile/contributions', label: t('nav.contributions') });
  if (status === 'authenticated' && DASHBOARD_ROLES.some((role) => hasRole(me.data?.roles, role)))
    items.push({ to: '/dashboard', label: t('nav.dashboard'), end: false });
  if (status === 'authenticated' && isStaff(me.data?.roles)) items.push({ to: '/admin', label: t('nav.admin'), end: false });
  if (status === 'anonymous') items.push({ to: '/login', label: t('nav.login') }, { to: '/register', label: t('nav.register') });

  function changeLanguage(language: string) {
    if (!isLanguage(language)) return;
    // A choice: remembered for addresses without a language, and the address follows (src/app/app.tsx).
    rememberLanguage(language);
    void i18n.changeLanguage(language);
    // The profile's language is the one of the e-mails the platform sends.
    if (status === 'authenticated') updateMe.mutate({ locale: language });
  }

  return (
    <SiteNameContext.Provider value={siteName}>
      <PlatformBranding platform={platform.data} />
      <LanguageAlternates languages={languages} />
      <SkipLink label={t('layout.skipToContent')} />
      <SiteHeader
        siteName={siteName}
        logoUrl={platform.data?.logoUrl}
        homeLabel={t('nav.home')}
        navLabel={t('layout.mainNav')}
        menuLabel={t('layout.menu')}
        items={items}
        actions={
          status === 'authenticated' ? (
            <Button
              variant="link"
              className="site-nav__link"
              pending={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/', { state: { loggedOut: true } }) })}
            >
              {t('nav.logout')}
            </Button>
          ) : null
        }
        notifications={
          status === 'authenticated' ? (
            <Suspense fallback={null}>
              <NotificationMenu />
            </Suspense>
          ) : null
        }
        languageSwitcher={
          <LanguageSwitcher
            label={t('layout.language')}
            value={currentLanguage()}
            onChange={changeLanguage}
            options={languages.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
          />
        }
      />
      <main id="main" tabIndex={-1} className="site-main">
        {/* The terms of use govern taking part; staff act for the city under its own rules and accept them from their
            profile (« Mes consentements ») rather than from a banner over every staff page. */}
        {status === 'authenticated' && me.data && !isStaff(me.data.roles) ? (
          <Suspense fallback={null}>
            <TermsBanner />
          </Suspense>
        ) : null}
        <Outlet />
      </main>
      <SiteFooter
        siteName={siteName}
        tagline={t('layout.footer')}
        links={<FooterLinks language={i18n.language} label={t('layout.footerNav')} />}
        legalName={platform.data?.legalName}
        legalAddress={platform.data?.legalAddress}
        contactEmail={platform.data?.contactEmail}
        contactLabel={t('layout.contact')}
      />
    </SiteNameContext.Provider>
  );
}
