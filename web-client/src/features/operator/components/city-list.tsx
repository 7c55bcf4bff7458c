import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CitySummary } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { TableRegion } from '@/components/ui/table-region';
import { citiesQueryOptions } from '../api/operator';
import { formatBytes } from './format';

/** Every city with its health, in one table (one request: the API reads all cities' figures at once). */
export function CityList() {
  const { t } = useTranslation();
  const cities = useQuery(citiesQueryOptions());
  if (cities.isPending) return <Loading label={t('common.loading')} />;
  if (cities.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(cities.error))} />;
  if (cities.data.length === 0) return <p>{t('operator.cities.empty')}</p>;
  return (
    <TableRegion label={t('operator.cities.caption')}>
      <table className="table">
        <caption>{t('operator.cities.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('operator.cities.name')}</th>
            <th scope="col">{t('operator.cities.status')}</th>
            <th scope="col">{t('operator.cities.domains')}</th>
            <th scope="col">{t('operator.cities.users')}</th>
            <th scope="col">{t('operator.cities.staff')}</th>
            <th scope="col">{t('operator.cities.activity')}</th>
            <th scope="col">{t('operator.cities.email')}</th>
            <th scope="col">{t('operator.cities.storage')}</th>
            <th scope="col">{t('operator.cities.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {cities.data.map((city) => (
            <CityRow key={city.id} city={city} />
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function CityRow({ city }: { city: CitySummary }) {
  const { t, i18n } = useTranslation();
  const h = city.health;
  return (
    <tr>
      <th scope="row">
        <Link to={`/operator/cities/${city.id}`}>{city.name}</Link>
      </th>
      <td>{t(`operator.status.${city.status}`)}</td>
      <td>{city.domains.join(', ')}</td>
      <td>{h.users}</td>
      <td>{h.staff}</td>
      <td>{t('operator.cities.activityValue', { ideas: h.ideas30Days, comments: h.comments30Days, votes: h.votes30Days })}</td>
      <td>{t('operator.cities.emailValue', { sent: h.email.sent, failed: h.email.failed, pending: h.email.pending })}</td>
      <td>{formatBytes(h.storageBytes, i18n.language)}</td>
      <td>{h.errors7Days}</td>
    </tr>
  );
}
