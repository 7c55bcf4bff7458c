import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { latestProjectsQueryOptions } from '../api/projects';
import { ProjectCard } from './project-card';

/** The home page's projects: the latest published ones, or a real empty state. */
export function LatestProjects() {
  const { t } = useTranslation();
  const latest = useQuery(latestProjectsQueryOptions(3));
  return (
    <section className="panel" aria-labelledby="projects-title">
      <h2 id="projects-title">{t('home.projects.title')}</h2>
      {latest.isPending ? (
        <Loading label={t('common.loading')} />
      ) : latest.isError ? (
        <Alert variant="error" title={describeError(t, toApiError(latest.error))} />
      ) : latest.data.items.length === 0 ? (
        <div className="empty-state">
          <svg className="empty-state__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
            <rect x="8" y="10" width="32" height="28" rx="4" />
            <path d="M16 20h16M16 27h10" />
          </svg>
          <p className="empty-state__title">{t('home.projects.emptyTitle')}</p>
          <p>{t('home.projects.emptyBody')}</p>
        </div>
      ) : (
        <>
          <ul className="card-list card-list--grid">
            {latest.data.items.map((project) => (
              <ProjectCard key={project.id} project={project} />
            ))}
          </ul>
          <p className="section-link">
            <Link to="/projects">{t('home.projects.all')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
