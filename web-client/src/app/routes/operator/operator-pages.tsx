import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Page } from '@/components/layout/page';
import { CityDetail } from '@/features/operator/components/city-detail';
import { CityList } from '@/features/operator/components/city-list';
import { CreateCityForm } from '@/features/operator/components/create-city-form';
import { OperatorAudit } from '@/features/operator/components/operator-audit';
import { SupportCities } from '@/features/operator/components/support-cities';
import { AddOperatorForm, OperatorPeople } from '@/features/operator/components/operator-people';
import { OwnPasswordForm } from '@/features/operator/components/own-password-form';
import { Forbidden } from '../forbidden';
import { useOperator } from './operator-layout';

export function OperatorCitiesRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('operator.cities.title')}>
      <CityList />
    </Page>
  );
}

export function OperatorNewCityRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { canChange } = useOperator();
  if (!canChange) return <Forbidden />;
  return (
    <Page title={t('operator.create.title')} narrow>
      <CreateCityForm onCreated={(city) => void navigate(`/operator/cities/${city.id}`)} />
    </Page>
  );
}

export function OperatorCityRoute() {
  const { id = '' } = useParams();
  const { canChange } = useOperator();
  return (
    <div className="page">
      <CityDetail id={id} canChange={canChange} />
    </div>
  );
}

export function OperatorAuditRoute() {
  const { t } = useTranslation();
  const { canChange } = useOperator();
  if (!canChange) return <Forbidden />;
  return (
    <Page title={t('operator.audit.title')}>
      <OperatorAudit />
    </Page>
  );
}

/** Support staff and operators: the cities granting support access now, and a session in each. */
export function OperatorSupportRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('operator.support.title')} intro={<p>{t('operator.support.intro')}</p>}>
      <SupportCities />
    </Page>
  );
}

export function OperatorPeopleRoute() {
  const { t } = useTranslation();
  const { canChange, session } = useOperator();
  if (!canChange) return <Forbidden />;
  return (
    <Page title={t('operator.people.title')} intro={<p>{t('operator.people.intro')}</p>}>
      <OperatorPeople selfId={session.operator.id} />
      <AddOperatorForm />
    </Page>
  );
}

/** Everyone in the console: their own password. */
export function OperatorPasswordRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('operator.password.title')} narrow intro={<p>{t('operator.password.intro')}</p>}>
      <OwnPasswordForm />
    </Page>
  );
}
