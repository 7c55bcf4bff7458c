import { PhaseMethod, type GetProjectPhase } from '@contracts/participation-client';
import { RESULT_METHODS } from '@/features/projects/api/phase-settings';

/** Surveys and polls: residents read their results only once the staff publish them. */
const PUBLISHED_ONLY: readonly PhaseMethod[] = [PhaseMethod.Survey, PhaseMethod.Poll];

/** A phase's results page. */
export function phaseResultsPath(projectId: string, phaseId: string): string {
  return `/projects/${projectId}/phases/${phaseId}/results`;
}

/**
 * May the visitor read the phase's results? The project's staff always; everyone once the moderators
 * published them or (votes and budgets) the phase is over (the API decides the same way and answers 403 otherwise).
 */
export function resultsReadable(
  phase: Pick<GetProjectPhase, 'method' | 'settings' | 'endsAt' | 'startsAt'>,
  staff: boolean,
  now = Date.now(),
): boolean {
  if (!RESULT_METHODS.includes(phase.method)) return false;
  if (new Date(phase.startsAt).getTime() > now) return false;
  if (staff || phase.settings.resultsPublic === true) return true;
  return !PUBLISHED_ONLY.includes(phase.method) && !!phase.endsAt && new Date(phase.endsAt).getTime() <= now;
}
