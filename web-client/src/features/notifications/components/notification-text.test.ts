import { beforeEach, describe, expect, it } from 'vitest';
import { type NotificationCategory, type ListNotificationsNotification } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { describeNotification, notificationHref, notificationQuote } from './notification-text';

function notification(
  category: string,
  data: Record<string, string | null>,
  extra: Partial<ListNotificationsNotification> = {},
): ListNotificationsNotification {
  return {
    id: 1,
    category: category as NotificationCategory,
    createdAt: '2026-03-03T10:00:00Z',
    projectId: 'p-1',
    ideaId: 'i-1',
    ideaTitle: 'Un banc au parc',
    // The API may send null values in data.
    data: data as Record<string, string>,
    ...extra,
  };
}

describe('describeNotification', () => {
  const fr = () => i18n.getFixedT('fr');

  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('says a person’s idea changed status, in words', () => {
    expect(
      describeNotification(fr(), notification('idea_status_mine', { status: 'accepted', previousStatus: 'under_consideration' })),
    ).toBe('Votre idée « Un banc au parc » est maintenant acceptée.');
    expect(
      describeNotification(fr(), notification('idea_status_mine', { status: 'under_consideration', previousStatus: 'proposed' })),
    ).toBe('Votre idée « Un banc au parc » est maintenant à l’étude.');
  });

  it('tells apart an approval after pre-moderation and feedback without a new status', () => {
    expect(describeNotification(fr(), notification('idea_status_mine', { status: 'proposed', previousStatus: 'prescreening' }))).toBe(
      'Votre idée « Un banc au parc » a été approuvée : elle est maintenant publique.',
    );
    expect(
      describeNotification(fr(), notification('idea_status_mine', { status: 'accepted', previousStatus: 'accepted', feedback: 'Merci !' })),
    ).toBe('Nouvelle réponse officielle à votre idée « Un banc au parc ».');
  });

  it('speaks of followed ideas as such', () => {
    expect(describeNotification(fr(), notification('idea_status_followed', { status: 'implemented', previousStatus: 'accepted' }))).toBe(
      'L’idée « Un banc au parc », que vous suivez, est maintenant réalisée.',
    );
  });

  it('names who commented or replied, and someone when the name is missing', () => {
    expect(describeNotification(fr(), notification('comment_on_my_idea', { actorName: 'Bruno Martin', excerpt: 'Bonne idée' }))).toBe(
      'Bruno Martin a commenté votre idée « Un banc au parc ».',
    );
    expect(describeNotification(fr(), notification('reply_to_my_comment', { actorName: null }))).toBe(
      'Quelqu’un a répondu à votre commentaire sur l’idée « Un banc au parc ».',
    );
  });

  it('tells moderators about new ideas, and whether they wait for pre-moderation', () => {
    expect(describeNotification(fr(), notification('new_idea_to_moderate', { actorName: 'Ana', status: 'proposed' }))).toBe(
      'Ana a publié l’idée « Un banc au parc » dans un projet que vous modérez.',
    );
    expect(describeNotification(fr(), notification('new_idea_to_moderate', { actorName: 'Ana', status: 'prescreening' }))).toBe(
      'Ana a proposé l’idée « Un banc au parc » : elle attend votre pré-modération.',
    );
  });

  it('gives the reason a contribution was hidden', () => {
    expect(describeNotification(fr(), notification('content_hidden', { kind: 'comment', reason: 'Propos injurieux' }))).toBe(
      'Votre commentaire sur l’idée « Un banc au parc » a été masqué : Propos injurieux',
    );
    expect(describeNotification(fr(), notification('content_hidden', { kind: 'idea', reason: 'Hors sujet' }))).toBe(
      'Votre idée « Un banc au parc » a été masquée : Hors sujet',
    );
    expect(describeNotification(fr(), notification('content_hidden', {}))).toBe(
      'Votre contribution sur l’idée « Un banc au parc » a été masquée par l’équipe de modération.',
    );
  });

  it('mentions, and an unknown category still reads as a sentence', () => {
    expect(describeNotification(fr(), notification('mention', { actorName: 'Chloé' }))).toBe(
      'Chloé vous a mentionné·e dans une note interne sur l’idée « Un banc au parc ».',
    );
    expect(describeNotification(fr(), notification('something_new', {}))).toBe('Du nouveau à propos de l’idée « Un banc au parc ».');
  });

  it('uses the title kept in the data when the idea is gone', () => {
    expect(
      describeNotification(
        fr(),
        notification('comment_on_my_idea', { actorName: 'Bruno', ideaTitle: 'Ancien titre' }, { ideaTitle: undefined }),
      ),
    ).toBe('Bruno a commenté votre idée « Ancien titre ».');
  });

  it('speaks Dutch and English too', () => {
    const n = notification('idea_status_mine', { status: 'accepted', previousStatus: 'proposed' });
    expect(describeNotification(i18n.getFixedT('nl'), n)).toBe('Uw idee ‘Un banc au parc’ is nu aanvaard.');
    expect(describeNotification(i18n.getFixedT('en'), n)).toBe('Your idea “Un banc au parc” is now accepted.');
    expect(describeNotification(i18n.getFixedT('en'), notification('content_hidden', { kind: 'comment', reason: 'Insults' }))).toBe(
      'Your comment on the idea “Un banc au parc” was hidden: Insults',
    );
  });
});

