import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuthorView } from '@contracts/participation-client';
import { Avatar } from '@/components/ui/avatar';
import { personPath } from '@/lib/slugs';

/** « Par Jeanne Dupont », « Par Comité du quartier (organisation) », or a deleted account. Plain text. */
export function useAuthorName() {
  const { t } = useTranslation();
  return (author: AuthorView | undefined) =>
    !author
      ? t('ideas.author.deleted')
      : author.kind === 'organisation'
        ? t('ideas.author.organisation', { name: author.name })
        : author.name;
}

/** A person's name linking to their public profile, with their avatar (or initials) in front; an organisation's name as text. */
export function AuthorName({ author, id }: { author: AuthorView | undefined; id?: string }) {
  const name = useAuthorName();
  if (author?.kind === 'person' && author.userId) {
    return (
      <span className="author-name">
        <Avatar name={author.name} url={author.avatarUrl} />
        <Link to={personPath(author.userId)} id={id}>
          {author.name}
        </Link>
      </span>
    );
  }
  return <span id={id}>{name(author)}</span>;
}

export function IdeaAuthor({ author }: { author: AuthorView | undefined }) {
  const name = useAuthorName();
  return (
    <span className="idea-author">
      <Trans i18nKey="ideas.author.byLink" values={{ name: name(author) }} components={{ person: <AuthorName author={author} /> }} />
    </span>
  );
}
