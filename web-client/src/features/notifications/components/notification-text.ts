import type { TFunction } from 'i18next';
import { IdeaStatus, type ListNotificationsNotification } from '@contracts/participation-client';
import { pickLocalized } from '@/components/ui/localized-text';
import { i18n } from '@/lib/i18n';

const IDEA_STATUSES: readonly string[] = Object.values(IdeaStatus);

/** A value of the notification's data, '' when absent (the API may send null). */
function datum(n: ListNotificationsNotification, key: string): string {
  const value = n.data?.[key];
  return typeof value === 'string' ? value.trim() : '';
}

/** The idea's current title, or the one it had when the notification was written. */
export function notificationIdeaTitle(n: ListNotificationsNotification): string {
  return (n.ideaTitle ?? '').trim() || datum(n, 'ideaTitle');
}

/** Where a notification leads: its idea's page, a followed project's page, or the list otherwise. */
export function notificationHref(n: ListNotificationsNotification): string {
  if (n.projectId && n.ideaId) return `/projects/${n.projectId}/ideas/${n.ideaId}`;
  return n.projectId && n.category === 'project_updates_followed' ? `/projects/${n.projectId}` : '/notifications';
}

/** What a notification says, as one sentence in the UI language. */
export function describeNotification(t: TFunction, n: ListNotificationsNotification): string {
  const title = notificationIdeaTitle(n);
  const actor = datum(n, 'actorName') || t('notifications.someone');
  const status = datum(n, 'status');
  const previous = datum(n, 'previousStatus');
  const statusLabel = IDEA_STATUSES.includes(status) ? t(`notifications.ideaStatus.${status}`) : status;
  const statusChanged = status !== '' && status !== previous;
  const reason = datum(n, 'reason');

  switch (n.category) {
    case 'idea_status_mine':
      if (previous === 'prescreening' && status === 'proposed') return t('notifications.sentence.ideaApproved', { title });
      return statusChanged
        ? t('notifications.sentence.ideaStatusMine', { title, status: statusLabel })
        : t('notifications.sentence.ideaFeedbackMine', { title });
    case 'idea_status_followed':
      return statusChanged
        ? t('notifications.sentence.ideaStatusFollowed', { title, status: statusLabel })
        : t('notifications.sentence.ideaFeedbackFollowed', { title });
    case 'comment_on_my_idea':
      return t('notifications.sentence.commentOnMyIdea', { title, actor });
    case 'reply_to_my_comment':
      return t('notifications.sentence.replyToMyComment', { title, actor });
    case 'new_idea_to_moderate':
      return status === 'prescreening'
        ? t('notifications.sentence.newIdeaToPrescreen', { title, actor })
        : t('notifications.sentence.newIdeaToModerate', { title, actor });
    case 'content_hidden': {
      const kind = datum(n, 'kind');
      const what = kind === 'idea' ? 'Idea' : kind === 'comment' ? 'Comment' : 'Contribution';
      return reason
        ? t(`notifications.sentence.hidden${what}WithReason`, { title, reason })
        : t(`notifications.sentence.hidden${what}`, { title });
    }
    case 'mention':
      return t('notifications.sentence.mention', { title, actor });
    case 'idea_assigned':
      return t('notifications.sentence.ideaAssigned', { title, actor });
    case 'project_updates_followed': {
      // The project's and phase's titles, in the UI language, else French, else any.
      const language = i18n.language || 'fr';
      const project = pickLocalized(n.projectTitle, language)?.text ?? '';
      if (datum(n, 'kind') === 'phase_started') {
        const phases = Object.fromEntries(
          Object.entries(n.data ?? {})
            .filter(([key]) => key.startsWith('phaseTitle.'))
            .map(([key, value]) => [key.slice('phaseTitle.'.length), value]),
        );
        return t('notifications.sentence.projectPhaseStarted', { project, phase: pickLocalized(phases, language)?.text ?? '' });
      }
      return t('notifications.sentence.projectDecision', { project, title, status: statusLabel });
    }
    default:
      return title ? t('notifications.sentence.other', { title }) : t('notifications.sentence.otherNoIdea');
  }
}

/** The quoted text a notification carries, if any: official feedback or a comment's excerpt. */
export function notificationQuote(t: TFunction, n: ListNotificationsNotification): { label: string; text: string } | null {
  const feedback = datum(n, 'feedback');
  if (
    feedback &&
    (n.category === 'idea_status_mine' || n.category === 'idea_status_followed' || n.category === 'project_updates_followed')
  ) {
    const signedAs = datum(n, 'signedAs');
    return { label: signedAs ? t('notifications.feedbackFrom', { name: signedAs }) : t('notifications.feedback'), text: feedback };
  }
  const excerpt = datum(n, 'excerpt');
  if (excerpt && n.category !== 'content_hidden') return { label: t('notifications.excerpt'), text: excerpt };
  return null;
}
