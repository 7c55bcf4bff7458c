import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { PROJECT_IMAGE_MAX_BYTES, PROJECT_IMAGE_TYPES, useSetProjectImage } from '../api/projects';

export interface ProjectImageEditorProps {
  projectId: string;
  /** The current image's URL (from the project), if there is one. */
  imageUrl: string | undefined;
}

/** The project's header image, for its staff: preview of the current one, upload of a new one. */
export function ProjectImageEditor({ projectId, imageUrl }: ProjectImageEditorProps) {
  const { t } = useTranslation();
  const upload = useSetProjectImage();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [clientError, setClientError] = useState<string[] | undefined>();
  const [saved, setSaved] = useState(false);

  const apiError = upload.error ? toApiError(upload.error) : null;
  // A body over the server's limit never reaches validation: it answers 413, said beside the field too.
  const fieldErrors = clientError ?? apiError?.fieldErrors.file ?? (apiError?.status === 413 ? [t('projects.image.tooLarge')] : undefined);
  const summary = clientError || fieldErrors ? t('errors.fieldsInvalid') : apiError ? describeError(t, apiError) : null;
  const current = upload.data?.imageUrl ?? imageUrl;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    let problem: string[] | undefined;
    if (!file) problem = [t('projects.image.required')];
    else if (!(PROJECT_IMAGE_TYPES as readonly string[]).includes(file.type)) problem = [t('projects.image.wrongType')];
    else if (file.size === 0) problem = [t('projects.image.empty')];
    else if (file.size > PROJECT_IMAGE_MAX_BYTES) problem = [t('projects.image.tooLarge')];
    setClientError(problem);
    if (problem || !file) {
      upload.reset();
      return;
    }
    upload.mutate(
      { id: projectId, file },
      {
        onSuccess: () => {
          setSaved(true);
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="image-title">
      <h2 id="image-title">{t('projects.image.title')}</h2>
      <StatusMessage>{saved ? t('projects.image.saved') : null}</StatusMessage>
      {current ? (
        <figure className="project-image-preview">
          <img src={current} alt={t('projects.image.currentAlt')} width={640} height={360} className="project-image" />
          <figcaption className="muted">{t('projects.image.current')}</figcaption>
        </figure>
      ) : (
        <p className="muted">{t('projects.image.none')}</p>
      )}
      <form className="form" noValidate onSubmit={submit} aria-labelledby="image-title">
        <FormErrorSummary
          message={summary}
          fields={summary && fieldErrors ? [{ id: 'project-image-file', label: t('projects.image.file') }] : []}
        />
        <TextField
          ref={fileInput}
          id="project-image-file"
          type="file"
          accept={PROJECT_IMAGE_TYPES.join(',')}
          label={t('projects.image.file')}
          hint={t('projects.image.hint')}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setClientError(undefined);
            upload.reset();
          }}
          errors={fieldErrors}
        />
        <div className="form__actions">
          <Button type="submit" pending={upload.isPending}>
            {current ? t('projects.image.replace') : t('projects.image.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
