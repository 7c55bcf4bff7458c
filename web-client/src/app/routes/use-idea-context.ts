import { useQuery } from '@tanstack/react-query';
import {
  ParticipationAction,
  PhaseMethod,
  ProjectStatus,
  RefusalReason,
  type ActionPolicyDecision,
  type GetProjectResponse,
} from '@contracts/participation-client';
import type { OrganisationChoice } from '@/features/ideas/components/comment-form';
import { myOrganisationsQueryOptions } from '@/features/organisations/api/organisations';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { useSessionStatus } from '@/lib/auth/session-store';

/** The methods whose phases hold ideas (posted, voted on, or put in a basket). */
export const IDEA_METHODS: readonly PhaseMethod[] = [PhaseMethod.Ideation, PhaseMethod.Voting, PhaseMethod.Budgeting];

/** The phase running now, if any. */
export function currentPhase(project: GetProjectResponse | undefined) {
  return project?.phases.find((phase) => phase.isCurrent);
}

/** May the visitor post an idea now: the API's decision, else refused (the project archived, or no phase taking ideas). */
export function postIdeaDecision(
  project: Pick<GetProjectResponse, 'status'>,
  actions: readonly ActionPolicyDecision[],
): ActionPolicyDecision {
  return (
    actions.find((a) => a.action === ParticipationAction.PostIdea) ?? {
      action: ParticipationAction.PostIdea,
      allowed: false,
      reason: project.status === ProjectStatus.Archived ? RefusalReason.ProjectArchived : RefusalReason.PhaseNotActive,
    }
  );
}

/** The project's participatory budget whose costs matter now: the current one, else the next, else the last. */
export function budgetingPhase(project: GetProjectResponse | undefined) {
  const phases = project?.phases.filter((phase) => phase.method === 'budgeting') ?? [];
  const now = Date.now();
  return phases.find((phase) => phase.isCurrent) ?? phases.find((phase) => new Date(phase.startsAt).getTime() > now) ?? phases.at(-1);
}

/** What the idea screens need from other features: the base map, and the verified organisations the user speaks for. */
export function useIdeaContext() {
  const status = useSessionStatus();
  const platform = useQuery(platformQueryOptions());
  const mine = useQuery({ ...myOrganisationsQueryOptions(), enabled: status === 'authenticated' });
  const organisations: OrganisationChoice[] = (mine.data?.items ?? [])
    .filter((o) => o.status === 'verified' && o.membership !== 'invited')
    .map((o) => ({ id: o.id, name: o.name }));
  return { map: platform.data?.map, mapPending: platform.isPending, organisations };
}
