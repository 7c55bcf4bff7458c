import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { myOnboardingQueryOptions, useSetOnboardingDismissed } from '../api/onboarding';
import { OnboardingChecklist } from './onboarding-checklist';

/**
 * The « Getting started » page's content: every checklist of the signed-in staff member, put away or not, each with the
 * choice to show it again at login (or not).
 */
export function GettingStarted() {
  const { t, i18n } = useTranslation();
  const onboarding = useQuery(myOnboardingQueryOptions(i18n.language));
  const dismiss = useSetOnboardingDismissed();

  if (onboarding.isPending) return <Loading label={t('common.loading')} />;
  if (onboarding.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(onboarding.error))} />;
  if (onboarding.data.checklists.length === 0) return <p>{t('onboarding.none')}</p>;

  return (
    <div className="stack">
      {dismiss.error ? <Alert variant="error" role="alert" title={describeError(t, toApiError(dismiss.error))} /> : null}
      {onboarding.data.checklists.map((checklist) => (
        <div key={checklist.role} className="stack">
          <OnboardingChecklist checklist={checklist} />
          <div className="form__actions">
            <Button
              variant="secondary"
              pending={dismiss.isPending && dismiss.variables.role === checklist.role}
              onClick={() => dismiss.mutate({ role: checklist.role, dismissed: !checklist.dismissed })}
            >
              {checklist.dismissed
                ? t('onboarding.showAgain', { title: checklist.title })
                : t('onboarding.hideAtLogin', { title: checklist.title })}
            </Button>
          </div>
        </div>
      ))}
    </div>
  );
}
