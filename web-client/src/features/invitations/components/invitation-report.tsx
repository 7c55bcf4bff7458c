import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationReport } from '@contracts/participation-client';
import { TableRegion } from '@/components/ui/table-region';

/** A per-row explanation of an error code, in the UI language (the API's own message as a last resort). */
export function useRowErrorText() {
  const { t } = useTranslation();
  return (code: string, message: string) => t(`invitations.report.codes.${code}`, { defaultValue: message });
}

/** What happened to each row of an invitation request: invited, skipped (with the reason), refused (with the code). */
export function InvitationReportView({ report, rowLabel }: { report: InvitationReport; rowLabel: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const errorText = useRowErrorText();
  const titleId = useId();

  // A new report is what the user waits for: bring them (and their screen reader) to it.
  useEffect(() => {
    heading.current?.focus();
  }, [report]);

  return (
    <section className="report" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        {t('invitations.report.title')}
      </h3>
      <p>
        {t('invitations.report.summary', {
          invited: report.invited.length,
          skipped: report.skips.length,
          errors: report.errors.length,
        })}
      </p>
      {report.invited.length > 0 ? (
        <TableRegion label={t('invitations.report.invitedCaption', { count: report.invited.length })}>
          <table className="table">
            <caption>{t('invitations.report.invitedCaption', { count: report.invited.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{rowLabel}</th>
                <th scope="col">{t('fields.email')}</th>
              </tr>
            </thead>
            <tbody>
              {report.invited.map((row) => (
                <tr key={`invited-${row.row}`}>
                  <td>{row.row}</td>
                  <td className="table__email">{row.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      {report.skips.length > 0 ? (
        <TableRegion label={t('invitations.report.skippedCaption', { count: report.skips.length })}>
          <table className="table">
            <caption>{t('invitations.report.skippedCaption', { count: report.skips.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{rowLabel}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('invitations.report.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.skips.map((row) => (
                <tr key={`skipped-${row.row}`}>
                  <td>{row.row}</td>
                  <td className="table__email">{row.email}</td>
                  <td>{t(`invitations.report.reasons.${row.reason}`, { defaultValue: row.reason })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      {report.errors.length > 0 ? (
        <TableRegion label={t('invitations.report.errorsCaption', { count: report.errors.length })}>
          <table className="table table--errors">
            <caption>{t('invitations.report.errorsCaption', { count: report.errors.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{rowLabel}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('invitations.report.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((row) => (
                <tr key={`error-${row.row}`}>
                  <td>{row.row}</td>
                  <td className="table__email">{row.email || t('invitations.report.noEmail')}</td>
                  <td>{errorText(row.code, row.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </section>
  );
}
