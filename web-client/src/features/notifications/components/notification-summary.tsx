import type { ListNotificationsNotification } from '@contracts/participation-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { localizedName } from '@/lib/roles';
import { describeNotification, notificationHref } from './notification-text';

export interface NotificationSummaryProps {
  notification: ListNotificationsNotification;
  /** Called when the person follows the link (to mark it read). */
  onOpen: () => void;
}

/**
 * One notification: an "unread" marker in words (not only a colour), its sentence as a link to the idea,
 * and where and when it happened.
 */
export function NotificationSummary({ notification: n, onOpen }: NotificationSummaryProps) {
  const { t, i18n } = useTranslation();
  const project = localizedName(n.projectTitle, i18n.language);
  return (
    <div className="notification__summary">
      {n.readAt ? null : <span className="notification__unread">{t('notifications.unread')}</span>}
      <Link to={notificationHref(n)} className="notification__link" onClick={onOpen}>
        {describeNotification(t, n)}
      </Link>
      <p className="notification__meta">
        {project ? <>{project} · </> : null}
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, i18n.language)}</time>
      </p>
    </div>
  );
}
