import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { calendarEventBySlugQueryOptions, calendarEventQueryOptions } from '@/features/calendar-events/api/calendar-events';
import { ideaBySlugQueryOptions, ideaQueryOptions } from '@/features/ideas/api/ideas';
import { projectBySlugQueryOptions, projectQueryOptions } from '@/features/projects/api/projects';
import { useSessionStatus } from '@/lib/auth/session-store';
import { eventPath, ideaPath, isGuid, projectPath } from '@/lib/slugs';

/** Once the item is known, an address holding an id or a former slug is replaced by the current slug address. */
function useCanonical(path: string | undefined) {
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (path && decodeURIComponent(location.pathname) !== decodeURIComponent(path))
      void navigate({ pathname: path, search: location.search, hash: location.hash }, { replace: true, state: location.state as unknown });
  }, [path, location, navigate]);
}

/**
 * A project's page by the address segment: an id or a slug (current or former). Waits for a stored session (a draft is
 * visible to its staff only). Gives the project's id once found.
 */
export function useProjectAddress(ref: string) {
  const status = useSessionStatus();
  const enabled = status !== 'restoring' && ref !== '';
  const byId = useQuery({ ...projectQueryOptions(ref), enabled: enabled && isGuid(ref) });
  const bySlug = useQuery({ ...projectBySlugQueryOptions(ref), enabled: enabled && !isGuid(ref) });
  const query = isGuid(ref) ? byId : bySlug;
  useCanonical(query.data?.slug ? projectPath(query.data) : undefined);
  return { query, restoring: status === 'restoring' };
}

/** An idea's page by its project's segment (id or slug) and its own (id or slug). */
export function useIdeaAddress(projectRef: string, ideaRef: string) {
  const status = useSessionStatus();
  const enabled = status !== 'restoring';
  const byId = useQuery({ ...ideaQueryOptions(ideaRef), enabled: enabled && isGuid(ideaRef) });
  // A slug under a project's id: the project's slug first.
  const project = useQuery({ ...projectQueryOptions(projectRef), enabled: enabled && !isGuid(ideaRef) && isGuid(projectRef) });
  const projectSlug = isGuid(projectRef) ? project.data?.slug : projectRef;
  const bySlug = useQuery({ ...ideaBySlugQueryOptions(projectSlug ?? '', ideaRef), enabled: enabled && !isGuid(ideaRef) && !!projectSlug });
  const query = isGuid(ideaRef) ? byId : bySlug;
  const idea = query.data;
  useCanonical(idea?.slug && idea.projectSlug ? ideaPath({ id: idea.projectId, slug: idea.projectSlug }, idea) : undefined);
  const failed = (!isGuid(ideaRef) && isGuid(projectRef) && project.isError) || query.isError;
  return { idea, error: query.error ?? project.error, failed, pending: !idea && !failed, restoring: status === 'restoring' };
}

/** An event's page by its id or slug. */
export function useEventAddress(ref: string) {
  const status = useSessionStatus();
  const enabled = status !== 'restoring' && ref !== '';
  const byId = useQuery({ ...calendarEventQueryOptions(ref), enabled: enabled && isGuid(ref) });
  const bySlug = useQuery({ ...calendarEventBySlugQueryOptions(ref), enabled: enabled && !isGuid(ref) });
  const query = isGuid(ref) ? byId : bySlug;
  useCanonical(query.data?.slug ? eventPath(query.data) : undefined);
  return { query, restoring: status === 'restoring' };
}
