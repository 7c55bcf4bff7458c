import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { api } from '@/api/client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/text-field';
import { isAllowedLink } from './rich-text-extensions';

/** The dialog gives focus to its first button when it opens; the form's first field takes it right after. */
function useFocusFirst<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => ref.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);
  return ref;
}

interface DialogProps {
  open: boolean;
  editor: Editor;
  onClose: () => void;
}

/** Adds, changes or removes the link on the selection (or the link the cursor is in); http(s) and mailto only. */
export function LinkDialog({ open, editor, onClose }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('richText.linkDialog')} onClose={onClose}>
      <LinkForm editor={editor} onClose={onClose} />
    </Dialog>
  );
}

function LinkForm({ editor, onClose }: Omit<DialogProps, 'open'>) {
  const { t } = useTranslation();
  const id = useId();
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [url, setUrl] = useState(current);
  const first = useFocusFirst<HTMLInputElement>();
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation(); // the dialog sits inside the page's form
    const href = url.trim();
    if (!isAllowedLink(href)) {
      setError(t('richText.linkInvalid'));
      return;
    }
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive('link'))
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    else chain.extendMarkRange('link').setLink({ href }).run();
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <TextField
        id={`${id}-url`}
        label={t('richText.linkUrl')}
        hint={t('richText.linkUrlHint')}
        ref={first}
        type="url"
        inputMode="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        errors={error ? [error] : undefined}
      />
      <div className="form__actions">
        <Button type="submit">{t('richText.linkApply')}</Button>
        {current ? (
          <Button variant="secondary" onClick={remove}>
            {t('richText.linkRemove')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Uploads an image to the API's media and inserts it with its alt text (required, unless marked decorative). */
export function ImageDialog({ open, editor, onClose }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('richText.imageDialog')} onClose={onClose}>
      <ImageForm editor={editor} onClose={onClose} />
    </Dialog>
  );
}

function ImageForm({ editor, onClose }: Omit<DialogProps, 'open'>) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const first = useFocusFirst<HTMLInputElement>();
  const [alt, setAlt] = useState('');
  const [decorative, setDecorative] = useState(false);
  const [errors, setErrors] = useState<{ file?: string[]; alt?: string[] }>({});
  const upload = useMutation({ mutationFn: (f: File) => api.uploadImage({ data: f, fileName: f.name }) });
  const apiError = upload.error ? toApiError(upload.error) : null;
  const fileErrors = errors.file ?? apiError?.fieldErrors.file ?? (apiError ? [describeError(t, apiError)] : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    const found = {
      file: file ? undefined : [t('richText.imageFileRequired')],
      alt: decorative || alt.trim() ? undefined : [t('richText.imageAltRequired')],
    };
    setErrors(found);
    if (!file || found.alt) return;
    upload.mutate(file, {
      onSuccess: (image) => {
        editor
          .chain()
          .focus()
          .setImage({ src: image.url, alt: decorative ? '' : alt.trim() })
          .run();
        onClose();
      },
    });
  }

  const fileId = `${id}-file`;
  const fileErrorId = fileErrors ? `${fileId}-error` : undefined;
  return (
    <form className="form" noValidate onSubmit={submit}>
      <div className={['field', fileErrorId ? 'field--invalid' : ''].join(' ').trim()}>
        <label className="field__label" htmlFor={fileId}>
          {t('richText.imageFile')}
        </label>
        {fileErrorId ? (
          <p className="field__error" id={fileErrorId}>
            {fileErrors!.join(' ')}
          </p>
        ) : null}
        <input
          id={fileId}
          type="file"
          className="field__input"
          ref={first}
          accept="image/png,image/jpeg,image/webp"
          aria-invalid={fileErrorId ? true : undefined}
          aria-describedby={fileErrorId}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            upload.reset();
          }}
        />
      </div>
      <TextField
        id={`${id}-alt`}
        label={t('richText.imageAlt')}
        hint={t('richText.imageAltHint')}
        value={alt}
        disabled={decorative}
        onChange={(e) => setAlt(e.target.value)}
        errors={errors.alt}
        maxLength={300}
      />
      <div className="field field--inline">
        <input id={`${id}-decorative`} type="checkbox" checked={decorative} onChange={(e) => setDecorative(e.target.checked)} />
        <label htmlFor={`${id}-decorative`}>{t('richText.imageDecorative')}</label>
      </div>
      <div className="form__actions">
        <Button type="submit" pending={upload.isPending}>
          {upload.isPending ? t('richText.imageUploading') : t('richText.imageInsert')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
