import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageKind, PageStatus, type Page, type PageText, type PageTexts } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, type FieldErrors } from '@/lib/forms';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, type Language } from '@/lib/i18n/languages';
import { useChangePageStatus, useCreatePage, useDeletePage, useUpdatePage } from '../api/pages';
import { SLUG_MAX, SLUG_PATTERN, slugify } from './slug';

interface Draft {
  texts: Record<Language, PageText>;
  inFooter: boolean;
  footerOrder: string;
}

const empty: PageText = { title: '', slug: '', body: '' };

function draftOf(page: Page | undefined): Draft {
  return {
    texts: {
      fr: page?.texts.fr ?? empty,
      nl: page?.texts.nl ?? empty,
      en: page?.texts.en ?? empty,
    },
    inFooter: page?.inFooter ?? false,
    footerOrder: String(page?.footerOrder ?? 50),
  };
}

const written = (text: PageText) => !!(text.title.trim() || text.slug.trim() || text.body.trim());

function textsOf(draft: Draft): PageTexts {
  const pick = (language: Language): PageText | undefined => {
    const text = draft.texts[language];
    return written(text) ? { ...text, title: text.title.trim() } : undefined;
  };
  return { fr: pick('fr'), nl: pick('nl'), en: pick('en') };
}

/**
 * A page's editor (admins and communication managers): per language a title, a slug (the readable address) and the
 * rich-text body; the footer placement; publish or take back to draft; delete a free page. Saves name the version read:
 * a page changed meanwhile is reported, not overwritten.
 */
