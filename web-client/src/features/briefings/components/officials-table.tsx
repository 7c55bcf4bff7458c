import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureScopeType, type BriefingScopeView, type ListBriefingOfficialsOfficial } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { TableRegion } from '@/components/ui/table-region';
import { formatDay } from '@/lib/format';
import { briefingOfficialsQueryOptions, useSendBriefingNow } from '../api/briefings';
import { BriefingPreview } from './briefing-preview';

export function useScopeLabel() {
  const { t } = useTranslation();
  return (scope: BriefingScopeView) =>
    scope.type === FigureScopeType.Platform ? t('briefings.scopePlatform', { name: scope.name }) : scope.name;
}

const fullName = (o: { firstName: string; lastName: string }) => `${o.firstName} ${o.lastName}`;

/** The elected officials with their scope, opt-out and last briefing; preview anyone's next briefing or send it now. */
export function OfficialsTable() {
  const { t, i18n } = useTranslation();
  const officials = useInfiniteQuery(briefingOfficialsQueryOptions(i18n.language));
  const send = useSendBriefingNow();
  const scopeLabel = useScopeLabel();
  const [previewing, setPreviewing] = useState<ListBriefingOfficialsOfficial | null>(null);
  const [confirming, setConfirming] = useState<ListBriefingOfficialsOfficial | null>(null);
  const [result, setResult] = useState<string | null>(null);

  if (officials.isPending) return <Loading label={t('common.loading')} />;
  if (officials.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(officials.error))} />;
  const rows = officials.data.pages.flatMap((p) => p.items);

  function confirmSend(official: ListBriefingOfficialsOfficial) {
    setConfirming(null);
    setResult(null);
    send.mutate(
      { userId: official.id, departmentId: official.scope.id ?? undefined },
      { onSuccess: (answer) => setResult(t(`briefings.result.${answer.status}`, { name: fullName(official) })) },
    );
  }

  return (
    <section className="panel stack" aria-labelledby="briefing-officials-title">
      <h2 id="briefing-officials-title">{t('briefings.officials.title')}</h2>
      <StatusMessage>{result}</StatusMessage>
      {send.error ? <Alert variant="error" role="alert" title={describeError(t, toApiError(send.error))} /> : null}
      {rows.length === 0 ? (
        <p className="empty-state">{t('briefings.officials.empty')}</p>
      ) : (
        <TableRegion label={t('briefings.officials.caption')}>
          <table className="table">
            <caption>{t('briefings.officials.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('briefings.officials.name')}</th>
                <th scope="col">{t('briefings.officials.scope')}</th>
                <th scope="col">{t('briefings.officials.subscription')}</th>
                <th scope="col">{t('briefings.officials.last')}</th>
                <th scope="col">{t('briefings.officials.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={`${o.id}-${o.scope.id ?? 'platform'}`}>
                  <th scope="row">{fullName(o)}</th>
                  <td>{scopeLabel(o.scope)}</td>
                  <td>{o.optedOut ? t('briefings.officials.optedOut') : t('briefings.officials.subscribed')}</td>
                  <td>
                    {o.last
                      ? t('briefings.officials.lastValue', {
                          status: t(`briefings.statuses.${o.last.status}`),
                          from: formatDay(o.last.from, i18n.language),
                          to: formatDay(o.last.to, i18n.language),
                        })
                      : t('briefings.officials.never')}
                  </td>
                  <td>
                    <div className="actions">
                      <Button
                        variant="secondary"
                        aria-label={t('briefings.officials.previewOf', { name: fullName(o) })}
                        onClick={() => setPreviewing(o)}
                      >
                        {t('briefings.officials.preview')}
                      </Button>
                      <Button
                        aria-label={t('briefings.officials.sendTo', { name: fullName(o) })}
                        pending={send.isPending && send.variables?.userId === o.id}
                        onClick={() => setConfirming(o)}
                      >
                        {t('briefings.officials.send')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {officials.hasNextPage ? (
        <div>
          <Button variant="secondary" pending={officials.isFetchingNextPage} onClick={() => void officials.fetchNextPage()}>
            {t('briefings.officials.more')}
          </Button>
        </div>
      ) : null}
      <Dialog
        open={previewing !== null}
        title={previewing ? t('briefings.preview.title', { name: fullName(previewing) }) : ''}
        onClose={() => setPreviewing(null)}
      >
        {previewing ? (
          <BriefingPreview userId={previewing.id} departmentId={previewing.scope.id ?? undefined} name={fullName(previewing)} />
        ) : null}
      </Dialog>
      <Dialog open={confirming !== null} title={t('briefings.confirm.title')} onClose={() => setConfirming(null)}>
        {confirming ? (
          <div className="stack">
            <p>{t('briefings.confirm.body', { name: fullName(confirming) })}</p>
            <div className="actions">
              <Button onClick={() => confirmSend(confirming)}>{t('briefings.confirm.send')}</Button>
              <Button variant="secondary" onClick={() => setConfirming(null)}>
                {t('briefings.confirm.cancel')}
              </Button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </section>
  );
}
