import { useInfiniteQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { notificationsInfiniteQueryOptions, useMarkNotificationsRead } from '../api/notifications';
import { NotificationSummary } from './notification-summary';
import { describeNotification, notificationQuote } from './notification-text';

/** Every notification, newest first, with an "unread only" filter; opening one marks it read. */
export function NotificationList() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useInfiniteQuery(notificationsInfiniteQueryOptions(unreadOnly));
  const markRead = useMarkNotificationsRead();
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages.at(-1)?.unread ?? 0;

  function markAll() {
    setNotice(null);
    markRead.mutate({ all: true }, { onSuccess: () => setNotice(t('notifications.list.allRead')) });
  }

  return (
    <section className="panel" aria-labelledby="notifications-list-title">
      <div className="card__header">
        <h2 id="notifications-list-title" ref={heading} tabIndex={-1}>
          {t('notifications.list.title')}
        </h2>
        <Button
          variant="secondary"
          className="button--small"
          disabled={unread === 0}
          pending={markRead.isPending && markRead.variables?.all}
          onClick={markAll}
        >
          {t('notifications.markAll')}
        </Button>
      </div>
      <div className="filters">
        <div className="choice">
          <input id="notifications-unread-only" type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
          <label htmlFor="notifications-unread-only">{t('notifications.list.unreadOnly')}</label>
        </div>
      </div>
      <div role="status" className="results-count">
        {list.isSuccess
          ? `${t('notifications.list.shown', { count: items.length })} ${t('notifications.list.unreadCount', { count: unread })}`
          : null}
      </div>
      <StatusMessage>{notice}</StatusMessage>
      <div role="alert">{markRead.error ? <p className="field__error">{describeError(t, toApiError(markRead.error))}</p> : null}</div>
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))}>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <p className="empty-state">{unreadOnly ? t('notifications.list.emptyUnread') : t('notifications.list.empty')}</p>
      ) : (
        <ul className="notification-list" aria-labelledby="notifications-list-title">
          {items.map((n) => {
            const quote = notificationQuote(t, n);
            return (
              <li key={n.id} className={n.readAt ? 'notification' : 'notification notification--unread'}>
                <NotificationSummary
                  notification={n}
                  onOpen={() => {
                    if (!n.readAt) markRead.mutate({ ids: [n.id] });
                  }}
                />
                {quote ? (
                  <figure className="quote">
                    <figcaption>{quote.label}</figcaption>
                    <blockquote className="quote__text">{quote.text}</blockquote>
                  </figure>
                ) : null}
                {n.readAt ? null : (
                  <p className="notification__actions">
                    <Button
                      variant="secondary"
                      className="button--small"
                      aria-label={t('notifications.list.markReadLabel', { sentence: describeNotification(t, n) })}
                      pending={markRead.isPending && markRead.variables?.ids?.[0] === n.id}
                      onClick={() => {
                        setNotice(null);
                        markRead.mutate(
                          { ids: [n.id] },
                          {
                            onSuccess: () => {
                              setNotice(t('notifications.list.markedRead'));
                              // The button goes away: focus goes back to the list's heading.
                              heading.current?.focus();
                            },
                          },
                        );
                      }}
                    >
                      {t('notifications.list.markRead')}
                    </Button>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {list.hasNextPage ? (
        <p className="load-more">
          <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('notifications.loadMore')}
          </Button>
        </p>
      ) : null}
    </section>
  );
}
