import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ParticipationAction, ReactionKind, type GetIdeaResponse } from '@contracts/participation-client';
import { toApiError } from '@/api/errors';
import { decisionFor, useReactToIdea } from '../api/ideas';
import { ActionReason, useDescribeRefusal } from './action-reason';

export interface ReactionButtonsProps {
  idea: GetIdeaResponse;
  /** The current phase lets people dislike. */
  dislikes: boolean;
}

/**
 * « J’aime » and « Je n’aime pas » as toggle buttons (aria-pressed) with their counts. Pressing the pressed
 * one takes the reaction back. When reacting is not open to the visitor, the reason is shown beside them.
 */
export function ReactionButtons({ idea, dislikes }: ReactionButtonsProps) {
  const { t } = useTranslation();
  const describe = useDescribeRefusal();
  const react = useReactToIdea();
  const decision = decisionFor(idea.actions, ParticipationAction.React);
  const reasonId = useId();
  const apiError = react.error ? toApiError(react.error) : null;
  const kinds = dislikes || idea.dislikes > 0 ? [ReactionKind.Like, ReactionKind.Dislike] : [ReactionKind.Like];

  return (
    <div className="reactions">
      <div className="reactions__buttons" role="group" aria-label={t('ideas.reactions.label')}>
        {kinds.map((kind) => {
          const pressed = idea.myReaction === kind;
          const count = kind === 'like' ? idea.likes : idea.dislikes;
          return (
            <button
              key={kind}
              type="button"
              className={`button button--secondary reaction reaction--${kind}`}
              aria-pressed={pressed}
              // Reacting is closed, or dislikes are off in this phase (an old count still shows).
              disabled={!decision.allowed || (kind === 'dislike' && !dislikes)}
              aria-describedby={decision.allowed ? undefined : reasonId}
              onClick={() => {
                react.reset();
                react.mutate({ idea, kind: pressed ? null : kind });
              }}
            >
              <span>{t(`ideas.reactions.${kind}`)}</span> <span className="reaction__count">{count}</span>
            </button>
          );
        })}
      </div>
      <ActionReason decision={decision} action={t('ideas.reactions.action')} id={reasonId} />
      <div role="alert" className={apiError ? 'field__error' : 'visually-empty'}>
        {apiError ? describe(apiError) : null}
      </div>
    </div>
  );
}
