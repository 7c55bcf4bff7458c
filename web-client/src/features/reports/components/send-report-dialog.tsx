import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListReportRecipientsRecipient } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Loading } from '@/components/ui/loading';
import { reportRecipientsQueryOptions, useSendReport } from '../api/reports';

/**
 * "Send to…": the project's department heads and the officials covering it (names and roles, never e-mail addresses),
 * chosen with checkboxes, then sent at once (an e-mail with a link each). `onSent` gets who received it.
 */
export function SendReportDialog({
  projectId,
  open,
  onClose,
  onSent,
}: {
  projectId: string;
  open: boolean;
  onClose: () => void;
  onSent: (recipients: ListReportRecipientsRecipient[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('reports.send.title')} onClose={onClose}>
      <SendReportForm projectId={projectId} onCancel={onClose} onSent={onSent} />
    </Dialog>
  );
}

function SendReportForm({
  projectId,
  onCancel,
  onSent,
}: {
  projectId: string;
  onCancel: () => void;
  onSent: (recipients: ListReportRecipientsRecipient[]) => void;
}) {
  const { t } = useTranslation();
  const recipients = useQuery(reportRecipientsQueryOptions(projectId));
  const send = useSendReport(projectId);
  const [chosen, setChosen] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const error = send.error ? toApiError(send.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0) {
      setMissing(true);
      return;
    }
    send.mutate({ recipientIds: chosen }, { onSuccess: (result) => onSent(result.recipients) });
  }

  if (recipients.isPending) return <Loading label={t('common.loading')} />;
  if (recipients.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(recipients.error))} />;
  if (recipients.data.items.length === 0) return <p>{t('reports.send.none')}</p>;

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <fieldset className="fieldset" aria-describedby={missing ? 'report-recipients-error' : undefined}>
        <legend className="fieldset__legend">{t('reports.send.legend')}</legend>
        {missing ? (
          <p className="field__error" id="report-recipients-error">
            {t('reports.send.required')}
          </p>
        ) : null}
        {recipients.data.items.map((r) => (
          <div className="choice" key={r.userId}>
            <input
              type="checkbox"
              id={`report-recipient-${r.userId}`}
              checked={chosen.includes(r.userId)}
              onChange={(e) => {
                setMissing(false);
                setChosen((current) => (e.target.checked ? [...current, r.userId] : current.filter((id) => id !== r.userId)));
              }}
            />
            <label htmlFor={`report-recipient-${r.userId}`}>
              {r.name} — {t(`reports.send.roles.${r.role}`, { department: r.scopeName ?? '' })}
              {r.scopeName ? ` (${r.scopeName})` : ''}
            </label>
          </div>
        ))}
      </fieldset>
      {error ? <Alert variant="error" role="alert" title={error.fieldErrors.recipientIds?.join(' ') ?? describeError(t, error)} /> : null}
      <div className="form__actions">
        <Button type="submit" pending={send.isPending}>
          {t('reports.send.confirm', { count: chosen.length })}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
