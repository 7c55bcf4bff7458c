import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { MyContributions } from '@/features/profile/components/my-contributions';
import { RequireAuth } from '../require-auth';

/** /profile/contributions — « Mes contributions ». */
export function MyContributionsRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('contributions.title')} intro={<p>{t('contributions.intro')}</p>}>
      <RequireAuth>
        <MyContributions />
      </RequireAuth>
    </Page>
  );
}
