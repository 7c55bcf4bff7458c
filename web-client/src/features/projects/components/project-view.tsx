import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetProjectPhase, GetProjectResponse } from '@contracts/participation-client';
import { Badge } from '@/components/ui/badge';
import { LocalizedHtml, LocalizedText } from '@/components/ui/localized-text';
import { PhoneFold } from '@/components/ui/phone-fold';
import { formatDate } from '@/lib/format';
import { localizedName } from '@/lib/roles';
import { PhaseTimeline } from './phase-timeline';

export interface ProjectViewProps {
  project: GetProjectResponse;
  /** The "What can I do now?" panel, or a note for previews. */
  aside?: ReactNode;
  /** More about a phase of the timeline (e.g. the link to its results). */
  renderPhaseExtra?: (phase: GetProjectPhase) => ReactNode;
}

/**
 * The body of a project page (the page's h1 is the title). Description and goals are rich text the API
 * sanitised with an allow-list when they were saved: they, and only they, are rendered as HTML.
 */
export function ProjectView({ project, aside, renderPhaseExtra }: ProjectViewProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const summary = localizedName(project.summary, language);
  const description = localizedName(project.description, language);
  const goals = localizedName(project.goals, language);
  const audience = localizedName(project.targetAudience, language);
  return (
    <div className="project">
      <div className="project__header">
        {project.imageUrl ? (
          // Decorative (the title says what the project is); lazy and with a fixed ratio, so nothing jumps.
          <img
            src={project.imageUrl}
            alt=""
            loading="lazy"
            decoding="async"
            width={1280}
            height={720}
            className="project-image project__image"
          />
        ) : null}
        <p className="project__department">
          <LocalizedText value={project.department.name} />
        </p>
        <p className="project__meta">
          <Badge tone={project.status === 'published' ? 'success' : project.status === 'archived' ? 'warning' : 'neutral'}>
            {t(`projects.status.${project.status}`, { defaultValue: project.status })}
          </Badge>
          {project.publishedAt ? (
            <span className="muted"> {t('projects.page.publishedOn', { date: formatDate(project.publishedAt, language) })}</span>
          ) : null}
        </p>
        {summary ? (
          <p className="lead">
            <LocalizedText value={project.summary} />
          </p>
        ) : null}
        {project.topics.length > 0 ? (
          <ul className="inline-list" aria-label={t('projects.topics')}>
            {project.topics.map((topic) => (
              <li key={topic} className="topic">
                {topic}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="project__layout">
        {/* First on a phone (what the visitor can do now); beside the description on wider screens. */}
        {aside ? <div className="project__aside stack">{aside}</div> : null}
        <div className="project__main stack">
          {/* On a phone, folded (the participation comes first); open from the width where the actions sit beside it. */}
          <PhoneFold className="panel project__about" summary={t('projects.page.about')}>
            {description ? (
              <section aria-labelledby="project-description-title">
                <h2 id="project-description-title">{t('projects.page.description')}</h2>
                <LocalizedHtml className="rich-text" value={project.description} />
              </section>
            ) : null}
            {goals ? (
              <section aria-labelledby="project-goals-title">
                <h2 id="project-goals-title">{t('projects.page.goals')}</h2>
                <LocalizedHtml className="rich-text" value={project.goals} />
              </section>
            ) : null}
            {audience ? (
              <section aria-labelledby="project-audience-title">
                <h2 id="project-audience-title">{t('projects.page.audience')}</h2>
                <p className="plain-text">
                  <LocalizedText value={project.targetAudience} />
                </p>
              </section>
            ) : null}
            <section aria-labelledby="project-timeline-title">
              <h2 id="project-timeline-title">{t('projects.page.timeline')}</h2>
              <PhaseTimeline phases={project.phases} renderPhaseExtra={renderPhaseExtra} />
            </section>
          </PhoneFold>
        </div>
      </div>
    </div>
  );
}
