import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { projectPreviewQueryOptions } from '@/features/projects/api/projects';
import { ProjectView } from '@/features/projects/components/project-view';
import { localizedName } from '@/lib/roles';
import { useFragmentToken } from './use-fragment-token';

/** The token leaves the address bar at once; it waits in this tab's storage so a reload still works. */
function rememberToken(projectId: string, token: string | null): string | null {
  const key = `participation.preview.${projectId}`;
  try {
    if (token) window.sessionStorage.setItem(key, token);
    return token ?? window.sessionStorage.getItem(key);
  } catch {
    return token;
  }
}

/** A draft seen through its preview link (#token=…), sent to the API as the X-Preview-Token header. */
export function ProjectPreviewRoute() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const fragmentToken = useFragmentToken();
  const [token] = useState(() => rememberToken(id, fragmentToken));
  const project = useQuery({ ...projectPreviewQueryOptions(id, token ?? ''), enabled: !!token });

  if (!token || (project.isError && toApiError(project.error).status === 404)) {
    return (
      <Page narrow title={t('projects.previewPage.invalidTitle')}>
        <p>{t('projects.previewPage.invalidBody')}</p>
      </Page>
    );
  }
  if (project.isPending) {
    return (
      <Page title={t('projects.page.loading')}>
        <Loading label={t('common.loading')} />
      </Page>
    );
  }
  if (project.isError) {
    return (
      <Page title={t('projects.page.loading')}>
        <Alert variant="error" role="alert" title={describeError(t, toApiError(project.error))} />
      </Page>
    );
  }
  return (
    <Page title={localizedName(project.data.title, i18n.language)}>
      <div className="preview-banner" role="note" aria-label={t('projects.previewPage.banner')}>
        <p className="preview-banner__title">{t('projects.previewPage.banner')}</p>
        <p>{t('projects.previewPage.bannerBody')}</p>
      </div>
      <ProjectView project={project.data} />
    </Page>
  );
}
