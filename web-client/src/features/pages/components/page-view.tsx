import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageKind, type GetPageBySlugPublicPage } from '@contracts/participation-client';
import { NotTranslatedNote } from '@/components/ui/localized-text';

export interface PageContact {
  email?: string | null;
  legalName?: string | null;
  legalAddress?: string | null;
}

/**
 * The FAQ's questions are its level-2 headings: each gets an id, and a list of links to them leads the page, so people
 * (and screen readers, by heading) go straight to their question.
 */
export function questionsOf(html: string): { html: string; questions: { id: string; text: string }[] } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const questions = Array.from(doc.body.querySelectorAll('h2')).map((h, index) => {
    const id = `question-${index + 1}`;
    h.id = id;
    return { id, text: h.textContent ?? '' };
  });
  return { html: doc.body.innerHTML, questions };
}

/** A published page's body (rich text sanitised by the API); the FAQ with its questions' index, the accessibility statement
 * and the privacy policy with the platform's contact address. */
export function PageView({ page, contact }: { page: GetPageBySlugPublicPage; contact: PageContact }) {
  const { t, i18n } = useTranslation();
  const faq = page.kind === PageKind.Faq;
  const body = useMemo(() => (faq ? questionsOf(page.body) : { html: page.body, questions: [] }), [faq, page.body]);
  const showContact = page.kind === PageKind.Accessibility || page.kind === PageKind.Privacy;
  return (
    <>
      {body.questions.length > 0 ? (
        <nav className="page-toc" aria-label={t('sitePages.questions')}>
          <ul>
            {body.questions.map((q) => (
              <li key={q.id}>
                <a href={`#${q.id}`}>{q.text}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {page.language === i18n.language ? null : <NotTranslatedNote />}
      <div className="rich-text" lang={page.language} dangerouslySetInnerHTML={{ __html: body.html }} />
      {showContact && (contact.email || contact.legalName) ? (
        <section className="page-contact" aria-labelledby="page-contact-title">
          <h2 id="page-contact-title">{page.kind === PageKind.Accessibility ? t('sitePages.reportProblem') : t('sitePages.contact')}</h2>
          {contact.legalName ? <p>{contact.legalName}</p> : null}
          {contact.legalAddress ? <p className="site-footer__contact">{contact.legalAddress}</p> : null}
          {contact.email ? (
            <p>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
