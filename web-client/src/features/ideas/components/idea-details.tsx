import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ParticipationAction, type GetIdeaResponse, type GetPlatformMapSettings } from '@contracts/participation-client';
import { Alert } from '@/components/ui/alert';
import { SignInPrompt } from '@/components/ui/sign-in-prompt';
import { StatusMessage } from '@/components/ui/status-message';
import { formatDate } from '@/lib/format';
import { decisionFor, useFlagIdea } from '../api/ideas';
import { ActionReason } from './action-reason';
import { AuthorActions } from './author-actions';
import type { OrganisationChoice } from './comment-form';
import { CommentsSection } from './comments-section';
import { FlagButton } from './flag-dialog';
import { FollowButton } from './follow-button';
import { IdeaAuthor } from './idea-author';
import { IdeaStatusBadge } from './idea-status-badge';
import { ModerationPanel } from './moderation-panel';
import { ReactionButtons } from './reaction-buttons';
import { StaffNotes } from './staff-notes';
import { IdeaAttachments } from './idea-attachments';
import { StatusHistory } from './status-history';

// Leaflet is loaded with the first idea that has a place, not with every idea page.
const PointMap = lazy(async () => ({ default: (await import('@/components/map/point-map')).PointMap }));

export interface IdeaDetailsProps {
  idea: GetIdeaResponse;
  /** The platform's base map, for the idea's location. */
  map?: GetPlatformMapSettings;
  /** The current phase lets people dislike. */
  dislikes: boolean;
  organisations?: readonly OrganisationChoice[];
  /** The project's department, which signs official feedback by default. */
  defaultSignature?: string;
  /** More tools for the staff, shown beside the moderation panel (e.g. the idea's cost in a participatory budget). */
  staffTools?: ReactNode;
}

/**
 * An idea's page below its title: text, place, author and status, what the visitor may do (each refusal
 * with its reason), the status history with official feedback, the staff's tools, and the conversation.
 */
export function IdeaDetails({ idea, map, dislikes, organisations, defaultSignature, staffTools }: IdeaDetailsProps) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const flag = useFlagIdea();
  const flagDecision = decisionFor(idea.actions, ParticipationAction.Flag);
  const moderate = decisionFor(idea.actions, ParticipationAction.Moderate).allowed;
  const location = idea.location;

  return (
    <div className="idea">
      <VisibilityNotice idea={idea} />
      <p className="idea__meta">
        <IdeaStatusBadge status={idea.status} /> <IdeaAuthor author={idea.author} />{' '}
        <span className="muted">
          {t('ideas.page.postedOn', { date: formatDate(idea.createdAt, i18n.language) })}
          {idea.editedAt ? ` · ${t('ideas.page.editedOn', { date: formatDate(idea.editedAt, i18n.language) })}` : ''}
        </span>
      </p>
      {/* Staff tools go beside the idea; everyone else reads one column, the actions right after the text. */}
      <div className={moderate ? 'project__layout idea__layout' : 'idea__layout idea__layout--single'}>
        <div className="project__main stack">
          <section className="panel" aria-labelledby="idea-body-title">
            <h2 id="idea-body-title" className="visually-hidden">
              {t('ideas.page.description')}
            </h2>
            {/* Sanitised by the API with an allow-list when saved: the only HTML rendered as such. */}
            <div className="rich-text idea__body" dangerouslySetInnerHTML={{ __html: idea.body }} />
            {idea.topics.length > 0 ? (
              <ul className="inline-list idea__topics" aria-label={t('ideas.page.topics')}>
                {idea.topics.map((topic) => (
                  <li key={topic} className="topic">
                    {topic}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <IdeaAttachments attachments={idea.attachments ?? []} />
          <section className="panel idea-actions" aria-labelledby="idea-actions-title">
            <h2 id="idea-actions-title">{t('ideas.page.actions')}</h2>
            <SignInPrompt />
            <StatusMessage>{message}</StatusMessage>
            <ReactionButtons idea={idea} dislikes={dislikes} />
            <div className="idea-actions__row">
              <FollowButton idea={idea} onDone={setMessage} />
              {flagDecision.allowed ? (
                <FlagButton
                  label={t('ideas.flag.open')}
                  title={t('ideas.flag.title')}
                  idPrefix="idea-flag"
                  pending={flag.isPending}
                  error={flag.error}
                  onSubmit={(request, done) => flag.mutate({ id: idea.id, request }, { onSuccess: done })}
                  onFlagged={setMessage}
                />
              ) : (
                <ActionReason
                  decision={idea.isMine ? { ...flagDecision, reason: 'own_content' } : flagDecision}
                  action={t('ideas.flag.open')}
                />
              )}
            </div>
            <AuthorActions idea={idea} onDone={setMessage} />
          </section>
          {location ? (
            <section className="panel" aria-labelledby="idea-location-title">
              <h2 id="idea-location-title">{t('ideas.page.location')}</h2>
              {/* The address when there is one (the map shows the point); the coordinates otherwise. */}
              {location.label ? (
                <p className="plain-text idea__address">{location.label}</p>
              ) : (
                <p className="muted">
                  {t('ideas.page.coordinates', {
                    latitude: location.latitude.toLocaleString(i18n.language, { maximumFractionDigits: 6 }),
                    longitude: location.longitude.toLocaleString(i18n.language, { maximumFractionDigits: 6 }),
                  })}
                </p>
              )}
              {map ? (
                <Suspense fallback={null}>
                  <PointMap
                    tileUrl={map.tileUrl}
                    attribution={map.attribution}
                    point={location}
                    label={location.label ? t('ideas.page.mapLabelAt', { address: location.label }) : t('ideas.page.mapLabel')}
                  />
                </Suspense>
              ) : null}
            </section>
          ) : null}
          <section className="panel" aria-labelledby="idea-history-title">
            <h2 id="idea-history-title">{t('ideas.history.title')}</h2>
            <StatusHistory history={idea.history} />
          </section>
          <CommentsSection idea={idea} organisations={organisations} />
        </div>
        {moderate ? (
          <div className="project__aside stack">
            <ModerationPanel idea={idea} defaultSignature={defaultSignature} />
            {staffTools}
            <StaffNotes ideaId={idea.id} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

function VisibilityNotice({ idea }: { idea: GetIdeaResponse }) {
  const { t } = useTranslation();
  const { state, hiddenReason, hiddenByFlags } = idea.visibility;
  if (state === 'public') return null;
  return (
    <Alert variant="warning" title={t(`ideas.page.visibility.${state}`, { defaultValue: t('ideas.page.visibility.hidden') })}>
      {hiddenReason ? <p className="plain-text">{t('ideas.page.visibility.reason', { reason: hiddenReason })}</p> : null}
      {state === 'hidden' && hiddenByFlags ? <p>{t('ideas.page.visibility.byFlags')}</p> : null}
    </Alert>
  );
}
