import { useTranslation } from 'react-i18next';
import type { GetIdeaStatusChange } from '@contracts/participation-client';
import { formatDateTime } from '@/lib/format';
import { useIdeaStatusLabel } from './idea-status-badge';

/** Every step of the idea, oldest first, with the official feedback signed by a service. */
export function StatusHistory({ history }: { history: GetIdeaStatusChange[] }) {
  const { t, i18n } = useTranslation();
  const label = useIdeaStatusLabel();
  if (history.length === 0) return <p className="muted">{t('ideas.history.empty')}</p>;
  return (
    <ol className="timeline idea-history">
      {history.map((change, index) => (
        <li key={`${change.at}-${index}`} className="timeline__item">
          <p className="timeline__step">
            <time dateTime={change.at}>{formatDateTime(change.at, i18n.language)}</time>
          </p>
          <p className="timeline__title">
            {change.fromStatus && change.fromStatus !== change.toStatus
              ? t('ideas.history.change', { from: label(change.fromStatus), to: label(change.toStatus) })
              : change.fromStatus
                ? t('ideas.history.same', { status: label(change.toStatus) })
                : t('ideas.history.created', { status: label(change.toStatus) })}
          </p>
          {change.feedback ? (
            <figure className="quote idea-feedback">
              <figcaption>{t('ideas.history.feedback', { service: change.signedAs ?? t('ideas.history.theCity') })}</figcaption>
              {/* Sanitised by the API with the rich-text allow-list; older plain answers keep their line breaks. */}
              <blockquote className="quote__text rich-text plain-text" dangerouslySetInnerHTML={{ __html: change.feedback }} />
            </figure>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
