import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportStatus, ScopeType, type Export } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { downloadExport, exportKeys, exportsQueryOptions, isActive } from '../api/exports';

const TONES: Record<ExportStatus, 'success' | 'warning' | 'neutral'> = {
  [ExportStatus.Queued]: 'neutral',
  [ExportStatus.Running]: 'neutral',
  [ExportStatus.Ready]: 'success',
  [ExportStatus.Failed]: 'warning',
  [ExportStatus.Expired]: 'neutral',
};

/** The caller's exports, newest first: a progress bar while one is written, its file to download once ready (until it expires). */
export function ExportList() {
  const { t } = useTranslation();
  const list = useInfiniteQuery(exportsQueryOptions());
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);

  async function download(item: Export) {
    setNotice(null);
    setFailure(null);
    setDownloading(item.id);
    try {
      const name = await downloadExport(item);
      setNotice(t('exports.list.downloaded', { name }));
    } catch (error) {
      setFailure(describeError(t, toApiError(error)));
    } finally {
      setDownloading(null);
      void queryClient.invalidateQueries({ queryKey: exportKeys.all });
    }
  }

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="panel" aria-labelledby="export-list-title">
      <h2 id="export-list-title">{t('exports.list.title')}</h2>
      <p className="muted">{t('exports.list.intro')}</p>
      <StatusMessage>{notice}</StatusMessage>
      {failure ? <Alert variant="error" role="alert" title={failure} /> : null}
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))} />
      ) : items.length === 0 ? (
        <p className="empty-state">{t('exports.list.empty')}</p>
      ) : (
        <ul className="card-list">
          {items.map((item) => (
            <ExportCard key={item.id} item={item} busy={downloading === item.id} onDownload={() => void download(item)} />
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <Button variant="secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('exports.list.more')}
        </Button>
      ) : null}
    </section>
  );
}

function ExportCard({ item, busy, onDownload }: { item: Export; busy: boolean; onDownload: () => void }) {
  const { t, i18n } = useTranslation();
  const kind = t(`exports.kinds.${item.kind}`);
  const scope =
    item.scopeType === ScopeType.Platform ? t('exports.scopeTypes.platform') : (item.scopeName ?? t('exports.list.unknownScope'));
  const title = t('exports.list.itemTitle', { kind, scope });
  const titleId = `export-${item.id}-title`;
  const progressId = `export-${item.id}-progress`;
  const period =
    item.from || item.to
      ? t('exports.list.period', {
          from: item.from ? formatDate(item.from, i18n.language) : '…',
          to: item.to ? formatDate(new Date(new Date(item.to).getTime() - 1).toISOString(), i18n.language) : '…',
        })
      : t('exports.list.allTime');

  return (
    <li className="card">
      <article aria-labelledby={titleId}>
        <div className="card__header">
          <h3 id={titleId} className="card__title">
            {title}
          </h3>
          <Badge tone={TONES[item.status]}>{t(`exports.status.${item.status}`)}</Badge>
        </div>
        <p className="muted">
          {t(`exports.formats.${item.format}`)} · {period} ·{' '}
          {t('exports.list.requestedAt', { date: formatDateTime(item.createdAt, i18n.language) })}
        </p>
        {isActive(item) || item.status === ExportStatus.Ready ? (
          <div className="export-progress">
            <label htmlFor={progressId}>{t('exports.list.progressLabel', { name: title })}</label>
            <progress
              id={progressId}
              max={100}
              value={item.progress ?? undefined}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={item.progress ?? undefined}
              aria-valuetext={
                item.progress === undefined || item.progress === null
                  ? t('exports.status.queued')
                  : t('exports.list.percent', { percent: item.progress })
              }
            />
            <p className="muted">
              {item.rowsTotal === undefined || item.rowsTotal === null
                ? t('exports.list.waiting')
                : t('exports.list.rows', {
                    done: formatNumber(item.rowsDone, i18n.language),
                    total: formatNumber(item.rowsTotal, i18n.language),
                    percent: item.progress ?? 0,
                  })}
            </p>
          </div>
        ) : null}
        {item.status === ExportStatus.Failed ? <p>{t(`exports.errors.${item.error ?? 'failed'}`)}</p> : null}
        {item.status === ExportStatus.Expired ? <p>{t('exports.list.expiredHelp')}</p> : null}
        {item.status === ExportStatus.Ready ? (
          <div className="card__actions">
            <Button
              className="button--small"
              disabled={busy}
              aria-label={t('exports.list.downloadLabel', { name: item.fileName })}
              onClick={onDownload}
            >
              {t('exports.list.download')}
            </Button>
            <p className="muted">
              {t('exports.list.expires', { date: item.expiresAt ? formatDateTime(item.expiresAt, i18n.language) : '' })}
              {item.sizeBytes !== undefined && item.sizeBytes !== null
                ? ` · ${t('exports.list.size', { size: formatNumber(Math.max(1, Math.round(item.sizeBytes / 1024)), i18n.language) })}`
                : ''}
              {item.withEmails ? ` · ${t('exports.list.withEmails')}` : ''}
            </p>
          </div>
        ) : null}
      </article>
    </li>
  );
}
