import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { WebhookDeliveryStatus, type Webhook } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { TableRegion } from '@/components/ui/table-region';
import { formatDateTime } from '@/lib/format';
import { deliveriesQueryOptions, useReplayDelivery } from '../api/webhooks';

const TONE = {
  [WebhookDeliveryStatus.Delivered]: 'success',
  [WebhookDeliveryStatus.Pending]: 'warning',
  [WebhookDeliveryStatus.Failed]: 'neutral',
} as const;

/** A webhook's deliveries, newest first: status, attempts, last answer or error, timing; replay of finished ones. */
export function DeliveryLog({ webhook, onNotice }: { webhook: Webhook; onNotice: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const deliveries = useInfiniteQuery(deliveriesQueryOptions(webhook.id));
  const replay = useReplayDelivery();
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];

  if (deliveries.isPending) return <Loading label={t('common.loading')} />;
  if (deliveries.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(deliveries.error))} />;
  if (items.length === 0) return <p className="empty-state">{t('webhooks.log.empty')}</p>;

  return (
    <div className="stack">
      {replay.error ? <Alert variant="error" role="alert" title={describeError(t, toApiError(replay.error))} /> : null}
      <TableRegion label={t('webhooks.log.title', { url: webhook.url })}>
        <table className="table">
          <caption className="visually-hidden">{t('webhooks.log.title', { url: webhook.url })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('webhooks.log.created')}</th>
              <th scope="col">{t('webhooks.log.type')}</th>
              <th scope="col">{t('webhooks.log.status')}</th>
              <th scope="col">{t('webhooks.log.attempts')}</th>
              <th scope="col">{t('webhooks.log.last')}</th>
              <th scope="col">{t('webhooks.log.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => {
              const last = d.attempts.at(-1);
              return (
                <tr key={d.id}>
                  <td>{formatDateTime(d.createdAt, i18n.language)}</td>
                  <td>
                    <code>{d.type}</code>
                    {d.replayOf ? <span className="muted"> · {t('webhooks.log.replay')}</span> : null}
                  </td>
                  <td>
                    <Badge tone={TONE[d.status]}>{t(`webhooks.status.${d.status}`)}</Badge>
                    {d.status === WebhookDeliveryStatus.Pending && d.nextAttemptAt ? (
                      <div className="muted">{t('webhooks.log.next', { at: formatDateTime(d.nextAttemptAt, i18n.language) })}</div>
                    ) : null}
                  </td>
                  <td>{d.attempts.length}</td>
                  <td>
                    {last ? (
                      <>
                        {last.statusCode ? <span>{t('webhooks.log.code', { code: last.statusCode })} · </span> : null}
                        <span>{t('webhooks.log.duration', { ms: last.durationMs })}</span>
                        {last.error ? <div className="field__error">{last.error}</div> : null}
                      </>
                    ) : (
                      <span className="muted">{t('webhooks.log.notYet')}</span>
                    )}
                  </td>
                  <td>
                    {d.status !== WebhookDeliveryStatus.Pending ? (
                      <Button
                        variant="secondary"
                        className="button--small"
                        disabled={replay.isPending || !webhook.enabled}
                        aria-label={t('webhooks.log.replayLabel', { type: d.type, at: formatDateTime(d.createdAt, i18n.language) })}
                        onClick={() =>
                          replay.mutate(
                            { webhookId: webhook.id, deliveryId: d.id },
                            { onSuccess: () => onNotice(t('webhooks.log.replayed')) },
                          )
                        }
                      >
                        {t('webhooks.log.replayAction')}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      {deliveries.hasNextPage ? (
        <Button variant="secondary" disabled={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
          {t('webhooks.log.more')}
        </Button>
      ) : null}
    </div>
  );
}
