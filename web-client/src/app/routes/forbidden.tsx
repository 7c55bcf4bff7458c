import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/layout/page';

/** Shown instead of a staff page to someone without the role it needs. */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Page narrow title={t('admin.forbidden.title')}>
      <p>{t('admin.forbidden.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
