import { createBrowserRouter, type RouteObject } from 'react-router';
import { loadClient } from '@/api/client';
import { Loading } from '@/components/ui/loading';
import { i18n, loadMessages } from '@/lib/i18n';
import type { Language } from '@/lib/i18n/languages';
import type { Namespace } from '@/lib/i18n/namespaces';
import { AppLayout } from './app-layout';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';

const preloadClient = () =>
  loadClient().then(
    () => undefined,
    () => undefined,
  );

/** The staff's areas: their pages need the staff's messages too. */
const STAFF_AREAS = new Set(['admin', 'dashboard', 'operator', 'operator/invitation']);

export const routes = withMessages([
  {
    element: <AppLayout />,
    // Shown while the code of a page opened directly (e.g. /admin) loads.
    HydrateFallback: () => <Loading label={i18n.t('common.loading')} />,
    // The home page is in the first load; every other page is a chunk of its own, loaded when it is opened.
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'register', lazy: async () => ({ Component: (await import('./routes/register-route')).RegisterRoute }) },
      { path: 'login', lazy: async () => ({ Component: (await import('./routes/login-route')).LoginRoute }) },
      {
        path: 'support-session',
        lazy: async () => ({ Component: (await import('./routes/support-session-route')).SupportSessionRoute }),
      },
      { path: 'confirm-email', lazy: async () => ({ Component: (await import('./routes/confirm-email-route')).ConfirmEmailRoute }) },
      { path: 'forgot-password', lazy: async () => ({ Component: (await import('./routes/forgot-password-route')).ForgotPasswordRoute }) },
      { path: 'reset-password', lazy: async () => ({ Component: (await import('./routes/reset-password-route')).ResetPasswordRoute }) },
      { path: 'profile', lazy: async () => ({ Component: (await import('./routes/profile-route')).ProfileRoute }) },
      {
        path: 'profile/contributions',
        lazy: async () => ({ Component: (await import('./routes/my-contributions-route')).MyContributionsRoute }),
      },
      { path: 'people/:id', lazy: async () => ({ Component: (await import('./routes/person-route')).PersonRoute }) },
      { path: 'projects', lazy: async () => ({ Component: (await import('./routes/projects-route')).ProjectsRoute }) },
      { path: 'projects/:id', lazy: async () => ({ Component: (await import('./routes/project-route')).ProjectRoute }) },
      {
        path: 'projects/:id/preview',
        lazy: async () => ({ Component: (await import('./routes/project-preview-route')).ProjectPreviewRoute }),
      },
      { path: 'projects/:id/ideas/new', lazy: async () => ({ Component: (await import('./routes/idea-new-route')).IdeaNewRoute }) },
      { path: 'projects/:projectId/ideas/:ideaId', lazy: async () => ({ Component: (await import('./routes/idea-route')).IdeaRoute }) },
      {
        path: 'projects/:projectId/ideas/:ideaId/edit',
        lazy: async () => ({ Component: (await import('./routes/idea-edit-route')).IdeaEditRoute }),
      },
      {
        path: 'projects/:projectId/phases/:phaseId/results',
        lazy: async () => ({ Component: (await import('./routes/phase-results-route')).PhaseResultsRoute }),
      },
      {
        path: 'projects/:projectId/phases/:phaseId/survey',
        lazy: async () => ({ Component: (await import('./routes/survey-route')).SurveyRoute }),
      },
      { path: 'events', lazy: async () => ({ Component: (await import('./routes/events-route')).EventsRoute }) },
      { path: 'events/:id', lazy: async () => ({ Component: (await import('./routes/event-route')).EventRoute }) },
      { path: 'pages/:slug', lazy: async () => ({ Component: (await import('./routes/page-route')).PageRoute }) },
      { path: 'organisations', lazy: async () => ({ Component: (await import('./routes/organisations-route')).OrganisationsRoute }) },
      {
        path: 'organisations/new',
        lazy: async () => ({ Component: (await import('./routes/organisation-new-route')).OrganisationNewRoute }),
      },
      { path: 'organisations/:id', lazy: async () => ({ Component: (await import('./routes/organisation-route')).OrganisationRoute }) },
      {
        path: 'organisations/:id/edit',
        lazy: async () => ({ Component: (await import('./routes/organisation-edit-route')).OrganisationEditRoute }),
      },
      { path: 'notifications', lazy: async () => ({ Component: (await import('./routes/notifications-route')).NotificationsRoute }) },
      {
        path: 'notifications/settings',
        lazy: async () => ({ Component: (await import('./routes/notification-settings-route')).NotificationSettingsRoute }),
      },
      {
        path: 'newsletter/unsubscribe',
        lazy: async () => ({ Component: (await import('./routes/newsletter-unsubscribe-route')).NewsletterUnsubscribeRoute }),
      },
      { path: 'unsubscribe', lazy: async () => ({ Component: (await import('./routes/unsubscribe-route')).UnsubscribeRoute }) },
      // Staff screens and the invitation page load on demand: most visitors never see them.
      { path: 'invitation', lazy: async () => ({ Component: (await import('./routes/invitation-route')).InvitationRoute }) },
      {
        path: 'admin',
        lazy: async () => ({ Component: (await import('./routes/admin/admin-layout')).AdminLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/admin/admin-overview-route')).AdminOverviewRoute }) },
          {
            path: 'getting-started',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-getting-started-route')).AdminGettingStartedRoute }),
          },
          { path: 'projects', lazy: async () => ({ Component: (await import('./routes/admin/admin-projects-route')).AdminProjectsRoute }) },
          {
            path: 'projects/new',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-project-new-route')).AdminProjectNewRoute }),
          },
          {
            path: 'projects/:id',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-project-route')).AdminProjectRoute }),
          },
          {
            path: 'projects/:id/phases/:phaseId/survey',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-survey-builder-route')).AdminSurveyBuilderRoute }),
          },
          {
            path: 'projects/:id/ideas',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-project-ideas-route')).AdminProjectIdeasRoute }),
          },
          {
            path: 'projects/:id/report',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-project-report-route')).AdminProjectReportRoute }),
          },
          {
            path: 'projects/:id/moderation',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-moderation-route')).AdminModerationRoute }),
          },
          {
            path: 'organisations',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-organisations-route')).AdminOrganisationsRoute }),
          },
          { path: 'audit', lazy: async () => ({ Component: (await import('./routes/admin/admin-audit-route')).AdminAuditRoute }) },
          {
            path: 'support',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-support-route')).AdminSupportRoute }),
          },
          {
            path: 'projects/:id/events',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-events-route')).AdminProjectEventsRoute }),
          },
          { path: 'events', lazy: async () => ({ Component: (await import('./routes/admin/admin-events-route')).AdminEventsRoute }) },
          {
            path: 'content-calendar',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-content-calendar-route')).AdminContentCalendarRoute }),
          },
          {
            path: 'campaigns',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-campaigns-route')).AdminCampaignsRoute }),
          },
          { path: 'pages', lazy: async () => ({ Component: (await import('./routes/admin/admin-pages-route')).AdminPagesRoute }) },
          {
            path: 'home-page',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-home-page-route')).AdminHomePageRoute }),
          },
          { path: 'pages/:id', lazy: async () => ({ Component: (await import('./routes/admin/admin-page-route')).AdminPageRoute }) },
          { path: 'widgets', lazy: async () => ({ Component: (await import('./routes/admin/admin-widgets-route')).AdminWidgetsRoute }) },
          {
            path: 'api-clients',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-api-clients-route')).AdminApiClientsRoute }),
          },
          { path: 'webhooks', lazy: async () => ({ Component: (await import('./routes/admin/admin-webhooks-route')).AdminWebhooksRoute }) },
          { path: 'exports', lazy: async () => ({ Component: (await import('./routes/admin/admin-exports-route')).AdminExportsRoute }) },
          { path: 'digests', lazy: async () => ({ Component: (await import('./routes/admin/admin-digests-route')).AdminDigestsRoute }) },
          {
            path: 'briefings',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-briefings-route')).AdminBriefingsRoute }),
          },
          {
            path: 'settings',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-settings-route')).AdminSettingsRoute }),
          },
          { path: 'users', lazy: async () => ({ Component: (await import('./routes/admin/admin-users-route')).AdminUsersRoute }) },
          {
            path: 'departments',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-departments-route')).AdminDepartmentsRoute }),
          },
          { path: 'topics', lazy: async () => ({ Component: (await import('./routes/admin/admin-topics-route')).AdminTopicsRoute }) },
          {
            path: 'invitations',
            lazy: async () => ({ Component: (await import('./routes/admin/admin-invitations-route')).AdminInvitationsRoute }),
          },
        ],
      },
      {
        // Dashboards are read in the staff area's frame (its sections beside them); officials land here after signing in.
        path: 'dashboard',
        lazy: async () => ({ Component: (await import('./routes/admin/admin-layout')).AdminLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/dashboard-route')).DashboardRoute }) },
          { path: ':scopeType/:scopeId?', lazy: async () => ({ Component: (await import('./routes/dashboard-route')).DashboardRoute }) },
        ],
      },
      {
        // A console invitation's link (issue 19): the invited person chooses their password, before any console session.
        path: 'operator/invitation',
        lazy: async () => ({
          Component: (await import('./routes/operator/operator-invitation-route')).OperatorInvitationRoute,
        }),
      },
      {
        // The vendor's console (issue 19): its own sign-in, outside any city's accounts.
        path: 'operator',
        lazy: async () => ({ Component: (await import('./routes/operator/operator-layout')).OperatorLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/operator/operator-pages')).OperatorCitiesRoute }) },
          {
            path: 'cities/new',
            lazy: async () => ({ Component: (await import('./routes/operator/operator-pages')).OperatorNewCityRoute }),
          },
          {
            path: 'cities/:id',
            lazy: async () => ({ Component: (await import('./routes/operator/operator-pages')).OperatorCityRoute }),
          },
          { path: 'audit', lazy: async () => ({ Component: (await import('./routes/operator/operator-pages')).OperatorAuditRoute }) },
          {
            path: 'support',
            lazy: async () => ({ Component: (await import('./routes/operator/operator-pages')).OperatorSupportRoute }),
          },
          { path: 'people', lazy: async () => ({ Component: (await import('./routes/operator/operator-pages')).OperatorPeopleRoute }) },
          {
            path: 'password',
            lazy: async () => ({ Component: (await import('./routes/operator/operator-pages')).OperatorPasswordRoute }),
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

/**
 * Every lazy page loads, beside its code, its messages (src/lib/i18n/namespaces.ts: the resident namespace, and under
 * /admin and /dashboard the staff's as well) and the generated API client (src/api/client.ts), all at once: the first
 * load carries only the home page's and the frame's messages and calls. Neither failing fails the page: a missing
 * client is loaded again at its first call.
 */
function withMessages(list: RouteObject[], namespaces: readonly Namespace[] = ['resident']): RouteObject[] {
  return list.map((route) => {
    const own: readonly Namespace[] = route.path && STAFF_AREAS.has(route.path) ? ['resident', 'staff'] : namespaces;
    const { lazy, children } = route;
    return {
      ...route,
      ...(typeof lazy === 'function' ? { lazy: async () => (await Promise.all([lazy(), loadMessages(own), preloadClient()]))[0] } : {}),
      ...(children ? { children: withMessages(children, own) } : {}),
    } as RouteObject;
  });
}

/** The app's router under its language's address: `/nl/projects` is the route `projects` in Dutch. */
export const createRouter = (language: Language) => createBrowserRouter(routes, { basename: `/${language}` });
