import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { TableRegion } from '@/components/ui/table-region';
import { operatorAuditQueryOptions } from '../api/operator';
import { operatorActionLabel, operatorAuditDetails } from './audit-entry';

/** What the vendor's people did, newest first, a page at a time (the API's cursor). */
export function OperatorAudit() {
  const { t, i18n } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const audit = useQuery(operatorAuditQueryOptions(cursor));
  if (audit.isPending) return <Loading label={t('common.loading')} />;
  if (audit.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(audit.error))} />;
  const { items, nextCursor } = audit.data;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <>
      {items.length === 0 ? (
        <p>{t('operator.audit.empty')}</p>
      ) : (
        <TableRegion label={t('operator.audit.caption')}>
          <table className="table">
            <caption>{t('operator.audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operator.audit.at')}</th>
                <th scope="col">{t('operator.audit.who')}</th>
                <th scope="col">{t('operator.audit.action')}</th>
                <th scope="col">{t('operator.audit.city')}</th>
                <th scope="col">{t('operator.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td>{when.format(new Date(entry.at))}</td>
                  <td>{entry.operator ? `${entry.operator.displayName} (${entry.operator.email})` : t('operator.audit.commandLine')}</td>
                  <td>{operatorActionLabel(t, entry.action)}</td>
                  <td>{entry.city?.name ?? ''}</td>
                  <td>
                    <AuditDetails lines={operatorAuditDetails(t, entry.action, entry.details)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <div className="form__actions">
        {cursors.length > 0 ? (
          <Button variant="secondary" onClick={() => setCursors([])}>
            {t('operator.audit.first')}
          </Button>
        ) : null}
        {nextCursor ? <Button onClick={() => setCursors([...cursors, nextCursor])}>{t('operator.audit.next')}</Button> : null}
      </div>
    </>
  );
}

function AuditDetails({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="audit-changes">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
