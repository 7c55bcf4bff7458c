import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useOutletContext } from 'react-router';
import { Role, type GetMeResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { meQueryOptions } from '@/features/profile/api/profile';
import { DASHBOARD_ROLES, hasRole, isStaff } from '@/lib/roles';
import { RequireAuth } from '../../require-auth';
import { Forbidden } from '../forbidden';

export interface StaffContext {
  me: GetMeResponse;
}

export const useStaff = () => useOutletContext<StaffContext>();

/** The staff area's sections and who sees each (the API decides in the end). */
export type StaffSectionKey =
  | 'overview'
  | 'gettingStarted'
  | 'dashboard'
  | 'projects'
  | 'users'
  | 'departments'
  | 'topics'
  | 'invitations'
  | 'organisations'
  | 'audit'
  | 'widgets'
  | 'campaigns'
  | 'apiClients'
  | 'webhooks'
  | 'exports'
  | 'digests'
  | 'briefings'
  | 'events'
  | 'homePage'
  | 'contentCalendar'
  | 'pages'
  | 'settings'
  | 'support';

/** Who configures the widgets for the city's website. */
export const WIDGET_ROLES: Role[] = [Role.Admin, Role.ItManager, Role.CommunicationManager];

/** Who writes and sends e-mail campaigns (newsletters). */
export const CAMPAIGN_ROLES: Role[] = [Role.Admin, Role.CommunicationManager];

/** Who manages the API clients (integrations with their own credentials). */
export const API_CLIENT_ROLES: Role[] = [Role.Admin, Role.ItManager];
/** Who manages the API clients' webhooks. */
export const WEBHOOK_ROLES: Role[] = [Role.Admin, Role.ItManager];
/** Who exports data of their scope (exporting is reading: elected officials too). */
export const EXPORT_ROLES: Role[] = [Role.Admin, Role.DepartmentHead, Role.ProjectModerator, Role.ElectedOfficial];

/** Who receives a digest: department heads (monthly summary) and project moderators (weekly digest). */
export const DIGEST_ROLES: Role[] = [Role.DepartmentHead, Role.ProjectModerator];
/** Who manages the elected officials' briefings (officials only read their own, by e-mail). */
export const BRIEFING_ROLES: Role[] = [Role.Admin];
/** Who keeps the platform's settings and branding. */
export const SETTINGS_ROLES: Role[] = [Role.Admin];

/** Who writes the pages (about, privacy, terms, accessibility, FAQ, free pages). */
export const PAGE_ROLES: Role[] = [Role.Admin, Role.CommunicationManager];

/** Who edits the home page. */
export const HOME_PAGE_ROLES: Role[] = [Role.Admin, Role.CommunicationManager];

/** Who writes platform-wide events (a project's staff write its events from the project). */
export const EVENT_ROLES: Role[] = [Role.Admin, Role.CommunicationManager];

/** Who reads the content calendar (each sees their part: the API decides). */
export const CONTENT_CALENDAR_ROLES: Role[] = [Role.Admin, Role.CommunicationManager, Role.DepartmentHead, Role.ProjectModerator];

export const STAFF_SECTIONS: { path: string; key: StaffSectionKey; roles: Role[] | null }[] = [
  { path: '/admin', key: 'overview', roles: null },
  { path: '/admin/getting-started', key: 'gettingStarted', roles: null },
  { path: '/dashboard', key: 'dashboard', roles: DASHBOARD_ROLES },
  { path: '/admin/projects', key: 'projects', roles: [Role.Admin, Role.DepartmentHead, Role.ProjectModerator] },
  { path: '/admin/users', key: 'users', roles: [Role.Admin] },
  { path: '/admin/departments', key: 'departments', roles: [Role.Admin] },
  { path: '/admin/topics', key: 'topics', roles: [Role.Admin] },
  { path: '/admin/invitations', key: 'invitations', roles: [Role.Admin, Role.DepartmentHead] },
  { path: '/admin/organisations', key: 'organisations', roles: [Role.Admin] },
  { path: '/admin/audit', key: 'audit', roles: [Role.Admin, Role.DepartmentHead] },
  { path: '/admin/widgets', key: 'widgets', roles: WIDGET_ROLES },
  { path: '/admin/campaigns', key: 'campaigns', roles: CAMPAIGN_ROLES },
  { path: '/admin/api-clients', key: 'apiClients', roles: API_CLIENT_ROLES },
  { path: '/admin/webhooks', key: 'webhooks', roles: WEBHOOK_ROLES },
  { path: '/admin/exports', key: 'exports', roles: EXPORT_ROLES },
  { path: '/admin/digests', key: 'digests', roles: DIGEST_ROLES },
  { path: '/admin/briefings', key: 'briefings', roles: BRIEFING_ROLES },
  { path: '/admin/events', key: 'events', roles: EVENT_ROLES },
  { path: '/admin/home-page', key: 'homePage', roles: HOME_PAGE_ROLES },
  { path: '/admin/content-calendar', key: 'contentCalendar', roles: CONTENT_CALENDAR_ROLES },
  { path: '/admin/pages', key: 'pages', roles: PAGE_ROLES },
  { path: '/admin/settings', key: 'settings', roles: SETTINGS_ROLES },
  { path: '/admin/support', key: 'support', roles: null },
];

export function canSee(me: GetMeResponse, roles: Role[] | null): boolean {
  return roles === null || roles.some((role) => hasRole(me.roles, role));
}

export function AdminLayout() {
  return (
    <RequireAuth>
      <StaffArea />
    </RequireAuth>
  );
}

function StaffArea() {
  const { t } = useTranslation();
  const me = useQuery(meQueryOptions());

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
  if (!isStaff(me.data.roles)) return <Forbidden />;

  return (
    <div className="staff-area">
      <nav className="subnav" aria-label={t('admin.nav.label')}>
        <ul className="subnav__list">
          {STAFF_SECTIONS.filter((section) => canSee(me.data, section.roles)).map((section) => (
            <li key={section.key}>
              <NavLink to={section.path} end={section.path === '/admin'} className="subnav__link">
                {t(`admin.nav.${section.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet context={{ me: me.data } satisfies StaffContext} />
    </div>
  );
}

/** A section only some roles may open. */
export function RequireStaffRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { me } = useStaff();
  return canSee(me, roles) ? children : <Forbidden />;
}
