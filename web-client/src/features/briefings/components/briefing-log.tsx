import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BriefingStatus } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { TableRegion } from '@/components/ui/table-region';
import { oneOf } from '@/lib/closed-sets';
import { formatDateTime, formatDay } from '@/lib/format';
import { briefingLogQueryOptions } from '../api/briefings';
import { useScopeLabel } from './officials-table';

const STATUSES = Object.values(BriefingStatus);

/** The log of produced briefings, newest first, filtered by status. */
export function BriefingLog() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<BriefingStatus | undefined>(undefined);
  const log = useInfiniteQuery(briefingLogQueryOptions(status, i18n.language));
  const scopeLabel = useScopeLabel();
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="panel stack" aria-labelledby="briefing-log-title">
      <h2 id="briefing-log-title">{t('briefings.log.title')}</h2>
      <SelectField
        id="briefing-log-status"
        label={t('briefings.log.status')}
        value={status ?? ''}
        onChange={(e) => setStatus(oneOf(STATUSES, e.target.value))}
        options={[
          { value: '', label: t('briefings.log.all') },
          ...STATUSES.map((s) => ({ value: s, label: t(`briefings.statuses.${s}`) })),
        ]}
      />
      {log.isPending ? (
        <Loading label={t('common.loading')} />
      ) : log.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(log.error))} />
      ) : rows.length === 0 ? (
        <p className="empty-state">{t('briefings.log.empty')}</p>
      ) : (
        <TableRegion label={t('briefings.log.caption')}>
          <table className="table">
            <caption>{t('briefings.log.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('briefings.log.official')}</th>
                <th scope="col">{t('briefings.log.scope')}</th>
                <th scope="col">{t('briefings.log.period')}</th>
                <th scope="col">{t('briefings.log.kind')}</th>
                <th scope="col">{t('briefings.log.status')}</th>
                <th scope="col">{t('briefings.log.producedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{`${b.firstName} ${b.lastName}`}</th>
                  <td>{scopeLabel(b.scope)}</td>
                  <td>{`${formatDay(b.from, i18n.language)} – ${formatDay(b.to, i18n.language)}`}</td>
                  <td>{t(`briefings.kinds.${b.kind}`)}</td>
                  <td>{t(`briefings.statuses.${b.status}`)}</td>
                  <td>{b.producedAt ? formatDateTime(b.producedAt, i18n.language) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {log.hasNextPage ? (
        <div>
          <Button variant="secondary" pending={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('briefings.log.more')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
