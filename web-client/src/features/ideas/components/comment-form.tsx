import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/textarea-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { COMMENT_MAX_LENGTH } from '../api/comments';
import { useDescribeRefusal } from './action-reason';

/** A verified organisation the user may speak for. */
export interface OrganisationChoice {
  id: string;
  name: string;
}

export interface CommentFormValue {
  body: string;
  organisationId?: string;
}

export interface CommentFormProps {
  idPrefix: string;
  label: string;
  submitLabel: string;
  /** Offered as « Publier au nom de »; empty: the user speaks for themself only. */
  organisations?: readonly OrganisationChoice[];
  initialBody?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (value: CommentFormValue, reset: () => void) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** Writes a comment, a reply or an edit: plain text, line breaks kept. The API's field errors show beside the fields. */
export function CommentForm({
  idPrefix,
  label,
  submitLabel,
  organisations = [],
  initialBody = '',
  pending,
  error,
  onSubmit,
  onCancel,
  autoFocus,
}: CommentFormProps) {
  const { t } = useTranslation();
  const describe = useDescribeRefusal();
  const [body, setBody] = useState(initialBody);
  const [organisationId, setOrganisationId] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const apiError = error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'body', id: `${idPrefix}-body`, label },
    { key: 'organisationId', id: `${idPrefix}-as`, label: t('comments.form.postAs') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describe(apiError);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = body.trim();
    const found: FieldErrors = !text
      ? { body: [t('forms.required')] }
      : text.length > COMMENT_MAX_LENGTH
        ? { body: [t('forms.tooLong', { max: COMMENT_MAX_LENGTH })] }
        : {};
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    onSubmit({ body: text, organisationId: organisationId || undefined }, () => {
      setBody('');
      setOrganisationId('');
    });
  }

  return (
    <form className="form comment-form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <TextAreaField
        id={`${idPrefix}-body`}
        label={label}
        rows={4}
        maxLength={COMMENT_MAX_LENGTH}
        required
        // Opened on request (reply, edit): the user expects to type at once.
        autoFocus={autoFocus}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        errors={errors.body}
      />
      {organisations.length > 0 ? (
        <SelectField
          id={`${idPrefix}-as`}
          label={t('comments.form.postAs')}
          value={organisationId}
          onChange={(e) => setOrganisationId(e.target.value)}
          errors={errors.organisationId}
          options={[{ value: '', label: t('comments.form.myself') }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
      ) : null}
      {errors.parentId ? <p className="field__error">{errors.parentId.join(' ')}</p> : null}
      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
