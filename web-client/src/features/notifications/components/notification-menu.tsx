import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { latestNotificationsQueryOptions, notificationSummaryQueryOptions, useMarkNotificationsRead } from '../api/notifications';
import { NotificationSummary } from './notification-summary';

/** The room the panel keeps from the window's edges. */
const MARGIN_PX = 16;

/**
 * The header's notification button (with the unread count, polled) and the disclosure it opens with the
 * latest notifications. Not modal: Tab moves on through the page; Escape, a click outside or a navigation
 * closes it, and Escape gives focus back to the button.
 */
export function NotificationMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The panel starts under the button, shifted left as much as needed to stay within the window.
  const [offset, setOffset] = useState(0);
  const summary = useQuery(notificationSummaryQueryOptions());
  const latest = useQuery({ ...latestNotificationsQueryOptions(), enabled: open });
  const markRead = useMarkNotificationsRead();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const headingId = useId();
  const location = useLocation();
  const unread = summary.data?.unread ?? 0;
  const items = latest.data?.items ?? [];

  const place = useCallback(() => {
    if (!button.current || !panel.current) return;
    const left = button.current.getBoundingClientRect().left;
    const width = panel.current.offsetWidth;
    setOffset(Math.max(Math.min(0, window.innerWidth - MARGIN_PX - width - left), MARGIN_PX - left));
  }, []);

  // Placed before it is painted, and again when the window changes size.
  useLayoutEffect(() => {
    if (open) place();
  }, [open, place]);

  // A navigation (following a notification or "see all") closes the menu.
  useEffect(() => setOpen(false), [location.key]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (wrapper.current && event.target instanceof Node && !wrapper.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('resize', place);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('resize', place);
    };
  }, [open, place]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  }

  // Tabbing out of the menu closes it (it is not a focus trap).
  function onBlur(event: FocusEvent<HTMLDivElement>) {
    const next = event.relatedTarget;
    if (open && next instanceof Node && !event.currentTarget.contains(next)) setOpen(false);
  }

  // The wrapper listens to the key and focus events that bubble from the button and the panel; role="presentation":
  // it is no widget of its own.
  return (
    <div className="notification-menu" role="presentation" ref={wrapper} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="notification-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('notifications.menu.label', { count: unread })}
        onClick={() => setOpen((value) => !value)}
      >
        <svg className="notification-menu__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6Zm-2 15a2 2 0 0 0 4 0" />
        </svg>
        <span className="notification-menu__label">{t('notifications.menu.button')}</span>
        {unread > 0 ? (
          <span className="notification-menu__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <div id={panelId} ref={panel} className="notification-menu__panel" style={{ left: offset }} hidden={!open}>
        {open ? (
          <section aria-labelledby={headingId}>
            <h2 id={headingId} className="notification-menu__heading">
              {t('notifications.menu.heading')}
            </h2>
            {latest.isPending ? (
              <Loading label={t('common.loading')} />
            ) : latest.isError ? (
              <p className="field__error">{describeError(t, toApiError(latest.error))}</p>
            ) : items.length === 0 ? (
              <p className="muted">{t('notifications.menu.empty')}</p>
            ) : (
              <ul className="notification-menu__list">
                {items.map((n) => (
                  <li key={n.id} className={n.readAt ? 'notification' : 'notification notification--unread'}>
                    <NotificationSummary
                      notification={n}
                      onOpen={() => {
                        if (!n.readAt) markRead.mutate({ ids: [n.id] });
                      }}
                    />
                  </li>
                ))}
              </ul>
            )}
            <div className="notification-menu__footer">
              {unread > 0 ? (
                <Button
                  variant="secondary"
                  className="button--small"
                  pending={markRead.isPending}
                  onClick={() => markRead.mutate({ all: true })}
                >
                  {t('notifications.markAll')}
                </Button>
              ) : null}
              <Link to="/notifications">{t('notifications.menu.seeAll')}</Link>
            </div>
          </section>
        ) : null}
      </div>
    </div>
  );
}
