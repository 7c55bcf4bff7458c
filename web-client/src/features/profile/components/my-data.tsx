import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonalExportStatus, type PersonalExport } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { formatDateTime } from '@/lib/format';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { downloadPersonalExport, personalExportsQueryOptions, useDeleteAccount, useRequestPersonalExport } from '../api/my-data';

/** « Mes données »: export everything the platform holds about me, and delete my account. */
export function MyData() {
  const { t } = useTranslation();
  return (
    <section className="panel stack" id="my-data" aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('profile.myData.title')}</h2>
      <MyExports />
      <DeleteAccountForm />
    </section>
  );
}

function MyExports() {
  const { t, i18n } = useTranslation();
  const exports = useQuery(personalExportsQueryOptions());
  const request = useRequestPersonalExport();
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  async function download(item: PersonalExport) {
    setFailed(null);
    try {
      setNotice(t('profile.myData.downloaded', { name: await downloadPersonalExport(item) }));
    } catch (error) {
      setFailed(describeError(t, toApiError(error)));
    }
  }

  const requestError = request.error ? describeError(t, toApiError(request.error)) : null;
  return (
    <div className="stack">
      <h3>{t('profile.myData.exportTitle')}</h3>
      <p>{t('profile.myData.exportHelp')}</p>
      <div>
        <Button
          pending={request.isPending}
          onClick={() => {
            setNotice(null);
            request.mutate();
          }}
        >
          {t('profile.myData.request')}
        </Button>
      </div>
      {requestError || failed ? (
        <p role="alert" className="field__error">
          {requestError ?? failed}
        </p>
      ) : null}
      {/* The latest news: a download done, else the export just asked for. */}
      <StatusMessage>{notice ?? (request.isSuccess ? t('profile.myData.requested') : null)}</StatusMessage>
      {exports.data && exports.data.length > 0 ? (
        <ul className="stack" aria-label={t('profile.myData.listLabel')}>
          {exports.data.map((item) => (
            <li key={item.id}>
              {t('profile.myData.requestedAt', { date: formatDateTime(item.createdAt, i18n.language) })} —{' '}
              <strong>{t(`profile.myData.status.${item.status}`)}</strong>
              {item.status === PersonalExportStatus.Ready ? (
                <>
                  {' '}
                  <Button variant="secondary" onClick={() => void download(item)}>
                    {t('profile.myData.download')}
                  </Button>{' '}
                  {item.expiresAt ? t('profile.myData.until', { date: formatDateTime(item.expiresAt, i18n.language) }) : null}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function DeleteAccountForm() {
  const { t } = useTranslation();
  const remove = useDeleteAccount();
  const [password, setPassword] = useState('');
  const [typed, setTyped] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const word = t('profile.myData.deleteWord');

  const apiError = remove.error ? toApiError(remove.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'password', id: 'delete-password', label: t('fields.currentPassword') },
    { key: 'confirmation', id: 'delete-confirmation', label: t('profile.myData.deleteConfirm', { word }) },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!password) found.password = [t('forms.required')];
    if (typed.trim() !== word) found.confirmation = [t('profile.myData.deleteMismatch', { word })];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      remove.reset();
      return;
    }
    remove.mutate({ password });
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="delete-account-title">
      <h3 id="delete-account-title">{t('profile.myData.deleteTitle')}</h3>
      <p>{t('profile.myData.deleteHelp')}</p>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <TextField
        id="delete-password"
        type="password"
        label={t('fields.currentPassword')}
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={errors.password}
      />
      <TextField
        id="delete-confirmation"
        label={t('profile.myData.deleteConfirm', { word })}
        autoComplete="off"
        required
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        errors={errors.confirmation}
      />
      <div className="form__actions">
        <Button type="submit" pending={remove.isPending}>
          {t('profile.myData.deleteSubmit')}
        </Button>
      </div>
    </form>
  );
}
