import { useEffect, useState, type ReactNode } from 'react';
import { auditKeys } from '@/features/audit-log/api/audit-log';
import { budgetKeys } from '@/features/budgets/api/budgets';
import { dashboardKeys } from '@/features/dashboard/api/dashboard';
import { ideaKeys } from '@/features/ideas/api/ideas';
import { invitationKeys } from '@/features/invitations/api/invitations';
import { moderationKeys } from '@/features/moderation/api/moderation';
import { notificationKeys } from '@/features/notifications/api/notifications';
import { organisationKeys } from '@/features/organisations/api/organisations';
import { profileKeys } from '@/features/profile/api/profile';
import { projectKeys } from '@/features/projects/api/projects';
import { surveyKeys } from '@/features/surveys/api/surveys';
import { userKeys } from '@/features/users/api/users';
import { voteKeys } from '@/features/votes/api/votes';
import { sessionStore } from '@/lib/auth/session-store';
import { CoreProviders, createQueryClient } from '@/lib/providers';

/** The app's providers: the core ones (src/lib/providers.tsx) and what a session's end means for every feature's cache. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);

  // A session that ends (logout, failed refresh) takes the user's cached data with it.
  // Projects, organisations, ideas, votes, baskets and surveys answer differently per person: a new session reads them again.
  useEffect(() => {
    let previous = sessionStore.getStatus();
    return sessionStore.subscribe(() => {
      const status = sessionStore.getStatus();
      const changed = status !== previous;
      previous = status;
      if (status === 'anonymous') {
        for (const queryKey of [
          profileKeys.all,
          userKeys.all,
          invitationKeys.lists(),
          auditKeys.all,
          organisationKeys.all,
          projectKeys.all,
          ideaKeys.all,
          notificationKeys.all,
          moderationKeys.all,
          voteKeys.all,
          budgetKeys.all,
          surveyKeys.all,
          dashboardKeys.all,
        ])
          client.removeQueries({ queryKey });
      } else if (status === 'authenticated' && changed) {
        for (const queryKey of [organisationKeys.all, projectKeys.all, ideaKeys.all, voteKeys.all, budgetKeys.all, surveyKeys.all])
          void client.invalidateQueries({ queryKey });
      }
    });
  }, [client]);

  return <CoreProviders client={client}>{children}</CoreProviders>;
}
