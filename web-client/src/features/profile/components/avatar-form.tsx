import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { useSetAvatar } from '../api/contributions';

/** What the API takes (it checks the content and the size again). */
const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['image/png', 'image/jpeg', 'image/webp'];

export interface AvatarFormProps {
  name: string;
  avatarUrl?: string | null;
}

/** The profile's picture: choose a file and save it (cut to a square, metadata removed on the server), or remove it. */
export function AvatarForm({ name, avatarUrl }: AvatarFormProps) {
  const { t } = useTranslation();
  const change = useSetAvatar();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const [done, setDone] = useState<'saved' | 'removed' | null>(null);

  const apiError = change.error ? toApiError(change.error) : null;
  const error = clientError ?? (apiError ? (apiError.fieldErrors.file?.join(' ') ?? describeError(t, apiError)) : null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    change.reset();
    if (!file) return setClientError(t('profile.avatar.chooseFirst'));
    if (!TYPES.includes(file.type)) return setClientError(t('profile.avatar.wrongType'));
    if (file.size > MAX_BYTES) return setClientError(t('profile.avatar.tooLarge'));
    setClientError(null);
    change.mutate(file, {
      onSuccess: () => {
        setDone('saved');
        setFile(null);
        if (input.current) input.current.value = '';
      },
    });
  }

  return (
    <form className="form avatar-form" noValidate onSubmit={onSubmit} aria-labelledby="avatar-title">
      <h2 id="avatar-title">{t('profile.avatar.title')}</h2>
      <StatusMessage>{done ? t(`profile.avatar.${done}`) : null}</StatusMessage>
      <div className="avatar-form__current">
        <Avatar name={name} url={avatarUrl} size="large" />
        <p className="muted">{avatarUrl ? t('profile.avatar.current') : t('profile.avatar.none')}</p>
      </div>
      <div className={error ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor="avatar-file">
          {t('profile.avatar.choose')}
        </label>
        <p className="field__hint" id="avatar-file-hint">
          {t('profile.avatar.help')}
        </p>
        {error ? (
          <p className="field__error" id="avatar-file-error">
            {error}
          </p>
        ) : null}
        <input
          ref={input}
          id="avatar-file"
          type="file"
          accept={TYPES.join(',')}
          aria-describedby={error ? 'avatar-file-hint avatar-file-error' : 'avatar-file-hint'}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setClientError(null);
          }}
        />
      </div>
      <div className="form__actions">
        <Button type="submit" pending={change.isPending && file !== null}>
          {t('profile.avatar.upload')}
        </Button>
        {avatarUrl ? (
          <Button
            variant="secondary"
            pending={change.isPending && file === null}
            onClick={() => {
              setDone(null);
              setClientError(null);
              change.mutate(null, { onSuccess: () => setDone('removed') });
            }}
          >
            {t('profile.avatar.remove')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
