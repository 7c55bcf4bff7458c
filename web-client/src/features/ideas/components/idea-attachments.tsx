import { useTranslation } from 'react-i18next';
import type { IdeaAttachment } from '@contracts/participation-client';
import { formatFileSize } from '@/lib/format';

/** An idea's photos (thumbnails opening the full image, with their alt text) and its PDFs (name and size). */
export function IdeaAttachments({ attachments }: { attachments: readonly IdeaAttachment[] }) {
  const { t, i18n } = useTranslation();
  const images = attachments.filter((a) => a.kind === 'image');
  const documents = attachments.filter((a) => a.kind === 'pdf');
  if (attachments.length === 0) return null;
  return (
    <section className="panel idea-attachments" aria-labelledby="idea-attachments-title">
      <h2 id="idea-attachments-title">{t('ideas.attachments.title')}</h2>
      {images.length > 0 ? (
        <ul className="idea-attachments__gallery">
          {images.map((a) => (
            <li key={a.id}>
              <a href={a.url} target="_blank" rel="noreferrer">
                <img src={a.thumbnailUrl ?? a.url} alt={a.alt ?? ''} width={a.width} height={a.height} loading="lazy" />
                <span className="visually-hidden">{t('ideas.attachments.opensFull')}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {documents.length > 0 ? (
        <ul className="idea-attachments__documents">
          {documents.map((a) => (
            <li key={a.id}>
              <a href={a.url} download={a.fileName ?? undefined}>
                {t('ideas.attachments.pdf', { name: a.fileName, size: formatFileSize(a.sizeBytes, i18n.language) })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
