import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListProjectsProject } from '@contracts/participation-client';
import { Badge } from '@/components/ui/badge';
import { LocalizedText } from '@/components/ui/localized-text';
import { formatDate } from '@/lib/format';
import { localizedName } from '@/lib/roles';
import { projectPath } from '@/lib/slugs';

/** A project in a list: title (link), department, summary, current method and its end, topics. */
export function ProjectCard({ project, headingLevel = 3 }: { project: ListProjectsProject; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const phase = project.currentPhase;
  return (
    <li className="card project-card">
      <article aria-labelledby={`project-${project.id}-title`}>
        {project.imageUrl ? (
          // Decorative: the title beside it says what the project is. Fixed ratio, so the list does not jump.
          <img
            src={project.imageUrl}
            alt=""
            loading="lazy"
            decoding="async"
            width={640}
            height={360}
            className="project-image project-card__image"
          />
        ) : null}
        <p className="project-card__department">
          <LocalizedText value={project.department.name} />
        </p>
        <Heading id={`project-${project.id}-title`} className="card__title">
          <Link to={projectPath(project)}>
            <LocalizedText value={project.title} />
          </Link>
        </Heading>
        {localizedName(project.summary, language) ? (
          <p className="project-card__summary">
            <LocalizedText value={project.summary} />
          </p>
        ) : null}
        <p className="project-card__meta">
          {project.status === 'archived' ? <Badge tone="warning">{t('projects.status.archived')}</Badge> : null}
          {phase ? (
            <Badge tone="success">
              {t(`projects.methods.${phase.method}`, { defaultValue: phase.method })}
              {phase.endsAt ? ` · ${t('projects.card.until', { date: formatDate(lastDay(phase.endsAt), language) })}` : ''}
            </Badge>
          ) : project.status !== 'archived' ? (
            <Badge tone="neutral">{t('projects.card.noCurrentPhase')}</Badge>
          ) : null}
        </p>
        {project.topics.length > 0 ? (
          <ul className="inline-list project-card__topics" aria-label={t('projects.topics')}>
            {project.topics.map((topic) => (
              <li key={topic} className="topic">
                {topic}
              </li>
            ))}
          </ul>
        ) : null}
      </article>
    </li>
  );
}

/** The API's ends are exclusive instants: people read the last day included. */
export function lastDay(endsAt: string): string {
  return new Date(new Date(endsAt).getTime() - 1000).toISOString();
}
