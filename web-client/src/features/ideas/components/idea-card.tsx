import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListIdeasIdea } from '@contracts/participation-client';
import { ideaPath } from '@/lib/slugs';
import { IdeaAuthor } from './idea-author';
import { IdeaCounters } from './idea-counters';
import { IdeaStatusBadge } from './idea-status-badge';

export interface IdeaCardProps {
  idea: ListIdeasIdea;
  projectId: string;
  /** The project's slug, for the idea's address (its id when unknown). */
  projectSlug?: string;
  headingLevel?: 3 | 4;
  /** What the current phase lets people do with the idea from the list (vote, basket), below the counters. */
  actions?: ReactNode;
}

/** An idea in a list: title (link to its page), status, author, excerpt, counters and your reaction. */
export function IdeaCard({ idea, projectId, projectSlug, headingLevel = 3, actions }: IdeaCardProps) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const titleId = `idea-${idea.id}-title`;
  const picture = idea.attachments?.find((a) => a.kind === 'image');
  return (
    <li className="card idea-card">
      <article aria-labelledby={titleId}>
        <Heading id={titleId} className="card__title">
          <Link to={ideaPath({ id: projectId, slug: projectSlug }, idea)}>{idea.title}</Link>
        </Heading>
        {picture?.thumbnailUrl ? (
          <img className="idea-card__picture" src={picture.thumbnailUrl} alt={picture.alt ?? ''} loading="lazy" />
        ) : null}
        <p className="idea-card__meta">
          <IdeaStatusBadge status={idea.status} /> <IdeaAuthor author={idea.author} />
        </p>
        {idea.excerpt ? <p className="idea-card__excerpt clamp">{idea.excerpt}</p> : null}
        {idea.topics.length > 0 ? (
          <ul className="inline-list idea-card__topics" aria-label={t('ideas.card.topics')}>
            {idea.topics.map((topic) => (
              <li key={topic} className="topic">
                {topic}
              </li>
            ))}
          </ul>
        ) : null}
        <IdeaCounters likes={idea.likes} dislikes={idea.dislikes} comments={idea.comments} myReaction={idea.myReaction} />
        {actions ? <div className="idea-card__actions">{actions}</div> : null}
      </article>
    </li>
  );
}