describe('notificationHref and notificationQuote', () => {
  it('leads to the idea’s page, or the list when there is no idea', () => {
    expect(notificationHref(notification('comment_on_my_idea', {}))).toBe('/projects/p-1/ideas/i-1');
    expect(notificationHref(notification('comment_on_my_idea', {}, { ideaId: undefined }))).toBe('/notifications');
  });

  it('quotes official feedback with its signature, or a comment’s excerpt', () => {
    const t = i18n.getFixedT('fr');
    expect(notificationQuote(t, notification('idea_status_mine', { feedback: 'Nous étudions.', signedAs: 'Service Mobilité' }))).toEqual({
      label: 'Réponse officielle de Service Mobilité :',
      text: 'Nous étudions.',
    });
    expect(notificationQuote(t, notification('comment_on_my_idea', { excerpt: 'Bonne idée' }))).toEqual({
      label: 'Extrait :',
      text: 'Bonne idée',
    });
    expect(notificationQuote(t, notification('content_hidden', { reason: 'x' }))).toBeNull();
  });
});

describe('a followed project’s news', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('says a phase began, with the project and phase titles in the reader’s language, and leads to the project', () => {
    const n = notification(
      'project_updates_followed',
      { kind: 'phase_started', method: 'voting', 'phaseTitle.fr': 'Vote', 'phaseTitle.nl': 'Stemming' },
      { ideaId: undefined, ideaTitle: undefined, projectTitle: { fr: 'Parc du centre', nl: 'Centrumpark' } },
    );
    expect(describeNotification(i18n.getFixedT('fr'), n)).toBe(
      'Une nouvelle phase a commencé dans le projet « Parc du centre », que vous suivez : Vote.',
    );
    expect(notificationHref(n)).toBe('/projects/p-1');
  });

  it('says a decision was published on one of its ideas', () => {
    const n = notification(
      'project_updates_followed',
      { kind: 'decision', status: 'accepted', previousStatus: 'under_consideration', feedback: 'Nous le ferons.' },
      { projectTitle: { fr: 'Parc du centre' } },
    );
    expect(describeNotification(i18n.getFixedT('fr'), n)).toBe(
      'Décision dans le projet « Parc du centre », que vous suivez : l’idée « Un banc au parc » est maintenant acceptée.',
    );
    expect(notificationHref(n)).toBe('/projects/p-1/ideas/i-1');
    expect(notificationQuote(i18n.getFixedT('fr'), n)?.text).toBe('Nous le ferons.');
  });
});
