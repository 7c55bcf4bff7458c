import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { TableRegion } from '@/components/ui/table-region';
import { formatDate } from '@/lib/format';
import { localizedName } from '@/lib/roles';
import { PROJECT_STATUSES, workspaceInfiniteQueryOptions } from '../api/projects';

/** The projects the user runs as staff (drafts included), recently changed first. */
export function WorkspaceList() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('');
  const list = useInfiniteQuery(workspaceInfiniteQueryOptions(status));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const caption = t('projects.workspace.caption');
  return (
    <section className="panel" aria-labelledby="workspace-title">
      <h2 id="workspace-title">{t('projects.workspace.title')}</h2>
      <div className="filters">
        <SelectField
          id="workspace-status"
          label={t('projects.filters.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: '', label: t('projects.filters.allStatuses') },
            ...PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) })),
          ]}
        />
      </div>
      <div role="status" className="results-count">
        {list.isSuccess ? t('projects.filters.shown', { count: items.length }) : null}
      </div>
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))} />
      ) : items.length === 0 ? (
        <p className="empty-state">{t('projects.workspace.empty')}</p>
      ) : (
        <TableRegion label={caption}>
          <table className="table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.workspace.project')}</th>
                <th scope="col">{t('projects.filters.department')}</th>
                <th scope="col">{t('projects.filters.status')}</th>
                <th scope="col">{t('projects.workspace.phases')}</th>
                <th scope="col">{t('projects.workspace.updated')}</th>
                <th scope="col">{t('moderation.workspaceColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((project) => {
                const title = localizedName(project.title, i18n.language);
                return (
                  <tr key={project.id}>
                    <td className="table__strong">
                      <Link to={`/admin/projects/${project.id}`}>{title}</Link>
                      {project.moderator ? <span className="table__sub">{t('projects.workspace.youModerate')}</span> : null}
                    </td>
                    <td>{localizedName(project.department.name, i18n.language)}</td>
                    <td>
                      <Badge tone={project.status === 'published' ? 'success' : project.status === 'archived' ? 'warning' : 'neutral'}>
                        {t(`projects.status.${project.status}`, { defaultValue: project.status })}
                      </Badge>
                    </td>
                    <td>{project.phaseCount}</td>
                    <td>{formatDate(project.updatedAt, i18n.language)}</td>
                    <td>
                      <span className="table__actions">
                        <Link to={`/admin/projects/${project.id}/ideas`} aria-label={t('ideasManager.workspaceLinkLabel', { title })}>
                          {t('ideasManager.workspaceLink')}
                        </Link>
                        <Link to={`/admin/projects/${project.id}/moderation`} aria-label={t('moderation.workspaceLinkLabel', { title })}>
                          {t('moderation.workspaceLink')}
                        </Link>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      {list.hasNextPage ? (
        <p className="load-more">
          <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
    </section>
  );
}
