import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { pageQueryOptions } from '@/features/pages/api/pages';
import { PageEditor } from '@/features/pages/components/page-editor';
import { NotFoundRoute } from '../not-found-route';
import { PAGE_ROLES, RequireStaffRole } from './admin-layout';

/** A page's editor (/admin/pages/:id), or a new free page's (/admin/pages/new). */
export function AdminPageRoute() {
  return (
    <RequireStaffRole roles={PAGE_ROLES}>
      <PageEditorScreen />
    </RequireStaffRole>
  );
}

function PageEditorScreen() {
  const { t } = useTranslation();
  const { id = 'new' } = useParams();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const page = useQuery({ ...pageQueryOptions(id), enabled: id !== 'new' });
  const back = (
    <p>
      <Link to="/admin/pages">{t('sitePages.admin.back')}</Link>
    </p>
  );
  if (id === 'new') {
    return (
      <Page title={t('sitePages.editor.newTitle')}>
        {back}
        <PageEditor />
      </Page>
    );
  }
  if (page.isPending) return <Loading label={t('common.loading')} />;
  if (page.isError) {
    if (toApiError(page.error).status === 404) return <NotFoundRoute />;
    return <Alert variant="error" role="alert" title={describeError(t, toApiError(page.error))} />;
  }
  const title = (page.data.texts.fr ?? page.data.texts.nl ?? page.data.texts.en)?.title ?? '';
  return (
    <Page title={t('sitePages.editor.pageTitle', { title })}>
      {back}
      <StatusMessage>{created ? t('sitePages.editor.created') : null}</StatusMessage>
      {/* Saves keep what was typed; each names the version the API last returned. */}
      <PageEditor key={page.data.id} page={page.data} />
    </Page>
  );
}
