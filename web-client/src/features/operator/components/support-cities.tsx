import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ListSupportCitiesCity } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { TableRegion } from '@/components/ui/table-region';
import { formatDateTime } from '@/lib/format';
import { supportCitiesQueryOptions, supportSessionUrl, useOpenSupportSession } from '../api/operator';

/**
 * The cities whose admins grant support access now, each with a button that opens a support session there: the console
 * asks the API for the city's token, then the tab goes to the city's own address, where the staff area opens as the
 * support person's account of that city (each action marked « via l'assistance » in the city's audit log).
 */
export function SupportCities({ go = (url: string) => window.location.assign(url) }: { go?: (url: string) => void }) {
  const { t } = useTranslation();
  const cities = useQuery(supportCitiesQueryOptions());
  const open = useOpenSupportSession();
  if (cities.isPending) return <Loading label={t('common.loading')} />;
  if (cities.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(cities.error))} />;

  function start(city: ListSupportCitiesCity) {
    open.mutate(city.id, { onSuccess: (session) => go(supportSessionUrl(city.host, session.accessToken)) });
  }

  return (
    <>
      {open.isError ? <Alert variant="error" role="alert" title={describeError(t, toApiError(open.error))} /> : null}
      {cities.data.length === 0 ? (
        <p>{t('operator.support.empty')}</p>
      ) : (
        <TableRegion label={t('operator.support.caption')}>
          <table className="table">
            <caption>{t('operator.support.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operator.cities.name')}</th>
                <th scope="col">{t('operator.support.address')}</th>
                <th scope="col">{t('operator.support.until')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('operator.support.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cities.data.map((city) => (
                <SupportCityRow key={city.id} city={city} busy={open.isPending} onOpen={() => start(city)} />
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

function SupportCityRow({ city, busy, onOpen }: { city: ListSupportCitiesCity; busy: boolean; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <tr>
      <th scope="row">{city.name}</th>
      <td>{city.host ?? t('operator.support.sameAddress')}</td>
      <td>{formatDateTime(city.grantEndsAt, i18n.language)}</td>
      <td>
        <Button onClick={onOpen} disabled={busy} aria-label={t('operator.support.openIn', { name: city.name })}>
          {t('operator.support.open')}
        </Button>
      </td>
    </tr>
  );
}
