import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { FAVICON_MAX_BYTES, FAVICON_TYPES, LOGO_MAX_BYTES, LOGO_TYPES, useSetPlatformImage, type PlatformImageKind } from '../api/platform';

export interface PlatformImageUploadProps {
  kind: PlatformImageKind;
  /** The current image's URL, if there is one. */
  currentUrl: string | undefined;
  /** The platform's name: the logo's alt text. */
  platformName: string;
}

/** The platform's logo or favicon: a preview of the current one (or of the file chosen), and its upload. */
export function PlatformImageUpload({ kind, currentUrl, platformName }: PlatformImageUploadProps) {
  const { t } = useTranslation();
  const upload = useSetPlatformImage(kind);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [clientError, setClientError] = useState<string[] | undefined>();
  const [saved, setSaved] = useState(false);
  const types: readonly string[] = kind === 'logo' ? LOGO_TYPES : FAVICON_TYPES;
  const maxBytes = kind === 'logo' ? LOGO_MAX_BYTES : FAVICON_MAX_BYTES;
  const inputId = `platform-${kind}-file`;
  const titleId = `platform-${kind}-title`;

  const apiError = upload.error ? toApiError(upload.error) : null;
  const fieldErrors =
    clientError ?? apiError?.fieldErrors.file ?? (apiError?.status === 413 ? [t(`platformSettings.${kind}.tooLarge`)] : undefined);
  const summary = clientError || fieldErrors ? t('errors.fieldsInvalid') : apiError ? describeError(t, apiError) : null;
  const current = upload.data?.url ?? currentUrl;
  const alt = kind === 'logo' ? platformName : t('platformSettings.favicon.alt');

  function choose(next: File | null) {
    setFile(next);
    setClientError(undefined);
    setSaved(false);
    upload.reset();
    setPreview(null);
    // A data: URL, not a blob: one: the page's content security policy allows images from data: and the server only.
    if (next && types.includes(next.type) && next.size <= maxBytes) {
      const reader = new FileReader();
      reader.onload = () => setPreview(typeof reader.result === 'string' ? reader.result : null);
      reader.readAsDataURL(next);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    let problem: string[] | undefined;
    if (!file) problem = [t(`platformSettings.${kind}.required`)];
    else if (!types.includes(file.type)) problem = [t(`platformSettings.${kind}.wrongType`)];
    else if (file.size === 0) problem = [t(`platformSettings.${kind}.empty`)];
    else if (file.size > maxBytes) problem = [t(`platformSettings.${kind}.tooLarge`)];
    setClientError(problem);
    if (problem || !file) {
      upload.reset();
      return;
    }
    upload.mutate(file, {
      onSuccess: () => {
        setSaved(true);
        setFile(null);
        setPreview(null);
        if (fileInput.current) fileInput.current.value = '';
      },
    });
  }

  return (
    <section className="panel platform-image" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`platformSettings.${kind}.title`)}</h2>
      <StatusMessage>{saved ? t(`platformSettings.${kind}.saved`) : null}</StatusMessage>
      <div className="platform-image__previews">
        {current ? (
          <figure className="platform-image__figure">
            <img src={current} alt={alt} className={`platform-image__img platform-image__img--${kind}`} />
            <figcaption className="muted">{t('platformSettings.current')}</figcaption>
          </figure>
        ) : (
          <p className="muted">{t(`platformSettings.${kind}.none`)}</p>
        )}
        {preview ? (
          <figure className="platform-image__figure">
            <img src={preview} alt={t('platformSettings.chosenAlt')} className={`platform-image__img platform-image__img--${kind}`} />
            <figcaption className="muted">{t('platformSettings.chosen')}</figcaption>
          </figure>
        ) : null}
      </div>
      <form className="form" noValidate onSubmit={submit} aria-labelledby={titleId}>
        <FormErrorSummary
          message={summary}
          fields={summary && fieldErrors ? [{ id: inputId, label: t(`platformSettings.${kind}.file`) }] : []}
        />
        <TextField
          ref={fileInput}
          id={inputId}
          type="file"
          accept={types.join(',')}
          label={t(`platformSettings.${kind}.file`)}
          hint={t(`platformSettings.${kind}.hint`)}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
          errors={fieldErrors}
        />
        <div className="form__actions">
          <Button type="submit" pending={upload.isPending}>
            {current ? t(`platformSettings.${kind}.replace`) : t(`platformSettings.${kind}.submit`)}
          </Button>
        </div>
      </form>
    </section>
  );
}
