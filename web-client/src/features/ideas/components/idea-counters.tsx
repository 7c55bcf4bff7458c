import { useTranslation } from 'react-i18next';

export interface IdeaCountersProps {
  likes: number;
  dislikes: number;
  comments: number;
  myReaction?: string;
  /** Dislikes are shown only where the phase allows them or someone gave one. */
  showDislikes?: boolean;
}

/** Likes, dislikes and comments as a short list, with the visitor's own reaction. */
export function IdeaCounters({ likes, dislikes, comments, myReaction, showDislikes = dislikes > 0 }: IdeaCountersProps) {
  const { t } = useTranslation();
  return (
    <ul className="inline-list idea-counters" aria-label={t('ideas.card.counters')}>
      <li>{t('ideas.card.likes', { count: likes })}</li>
      {showDislikes ? <li>{t('ideas.card.dislikes', { count: dislikes })}</li> : null}
      <li>{t('ideas.card.comments', { count: comments })}</li>
      {myReaction === 'like' || myReaction === 'dislike' ? (
        <li className="idea-counters__mine">{t(`ideas.card.mine.${myReaction}`)}</li>
      ) : null}
    </ul>
  );
}
