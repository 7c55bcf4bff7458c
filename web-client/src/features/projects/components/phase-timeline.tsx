import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetProjectPhase } from '@contracts/participation-client';
import { formatDate } from '@/lib/format';
import { localizedName } from '@/lib/roles';
import { lastDay } from './project-card';
import { LocalizedText } from '@/components/ui/localized-text';

/** "3 mars 2026 – 15 avril 2026", or "From 3 March 2026" for an open-ended phase. */
export function usePhaseDates() {
  const { t, i18n } = useTranslation();
  return (phase: Pick<GetProjectPhase, 'startsAt' | 'endsAt'>) =>
    phase.endsAt
      ? t('projects.timeline.range', {
          start: formatDate(phase.startsAt, i18n.language),
          end: formatDate(lastDay(phase.endsAt), i18n.language),
        })
      : t('projects.timeline.from', { start: formatDate(phase.startsAt, i18n.language) });
}

export interface PhaseTimelineProps {
  phases: GetProjectPhase[];
  /** More about a phase, below its description (e.g. the link to its results). */
  renderPhaseExtra?: (phase: GetProjectPhase) => ReactNode;
}

/** The project's phases in order; the current one is marked (visually and for screen readers). */
export function PhaseTimeline({ phases, renderPhaseExtra }: PhaseTimelineProps) {
  const { t, i18n } = useTranslation();
  const dates = usePhaseDates();
  if (phases.length === 0) return <p className="muted">{t('projects.timeline.empty')}</p>;
  const now = Date.now();
  return (
    <ol className="timeline">
      {phases.map((phase, index) => {
        const past = !phase.isCurrent && !!phase.endsAt && new Date(phase.endsAt).getTime() <= now;
        const description = localizedName(phase.description, i18n.language);
        return (
          <li
            key={phase.id}
            className={['timeline__item', phase.isCurrent ? 'timeline__item--current' : '', past ? 'timeline__item--past' : '']
              .join(' ')
              .trim()}
            aria-current={phase.isCurrent ? 'step' : undefined}
          >
            <p className="timeline__step">
              {t('projects.timeline.step', { n: index + 1 })}
              {phase.isCurrent ? <span className="badge badge--success timeline__now">{t('projects.timeline.current')}</span> : null}
              {past ? <span className="timeline__state">{t('projects.timeline.past')}</span> : null}
            </p>
            <h3 className="timeline__title">
              <LocalizedText value={phase.title} />
            </h3>
            <p className="timeline__meta">
              <span>{dates(phase)}</span> · <span>{t(`projects.methods.${phase.method}`, { defaultValue: phase.method })}</span>
            </p>
            {description ? (
              <p className="plain-text">
                <LocalizedText value={phase.description} />
              </p>
            ) : null}
            {renderPhaseExtra?.(phase)}
          </li>
        );
      })}
    </ol>
  );
}
