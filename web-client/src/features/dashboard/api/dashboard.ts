import { queryOptions } from '@tanstack/react-query';
import { FigureScopeType } from '@contracts/participation-client';
import { api } from '@/api/client';
import type { Period } from './period';

/** What a dashboard shows: a scope (no id for the platform) and a period (the API's defaults when absent). */
export interface DashboardRequest extends Period {
  scopeType: FigureScopeType;
  scopeId?: string;
}

/**
 * Dashboards live under one root (dropped when the session ends). The API answers labels, definitions and names in
 * the language asked for, so the language is part of every key.
 */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  scopes: (language: string) => [...dashboardKeys.all, 'scopes', language] as const,
  view: (request: DashboardRequest, language: string) => [...dashboardKeys.all, 'view', language, request] as const,
};

/** The dashboards the signed-in person may open, and the one to land on (`home`). */
export const dashboardScopesQueryOptions = (language: string) =>
  queryOptions({
    queryKey: dashboardKeys.scopes(language),
    queryFn: ({ signal }) => api.listDashboardScopes(signal),
  });

/** A scope's dashboard for a period (read-only). */
export const dashboardQueryOptions = (request: DashboardRequest, language: string) =>
  queryOptions({
    queryKey: dashboardKeys.view(request, language),
    queryFn: ({ signal }) => api.getDashboard(request.scopeType, request.scopeId, request.from, request.to, request.waitingDays, signal),
  });

/** The scope types a dashboard address may name (`/dashboard/:scopeType/:scopeId`). */
export const SCOPE_TYPES: readonly FigureScopeType[] = Object.values(FigureScopeType);

/** The dashboard's address: `/dashboard/platform`, `/dashboard/department/{id}`… with the period kept. */
export function dashboardPath(scopeType: FigureScopeType, scopeId: string | undefined, search = ''): string {
  const path = scopeType === FigureScopeType.Platform || !scopeId ? `/dashboard/${scopeType}` : `/dashboard/${scopeType}/${scopeId}`;
  return search && search !== '?' ? `${path}${search.startsWith('?') ? search : `?${search}`}` : path;
}
