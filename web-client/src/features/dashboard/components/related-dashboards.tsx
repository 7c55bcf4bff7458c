import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FigureScopeType, type GetDashboardResponse, type ListDashboardScopesResponse } from '@contracts/participation-client';
import { dashboardPath } from '../api/dashboard';

interface Related {
  key: string;
  to: string;
  name: string;
}

/** The dashboards one level down from this one: the platform's departments, a department's projects, a project's phases. */
export function relatedDashboards(data: GetDashboardResponse, scopes: ListDashboardScopesResponse): Related[] {
  const found = new Map<string, Related>();
  const add = (type: FigureScopeType, id: string, name: string) => {
    if (!found.has(id)) found.set(id, { key: id, to: dashboardPath(type, id), name });
  };
  switch (data.scope.type) {
    case FigureScopeType.Platform:
      for (const d of scopes.departments) if (d.id) add(FigureScopeType.Department, d.id, d.name);
      break;
    case FigureScopeType.Department:
      // The projects the dashboard mentions: those with phases in the period or to come, ideas, answers awaited.
      for (const p of [...data.phases, ...data.upcomingPhases]) add(FigureScopeType.Project, p.projectId, p.projectTitle);
      for (const i of [...data.topIdeas, ...data.waiting]) add(FigureScopeType.Project, i.projectId, i.projectTitle);
      break;
    case FigureScopeType.Project:
      for (const p of [...data.phases, ...data.upcomingPhases]) add(FigureScopeType.Phase, p.phaseId, p.phaseTitle);
      break;
    default:
      break;
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The dashboard one level up, when the reader may open it (a moderator reads a project's, not its department's). */
export function parentDashboard(data: GetDashboardResponse, scopes: ListDashboardScopesResponse): Related | null {
  const { scope } = data;
  if (scope.type === FigureScopeType.Phase && scope.projectId) {
    return { key: scope.projectId, to: dashboardPath(FigureScopeType.Project, scope.projectId), name: scope.projectName ?? '' };
  }
  if (scope.type === FigureScopeType.Project && scope.departmentId) {
    const department = scopes.departments.find((d) => d.id === scope.departmentId);
    if (department) return { key: department.id!, to: dashboardPath(FigureScopeType.Department, department.id), name: department.name };
  }
  if (scope.type === FigureScopeType.Department && scopes.platform) {
    return { key: 'platform', to: dashboardPath(FigureScopeType.Platform, undefined), name: '' };
  }
  return null;
}

/** Links to the dashboards below this one, keeping the period. */
export function RelatedDashboards({
  data,
  scopes,
  search,
}: {
  data: GetDashboardResponse;
  scopes: ListDashboardScopesResponse;
  search: string;
}) {
  const { t } = useTranslation();
  const related = relatedDashboards(data, scopes);
  if (data.scope.type === FigureScopeType.Phase) return null;
  return (
    <section className="panel" aria-labelledby="dashboard-related-title">
      <h2 id="dashboard-related-title">{t(`dashboard.related.title.${data.scope.type}`)}</h2>
      {related.length === 0 ? (
        <p className="empty-state">{t(`dashboard.related.empty.${data.scope.type}`)}</p>
      ) : (
        <ul className="inline-list dashboard-related">
          {related.map((r) => (
            <li key={r.key}>
              <Link to={`${r.to}${search}`}>{r.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
