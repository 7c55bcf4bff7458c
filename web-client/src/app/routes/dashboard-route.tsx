import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { FigureScopeType, type GetDashboardPhaseParticipation } from '@contracts/participation-client';
import { describeError, hasFieldErrors, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { dashboardPath, dashboardQueryOptions, dashboardScopesQueryOptions, SCOPE_TYPES } from '@/features/dashboard/api/dashboard';
import { periodSearch, readPeriod } from '@/features/dashboard/api/period';
import { DashboardFilters } from '@/features/dashboard/components/dashboard-filters';
import { DashboardView, periodSentence } from '@/features/dashboard/components/dashboard-view';
import { parentDashboard } from '@/features/dashboard/components/related-dashboards';
import { RESULT_METHODS } from '@/features/projects/api/phase-settings';
import { oneOf } from '@/lib/closed-sets';
import { Forbidden } from './forbidden';
import { NotFoundRoute } from './not-found-route';

/** The page of a phase's results (provisional for the staff and officials until published), for methods that have some. */
const resultsPath = (phase: GetDashboardPhaseParticipation) =>
  RESULT_METHODS.includes(phase.method) ? `/projects/${phase.projectId}/phases/${phase.phaseId}/results` : null;

/**
 * /dashboard: the reader's own dashboard (`home` from GET /dashboard/scopes, where officials land after signing in);
 * /dashboard/{platform | department/:id | project/:id | phase/:id}?from=&to=&waitingDays=: one scope and period, so the
 * page can be linked to. Read-only throughout.
 */
export function DashboardRoute() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { scopeType: typeParam, scopeId } = useParams();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const scopes = useQuery(dashboardScopesQueryOptions(language));
  const scopeType = typeParam ? oneOf(SCOPE_TYPES, typeParam) : undefined;
  const valid = !!scopeType && (scopeType === FigureScopeType.Platform ? !scopeId : !!scopeId);
  const period = readPeriod(searchParams);
  const dashboard = useQuery({
    ...dashboardQueryOptions({ scopeType: scopeType ?? FigureScopeType.Platform, scopeId, ...period }, language),
    enabled: valid,
  });

  if (typeParam && !valid) return <NotFoundRoute />;
  if (scopes.isPending || (valid && dashboard.isPending)) {
    return (
      <Page title={t('dashboard.title')}>
        <Loading label={t('common.loading')} />
      </Page>
    );
  }
  if (scopes.isError) return <LoadError error={scopes.error} onRetry={() => void scopes.refetch()} />;

  if (!scopeType) {
    const home = scopes.data.home;
    if (home) return <Navigate replace to={dashboardPath(home.type, home.id, location.search)} />;
    return (
      <Page title={t('dashboard.title')}>
        <Alert variant="info" title={t('dashboard.noneTitle')}>
          <p>{t('dashboard.noneBody')}</p>
        </Alert>
      </Page>
    );
  }

  const error = dashboard.isError ? toApiError(dashboard.error) : null;
  if (error?.status === 403) return <Forbidden />;
  if (error?.status === 404) return <NotFoundRoute />;
  if (error && error.status !== 400) return <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;

  const data = dashboard.data;
  const search = periodSearch(period);
  const parent = data ? parentDashboard(data, scopes.data) : null;
  const name = data
    ? data.scope.type === FigureScopeType.Phase && data.scope.projectName
      ? t('dashboard.phaseName', { phase: data.scope.name, project: data.scope.projectName })
      : data.scope.name
    : '';

  return (
    <Page
      title={name ? t('dashboard.titleOf', { name }) : t('dashboard.title')}
      intro={
        data ? (
          <>
            <p>{periodSentence(t, data, language)}</p>
            <p className="muted">{t('dashboard.readOnly')}</p>
          </>
        ) : null
      }
    >
      {parent ? (
        <p>
          <Link to={`${parent.to}${search}`}>{parent.name ? t('dashboard.up', { name: parent.name }) : t('dashboard.upPlatform')}</Link>
        </p>
      ) : null}
      <div className="panel">
        <DashboardFilters
          key={`${location.pathname}${location.search}`}
          scopes={scopes.data}
          current={{ scopeType, scopeId, name: name || t('dashboard.title') }}
          period={period}
          apiError={error}
          onApply={(scope, chosen) => void navigate(dashboardPath(scope.scopeType, scope.scopeId, periodSearch(chosen)))}
        />
      </div>
      {/* Field errors are told in the form, beside their fields. */}
      {error && !hasFieldErrors(error) ? <Alert variant="error" role="alert" title={describeError(t, error)} /> : null}
      {data ? <DashboardView data={data} scopes={scopes.data} search={search} resultsPath={resultsPath} /> : null}
    </Page>
  );
}

function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Page title={t('dashboard.title')}>
      <Alert variant="error" role="alert" title={describeError(t, toApiError(error))}>
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Alert>
    </Page>
  );
}
