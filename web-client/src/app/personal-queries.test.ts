import { describe, expect, it } from 'vitest';
import { auditKeys } from '@/features/audit-log/api/audit-log';
import { budgetKeys } from '@/features/budgets/api/budgets';
import { consentKeys } from '@/features/consents/api/consents';
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
import { PERSONAL_QUERIES } from './personal-queries';

describe('the personal queries a session change clears', () => {
  it('are the features’ own query keys', () => {
    expect(PERSONAL_QUERIES.removedOnLogout).toEqual([
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
      consentKeys.mine(),
    ]);
    expect(PERSONAL_QUERIES.refreshedOnLogin).toEqual([
      organisationKeys.all,
      projectKeys.all,
      ideaKeys.all,
      voteKeys.all,
      budgetKeys.all,
      surveyKeys.all,
    ]);
  });
});
