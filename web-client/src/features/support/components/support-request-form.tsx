import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SupportContact } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { StatusMessage } from '@/components/ui/status-message';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { SUPPORT_MESSAGE_MAX_LENGTH, SUPPORT_SUBJECT_MAX_LENGTH, useSendSupportRequest } from '../api/support';

/** The contact-support form of the staff area (every staff member): subject, message, how to be answered. */
export function SupportRequestForm() {
  const { t } = useTranslation();
  const send = useSendSupportRequest();
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [contact, setContact] = useState<SupportContact>(SupportContact.Email);
  const [phone, setPhone] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState(false);

  const apiError = send.error ? toApiError(send.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'subject', id: 'support-subject', label: t('support.request.subject') },
    { key: 'message', id: 'support-message', label: t('support.request.message') },
    { key: 'contact', id: 'support-contact', label: t('support.request.contact') },
    { key: 'phone', id: 'support-phone', label: t('support.request.phone') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    const found: FieldErrors = {};
    if (!subject.trim()) found.subject = [t('forms.required')];
    else if (subject.length > SUPPORT_SUBJECT_MAX_LENGTH) found.subject = [t('forms.tooLong', { max: SUPPORT_SUBJECT_MAX_LENGTH })];
    if (!message.trim()) found.message = [t('forms.required')];
    else if (message.length > SUPPORT_MESSAGE_MAX_LENGTH) found.message = [t('forms.tooLong', { max: SUPPORT_MESSAGE_MAX_LENGTH })];
    if (contact === SupportContact.Phone && !phone.trim()) found.phone = [t('forms.required')];
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      send.reset();
      return;
    }
    send.mutate(
      {
        subject: subject.trim(),
        message: message.trim(),
        contact,
        phone: contact === SupportContact.Phone ? phone.trim() : undefined,
      },
      {
        onSuccess: () => {
          setSubject('');
          setMessage('');
          setPhone('');
          setSent(true);
        },
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="support-request-title">
      <h2 id="support-request-title">{t('support.request.title')}</h2>
      <p className="form__note">{t('support.request.intro')}</p>
      <StatusMessage>{sent ? t('support.request.sent') : null}</StatusMessage>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <TextField
        id="support-subject"
        label={t('support.request.subject')}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        errors={errors.subject}
        required
      />
      <TextAreaField
        id="support-message"
        label={t('support.request.message')}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        errors={errors.message}
        required
      />
      <SelectField
        id="support-contact"
        label={t('support.request.contact')}
        value={contact}
        onChange={(e) => setContact(e.target.value === SupportContact.Phone ? SupportContact.Phone : SupportContact.Email)}
        options={Object.values(SupportContact).map((c) => ({ value: c, label: t(`support.contact.${c}`) }))}
        errors={errors.contact}
      />
      {contact === SupportContact.Phone ? (
        <TextField
          id="support-phone"
          type="tel"
          autoComplete="tel"
          label={t('support.request.phone')}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          errors={errors.phone}
        />
      ) : null}
      <div>
        <Button type="submit" pending={send.isPending}>
          {t('support.request.send')}
        </Button>
      </div>
    </form>
  );
}
