import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageStatus } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Loading } from '@/components/ui/loading';
import { TableRegion } from '@/components/ui/table-region';
import { editablePagesQueryOptions } from '../api/pages';

/** Every page for its editors: title, kind, status and footer placement; each opens in the editor. */
export function PagesAdmin({ language }: { language: string }) {
  const { t } = useTranslation();
  const pages = useQuery(editablePagesQueryOptions(language));
  if (pages.isPending) return <Loading label={t('common.loading')} />;
  if (pages.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(pages.error))} />;
  return (
    <>
      <p>
        <Link className="button button--primary" to="/admin/pages/new">
          {t('sitePages.admin.new')}
        </Link>
      </p>
      <TableRegion label={t('sitePages.admin.listLabel')}>
        <table className="table">
          <caption className="visually-hidden">{t('sitePages.admin.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sitePages.admin.titleColumn')}</th>
              <th scope="col">{t('sitePages.admin.kind')}</th>
              <th scope="col">{t('sitePages.admin.status')}</th>
              <th scope="col">{t('sitePages.admin.footer')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.data.items.map((page) => (
              <tr key={page.id}>
                <th scope="row">
                  <Link to={`/admin/pages/${page.id}`} lang={page.language === language ? undefined : page.language}>
                    {page.title}
                  </Link>
                </th>
                <td>{t(`sitePages.kinds.${page.kind}`)}</td>
                <td>
                  <Badge tone={page.status === PageStatus.Published ? 'success' : 'neutral'}>
                    {t(`sitePages.statuses.${page.status}`)}
                  </Badge>
                </td>
                <td>{page.inFooter ? t('sitePages.admin.inFooterAt', { order: page.footerOrder }) : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
