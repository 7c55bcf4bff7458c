import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { myOnboardingQueryOptions, useSetOnboardingDismissed } from '../api/onboarding';

/**
 * The first-login display, at the top of the staff area's overview (where staff land after signing in): for every role
 * whose onboarding the person has not put away, its title and progress, a link to the « Getting started » page, and
 * « Do not show again ». Not a modal: the rest of the page stays usable. Putting it away moves the focus to what
 * replaces it (the page's main region), so keyboard users never lose their place.
 */
export function OnboardingPanel({ onDismissed }: { onDismissed?: () => void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const onboarding = useQuery(myOnboardingQueryOptions(i18n.language));
  const dismiss = useSetOnboardingDismissed();
  const open = (onboarding.data?.checklists ?? []).filter((c) => !c.dismissed);
  const shown = useRef(false);

  useEffect(() => {
    if (open.length > 0) shown.current = true;
    else if (shown.current) {
      shown.current = false;
      if (onDismissed) onDismissed();
      else document.getElementById('main')?.focus();
    }
  }, [open.length, onDismissed]);

  if (open.length === 0) return null;

  async function putAway() {
    for (const checklist of open) await dismiss.mutateAsync({ role: checklist.role, dismissed: true });
  }

  return (
    <section className="panel stack onboarding-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('onboarding.panelTitle')}</h2>
      <p>{t('onboarding.panelIntro')}</p>
      <ul className="onboarding__roles">
        {open.map((checklist) => (
          <li key={checklist.role}>
            <strong>{checklist.title}</strong>
            {' — '}
            {t('onboarding.progress', { done: checklist.doneCount, count: checklist.items.length })}
          </li>
        ))}
      </ul>
      {dismiss.error ? <Alert variant="error" role="alert" title={describeError(t, toApiError(dismiss.error))} /> : null}
      <div className="form__actions">
        <Link to="/admin/getting-started" className="button button--primary">
          {t('onboarding.openPage')}
        </Link>
        <Button variant="secondary" pending={dismiss.isPending} onClick={() => void putAway().catch(() => undefined)}>
          {t('onboarding.dismiss')}
        </Button>
      </div>
    </section>
  );
}