export function PageEditor({ page }: { page?: Page }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePage();
  const update = useUpdatePage();
  const status = useChangePageStatus();
  const remove = useDeletePage();
  const [draft, setDraft] = useState<Draft>(() => draftOf(page));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const failed = create.error ?? update.error ?? status.error;
  const apiError = failed ? toApiError(failed) : null;
  const errors: FieldErrors = { ...(apiError?.fieldErrors ?? {}), ...clientErrors };
  const id = (key: string) => `page-${key.replace(/\./g, '-')}`;
  const labelOf = (language: Language, field: string) => `${t(`sitePages.editor.${field}`)} (${LANGUAGE_NAMES[language]})`;
  const fields = SUPPORTED_LANGUAGES.flatMap((language) =>
    ['title', 'slug', 'body'].map((field) => ({
      key: `texts.${language}.${field}`,
      id: id(`texts.${language}.${field}`),
      label: labelOf(language, field),
    })),
  ).concat([{ key: 'footerOrder', id: id('footerOrder'), label: t('sitePages.editor.footerOrder') }]);
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError?.status === 409 && apiError.fieldErrors.version) summary = t('sitePages.editor.stale');
  else if (apiError) summary = describeError(t, apiError);

  function setText(language: Language, change: Partial<PageText>) {
    setDraft((d) => {
      const before = d.texts[language];
      const next = { ...before, ...change };
      // A new page's slug follows its title until someone writes one; a saved page's stays (shared links).
      if (!page && change.title !== undefined && (before.slug === '' || before.slug === slugify(before.title)))
        next.slug = slugify(change.title);
      return { ...d, texts: { ...d.texts, [language]: next } };
    });
  }

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    const languages = SUPPORTED_LANGUAGES.filter((l) => written(draft.texts[l]));
    if (languages.length === 0) found['texts.fr.title'] = [t('sitePages.editor.oneLanguage')];
    for (const language of languages) {
      const text = draft.texts[language];
      if (!text.title.trim()) found[`texts.${language}.title`] = [t('forms.required')];
      if (!SLUG_PATTERN.test(text.slug) || text.slug.length > SLUG_MAX)
        found[`texts.${language}.slug`] = [t('sitePages.editor.slugInvalid')];
      if (!text.body.trim()) found[`texts.${language}.body`] = [t('forms.required')];
    }
    const order = Number(draft.footerOrder);
    if (!Number.isInteger(order) || order < 0 || order > 999) found.footerOrder = [t('sitePages.editor.orderInvalid')];
    return found;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const found = validate();
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    status.reset();
    const body = { texts: textsOf(draft), inFooter: draft.inFooter, footerOrder: Number(draft.footerOrder) };
    if (!page) {
      create.mutate(
        { ...body, kind: PageKind.Free },
        { onSuccess: (created) => void navigate(`/admin/pages/${created.id}`, { state: { created: true } }) },
      );
    } else {
      update.mutate({ id: page.id, body: { ...body, version: page.version } }, { onSuccess: () => setNotice(t('sitePages.editor.saved')) });
    }
  }

  function toggleStatus() {
    if (!page) return;
    setNotice(null);
    update.reset();
    const next = page.status === PageStatus.Published ? PageStatus.Draft : PageStatus.Published;
    status.mutate(
      { id: page.id, body: { version: page.version, status: next } },
      { onSuccess: () => setNotice(t(next === PageStatus.Published ? 'sitePages.editor.published' : 'sitePages.editor.unpublished')) },
    );
  }

  const publicSlug = page ? (page.texts.fr ?? page.texts.nl ?? page.texts.en)?.slug : undefined;
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="page-editor-title">
      <h2 id="page-editor-title">{page ? t('sitePages.editor.editTitle') : t('sitePages.editor.newTitle')}</h2>
      <StatusMessage>{notice}</StatusMessage>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      {page ? (
        <p>
          {t('sitePages.admin.kind')} : {t(`sitePages.kinds.${page.kind}`)} ·{' '}
          <Badge tone={page.status === PageStatus.Published ? 'success' : 'neutral'}>{t(`sitePages.statuses.${page.status}`)}</Badge>
          {page.status === PageStatus.Published && publicSlug ? (
            <>
              {' · '}
              <Link to={`/pages/${publicSlug}`}>{t('sitePages.editor.view')}</Link>
            </>
          ) : null}
        </p>
      ) : null}

      {SUPPORTED_LANGUAGES.map((language) => (
        <fieldset key={language} className="fieldset">
          <legend className="fieldset__legend">{LANGUAGE_NAMES[language]}</legend>
          <TextField
            id={id(`texts.${language}.title`)}
            label={labelOf(language, 'title')}
            maxLength={150}
            lang={language}
            value={draft.texts[language].title}
            onChange={(e) => setText(language, { title: e.target.value })}
            errors={errors[`texts.${language}.title`]}
          />
          <TextField
            id={id(`texts.${language}.slug`)}
            label={labelOf(language, 'slug')}
            hint={t('sitePages.editor.slugHint')}
            maxLength={SLUG_MAX}
            value={draft.texts[language].slug}
            onChange={(e) => setText(language, { slug: e.target.value })}
            errors={errors[`texts.${language}.slug`]}
          />
          <RichTextEditor
            id={id(`texts.${language}.body`)}
            label={labelOf(language, 'body')}
            hint={page?.kind === PageKind.Faq ? t('sitePages.editor.faqHint') : undefined}
            lang={language}
            value={draft.texts[language].body}
            onChange={(body) => setText(language, { body })}
            errors={errors[`texts.${language}.body`]}
          />
        </fieldset>
      ))}

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('sitePages.editor.footerLegend')}</legend>
        <div className="choice">
          <input
            id={id('inFooter')}
            type="checkbox"
            checked={draft.inFooter}
            onChange={(e) => setDraft((d) => ({ ...d, inFooter: e.target.checked }))}
          />
          <label htmlFor={id('inFooter')}>{t('sitePages.editor.inFooter')}</label>
        </div>
        <TextField
          id={id('footerOrder')}
          label={t('sitePages.editor.footerOrder')}
          hint={t('sitePages.editor.footerOrderHint')}
          inputMode="numeric"
          value={draft.footerOrder}
          onChange={(e) => setDraft((d) => ({ ...d, footerOrder: e.target.value }))}
          errors={errors.footerOrder}
        />
      </fieldset>

      <div className="form__actions">
        <Button type="submit" pending={create.isPending || update.isPending}>
          {page ? t('sitePages.editor.save') : t('sitePages.editor.create')}
        </Button>
        {page ? (
          <Button variant="secondary" pending={status.isPending} onClick={toggleStatus}>
            {page.status === PageStatus.Published ? t('sitePages.editor.unpublish') : t('sitePages.editor.publish')}
          </Button>
        ) : null}
        {page?.kind === PageKind.Free ? (
          <Button variant="secondary" onClick={() => setConfirmDelete(true)}>
            {t('common.delete')}
          </Button>
        ) : null}
      </div>
      {page ? (
        <ConfirmDialog
          open={confirmDelete}
          title={t('sitePages.editor.deleteTitle')}
          confirmLabel={t('common.delete')}
          pending={remove.isPending}
          error={remove.error ? describeError(t, toApiError(remove.error)) : null}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => remove.mutate(page.id, { onSuccess: () => void navigate('/admin/pages', { state: { deleted: true } }) })}
        >
          <p>{t('sitePages.editor.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
