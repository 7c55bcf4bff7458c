import { useTranslation } from 'react-i18next';
import type { AuthorView } from '@contracts/participation-client';

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

export function IdeaAuthor({ author }: { author: AuthorView | undefined }) {
  const { t } = useTranslation();
  const name = useAuthorName();
  return <span className="idea-author">{t('ideas.author.by', { name: name(author) })}</span>;
}
