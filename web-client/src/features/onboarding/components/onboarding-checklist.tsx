import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetMyOnboardingChecklist } from '@contracts/participation-client';
import { Badge } from '@/components/ui/badge';

/**
 * One staff role's onboarding, as the source text describes it (tasks, typical workload, good to know, in the reader's
 * language from the API), and its checklist: each item says in words whether it is done (never by colour alone). Items
 * are done by the platform from what it sees, not ticked by hand.
 */
export function OnboardingChecklist({ checklist, level = 2 }: { checklist: GetMyOnboardingChecklist; level?: 2 | 3 }) {
  const { t } = useTranslation();
  const titleId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="card stack onboarding" aria-labelledby={titleId}>
      <Heading id={titleId}>{checklist.title}</Heading>
      <dl className="onboarding__facts">
        <dt>{t('onboarding.tasks')}</dt>
        <dd>{checklist.tasks}</dd>
        <dt>{t('onboarding.workload')}</dt>
        <dd>{checklist.workload}</dd>
        <dt>{t('onboarding.goodToKnow')}</dt>
        <dd>{checklist.goodToKnow}</dd>
      </dl>
      <p className="muted">{t('onboarding.progress', { done: checklist.doneCount, count: checklist.items.length })}</p>
      <ul className="onboarding__items" aria-label={t('onboarding.checklist', { title: checklist.title })}>
        {checklist.items.map((item) => (
          <li key={item.step} className={item.done ? 'onboarding__item onboarding__item--done' : 'onboarding__item'} data-step={item.step}>
            <Badge tone={item.done ? 'success' : 'neutral'}>{item.done ? t('onboarding.done') : t('onboarding.toDo')}</Badge>{' '}
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
