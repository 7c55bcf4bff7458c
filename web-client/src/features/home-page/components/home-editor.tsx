import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HomeLayout, HomePageDraft, HomeSection } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, type FieldErrors } from '@/lib/forms';
import {
  homePagePreviewQueryOptions,
  pinnableProjectsQueryOptions,
  usePublishHomePage,
  useUpdateHomePage,
  useUploadBannerImage,
} from '../api/home-page';
import { HomeView } from './home-view';

const MAX_PINNED = 6;

/** Moves the item at `index` by `delta` places (a no-op at either end). */
export function move<T>(items: T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return items;
  const next = [...items];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

export interface HomeEditorProps {
  draft: HomePageDraft;
}

/**
 * The home page's editor in one language (admins and communication managers): the banner (image, alternative text,
 * title, rich text, call to action), the pinned projects and the sections (shown or not, order, heading), with a preview
 * of the saved draft rendered by the public components, then publication. Saves name the version read: a home page
 * changed meanwhile is reported, not overwritten.
 */
export function HomeEditor({ draft }: HomeEditorProps) {
  const { t } = useTranslation();
  const language = draft.language;
  const [layout, setLayout] = useState<HomeLayout>(draft.layout);
  const [imageUrl, setImageUrl] = useState(draft.imageUrl ?? null);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [showPreview, setShowPreview] = useState(false);
  const [pick, setPick] = useState('');
  const update = useUpdateHomePage();
  const publish = usePublishHomePage();
  const upload = useUploadBannerImage();
  const projects = useQuery(pinnableProjectsQueryOptions());
  const preview = useQuery({ ...homePagePreviewQueryOptions(language), enabled: showPreview });

  const failed = update.error ?? publish.error;
  const apiError = failed ? toApiError(failed) : null;
  const errors: FieldErrors = apiError?.fieldErrors ?? {};
  const fieldId = (key: string) => `home-${key.replace(/\./g, '-')}`;
  const bannerFields = ['imageKey', 'imageAlt', 'title', 'text', 'ctaLabel', 'ctaLink'];
  const fields = bannerFields
    .map((f) => ({ key: `layout.banner.${f}`, id: fieldId(`layout.banner.${f}`), label: t(`homePage.editor.${f}`) }))
    .concat([
      { key: 'layout.pinnedProjectIds', id: fieldId('pinned'), label: t('homePage.editor.pinned') },
      { key: 'layout.sections', id: fieldId('sections'), label: t('homePage.editor.sections') },
    ]);
  let summary: string | null = null;
  if (apiError?.status === 409) summary = t('homePage.editor.stale');
  else if (apiError) summary = describeError(t, apiError);

  const named = (title: Record<string, string>) => title[language] ?? title.fr ?? Object.values(title)[0] ?? '';
  const titleOf = (id: string) => {
    const project = projects.data?.items.find((p) => p.id === id);
    return project ? named(project.title) : undefined;
  };
  const change = (next: Partial<HomeLayout>) => {
    setLayout((l) => ({ ...l, ...next }));
    setDirty(true);
    setNotice(null);
  };
  const setBanner = (next: Partial<HomeLayout['banner']>) => change({ banner: { ...layout.banner, ...next } });
  const setSection = (index: number, next: Partial<HomeSection>) =>
    change({ sections: layout.sections.map((s, i) => (i === index ? { ...s, ...next } : s)) });

  async function save(): Promise<HomePageDraft | null> {
    publish.reset();
    try {
      const saved = await update.mutateAsync({ version: draft.version, language, layout });
      setLayout(saved.layout);
      setDirty(false);
      return saved;
    } catch {
      return null;
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save().then((saved) => {
      if (saved) setNotice(t('homePage.editor.saved'));
    });
  }

  async function showDraft() {
    if (dirty && !(await save())) return;
    setShowPreview(true);
    await preview.refetch();
    setNotice(t('homePage.editor.previewReady'));
  }

  async function publishDraft() {
    const current = dirty || draft.version === 0 ? await save() : draft;
    if (!current) return;
    update.reset();
    publish.mutate({ version: current.version, language }, { onSuccess: () => setNotice(t('homePage.editor.published')) });
  }

  function chooseImage(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    upload.mutate(file, {
      onSuccess: (image) => {
        setBanner({ imageKey: image.key });
        setImageUrl(image.url);
      },
    });
  }

  const pinnable = (projects.data?.items ?? []).filter((p) => !layout.pinnedProjectIds.includes(p.id));
  return (
    <>
      <form className="form" noValidate onSubmit={submit} aria-labelledby="home-editor-title">
        <h2 id="home-editor-title">{t('homePage.editor.title')}</h2>
        <p>
          {draft.isPublished ? (
            <Badge tone="success">{t('homePage.editor.isPublished')}</Badge>
          ) : (
            <Badge tone="neutral">{t('homePage.editor.notPublished')}</Badge>
          )}
          {draft.hasUnpublishedChanges || dirty ? <> · {t('homePage.editor.unpublishedChanges')}</> : null}
        </p>
        <StatusMessage>{notice}</StatusMessage>
        <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />

        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('homePage.editor.banner')}</legend>
          <div className={errors['layout.banner.imageKey'] ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor={fieldId('layout.banner.imageKey')}>
              {t('homePage.editor.imageKey')}
            </label>
            <p className="field__hint" id={`${fieldId('layout.banner.imageKey')}-hint`}>
              {t('homePage.editor.imageHint')}
            </p>
            {imageUrl && layout.banner.imageKey ? (
              <p>
                <img className="home-editor__thumb" src={imageUrl} alt={layout.banner.imageAlt ?? ''} />
              </p>
            ) : null}
            <input
              id={fieldId('layout.banner.imageKey')}
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-describedby={`${fieldId('layout.banner.imageKey')}-hint`}
              onChange={chooseImage}
            />
            {upload.isPending ? <Loading label={t('homePage.editor.uploading')} /> : null}
            {upload.error ? <Alert variant="error" title={describeError(t, toApiError(upload.error))} /> : null}
            {layout.banner.imageKey ? (
              <Button variant="secondary" onClick={() => setBanner({ imageKey: undefined, imageAlt: undefined })}>
                {t('homePage.editor.removeImage')}
              </Button>
            ) : null}
          </div>
          {layout.banner.imageKey ? (
            <TextField
              id={fieldId('layout.banner.imageAlt')}
              label={t('homePage.editor.imageAlt')}
              hint={t('homePage.editor.imageAltHint')}
              maxLength={250}
              value={layout.banner.imageAlt ?? ''}
              onChange={(e) => setBanner({ imageAlt: e.target.value })}
              errors={errors['layout.banner.imageAlt']}
            />
          ) : null}
          <TextField
            id={fieldId('layout.banner.title')}
            label={t('homePage.editor.title_')}
            maxLength={150}
            value={layout.banner.title}
            onChange={(e) => setBanner({ title: e.target.value })}
            errors={errors['layout.banner.title']}
          />
          <RichTextEditor
            id={fieldId('layout.banner.text')}
            label={t('homePage.editor.text')}
            lang={language}
            images={false}
            value={layout.banner.text ?? ''}
            onChange={(text) => setBanner({ text })}
            errors={errors['layout.banner.text']}
          />
          <TextField
            id={fieldId('layout.banner.ctaLabel')}
            label={t('homePage.editor.ctaLabel')}
            maxLength={60}
            value={layout.banner.ctaLabel ?? ''}
            onChange={(e) => setBanner({ ctaLabel: e.target.value })}
            errors={errors['layout.banner.ctaLabel']}
          />
          <TextField
            id={fieldId('layout.banner.ctaLink')}
            label={t('homePage.editor.ctaLink')}
            hint={t('homePage.editor.ctaLinkHint')}
            maxLength={300}
            value={layout.banner.ctaLink ?? ''}
            onChange={(e) => setBanner({ ctaLink: e.target.value })}
            errors={errors['layout.banner.ctaLink']}
          />
        </fieldset>

        <fieldset className="fieldset" id={fieldId('pinned')} tabIndex={-1}>
          <legend className="fieldset__legend">{t('homePage.editor.pinned')}</legend>
          {errors['layout.pinnedProjectIds'] ? <p className="field__error">{errors['layout.pinnedProjectIds'].join(' ')}</p> : null}
          {layout.pinnedProjectIds.length === 0 ? <p className="muted">{t('homePage.editor.noPinned')}</p> : null}
          <ol className="home-editor__list">
            {layout.pinnedProjectIds.map((id, index) => {
              const name = titleOf(id) ?? id;
              return (
                <li key={id}>
                  <span>{name}</span>
                  <Button
                    variant="secondary"
                    aria-label={t('homePage.editor.up', { name })}
                    disabled={index === 0}
                    onClick={() => change({ pinnedProjectIds: move(layout.pinnedProjectIds, index, -1) })}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={t('homePage.editor.down', { name })}
                    disabled={index === layout.pinnedProjectIds.length - 1}
                    onClick={() => change({ pinnedProjectIds: move(layout.pinnedProjectIds, index, 1) })}
                  >
                    ↓
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={t('homePage.editor.unpin', { name })}
                    onClick={() => change({ pinnedProjectIds: layout.pinnedProjectIds.filter((p) => p !== id) })}
                  >
                    {t('homePage.editor.unpinShort')}
                  </Button>
                </li>
              );
            })}
          </ol>
          {layout.pinnedProjectIds.length < MAX_PINNED ? (
            <div className="field">
              <label className="field__label" htmlFor={fieldId('pick')}>
                {t('homePage.editor.pick')}
              </label>
              <select id={fieldId('pick')} value={pick} onChange={(e) => setPick(e.target.value)}>
                <option value="">{t('homePage.editor.pickNone')}</option>
                {pinnable.map((p) => (
                  <option key={p.id} value={p.id}>
                    {named(p.title)}
                  </option>
                ))}
              </select>
              <Button
                variant="secondary"
                disabled={!pick}
                onClick={() => {
                  change({ pinnedProjectIds: [...layout.pinnedProjectIds, pick] });
                  setPick('');
                }}
              >
                {t('homePage.editor.pin')}
              </Button>
            </div>
          ) : null}
        </fieldset>

        <fieldset className="fieldset" id={fieldId('sections')} tabIndex={-1}>
          <legend className="fieldset__legend">{t('homePage.editor.sections')}</legend>
          <ol className="home-editor__list">
            {layout.sections.map((section, index) => {
              const name = t(`homePage.sections.${section.kind}`);
              const id = fieldId(`section-${section.kind}`);
              return (
                <li key={section.kind} className="home-editor__section">
                  <div className="choice">
                    <input
                      id={`${id}-visible`}
                      type="checkbox"
                      checked={section.visible}
                      onChange={(e) => setSection(index, { visible: e.target.checked })}
                    />
                    <label htmlFor={`${id}-visible`}>{t('homePage.editor.show', { name })}</label>
                  </div>
                  <TextField
                    id={`${id}-heading`}
                    label={t('homePage.editor.heading', { name })}
                    hint={t('homePage.editor.headingHint')}
                    maxLength={120}
                    value={section.heading ?? ''}
                    onChange={(e) => setSection(index, { heading: e.target.value })}
                  />
                  <Button
                    variant="secondary"
                    aria-label={t('homePage.editor.up', { name })}
                    disabled={index === 0}
                    onClick={() => change({ sections: move(layout.sections, index, -1) })}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={t('homePage.editor.down', { name })}
                    disabled={index === layout.sections.length - 1}
                    onClick={() => change({ sections: move(layout.sections, index, 1) })}
                  >
                    ↓
                  </Button>
                </li>
              );
            })}
          </ol>
        </fieldset>

        <div className="form__actions">
          <Button type="submit" pending={update.isPending}>
            {t('homePage.editor.save')}
          </Button>
          <Button variant="secondary" onClick={() => void showDraft()}>
            {t('homePage.editor.preview')}
          </Button>
          <Button variant="secondary" pending={publish.isPending} onClick={() => void publishDraft()}>
            {t('homePage.editor.publish')}
          </Button>
        </div>
      </form>
      {showPreview ? (
        <section className="home-preview" aria-labelledby="home-preview-title">
          <h2 id="home-preview-title">{t('homePage.editor.previewTitle')}</h2>
          {preview.isPending ? (
            <Loading label={t('common.loading')} />
          ) : preview.isError ? (
            <Alert variant="error" title={describeError(t, toApiError(preview.error))} />
          ) : (
            <HomeView home={preview.data} level={2} />
          )}
        </section>
      ) : null}
    </>
  );
}
