import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { FigureCards } from '@/features/dashboard/components/figure-cards';
import { IdeasByStatus } from '@/features/dashboard/components/participation-breakdown';
import { downloadReport, reportQueryOptions } from '@/features/reports/api/reports';
import { ReportDocument } from '@/features/reports/components/report-document';
import { ReportEditor } from '@/features/reports/components/report-editor';
import { SendReportDialog } from '@/features/reports/components/send-report-dialog';
import { Forbidden } from '../forbidden';

/**
 * A project's results report: its staff compose it (editor), print it (the browser saves a clean PDF with the print
 * stylesheet), download it as a workbook and send it to the department's heads and officials; those officials and
 * heads open the same page from the e-mail and read it.
 */
export function AdminProjectReportRoute() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const report = useQuery(reportQueryOptions(id, i18n.language));
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);

  if (report.isPending) return <Loading label={t('common.loading')} />;
  if (report.isError) {
    const error = toApiError(report.error);
    if (error.status === 404 || error.status === 403) return <Forbidden />;
    return <Alert variant="error" role="alert" title={describeError(t, error)} />;
  }
  const data = report.data;

  async function download() {
    setDownloading(true);
    setDownloadError(null);
    try {
      const name = await downloadReport(data.projectId);
      setNotice(t('reports.actions.downloaded', { name }));
    } catch (error) {
      setDownloadError(describeError(t, toApiError(error)));
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Page title={t('reports.pageTitle', { title: data.projectTitle })} intro={<p className="no-print">{t('reports.intro')}</p>}>
      {data.canEdit ? (
        <nav className="inline-nav no-print" aria-label={t('reports.nav')}>
          <ul className="inline-list">
            <li>
              <Link to={`/admin/projects/${data.projectId}`}>{t('moderation.backToProject')}</Link>
            </li>
            <li>
              <Link to={`/admin/projects/${data.projectId}/ideas`}>{t('ideasManager.navLink')}</Link>
            </li>
          </ul>
        </nav>
      ) : null}
      <div className="report__actions no-print" role="group" aria-label={t('reports.actions.label')}>
        <Button onClick={() => window.print()}>{t('reports.actions.print')}</Button>
        <Button variant="secondary" pending={downloading} onClick={() => void download()}>
          {t('reports.actions.download')}
        </Button>
        {data.canEdit ? (
          <Button variant="secondary" onClick={() => setSending(true)}>
            {t('reports.actions.send')}
          </Button>
        ) : null}
      </div>
      {downloadError ? <Alert variant="error" role="alert" title={downloadError} /> : null}
      <StatusMessage>{notice}</StatusMessage>
      <div className={data.canEdit ? 'report-layout' : undefined}>
        {data.canEdit ? (
          <ReportEditor key={`${data.projectId}-${data.version}`} report={data} onSaved={() => setNotice(t('reports.editor.saved'))} />
        ) : null}
        <section className="report-preview" aria-label={t('reports.preview')}>
          <ReportDocument
            report={data}
            figures={
              <>
                <FigureCards figures={data.figures} />
                <IdeasByStatus statuses={data.ideasByStatus} />
              </>
            }
          />
        </section>
      </div>
      {data.canEdit ? (
        <SendReportDialog
          projectId={data.projectId}
          open={sending}
          onClose={() => setSending(false)}
          onSent={(recipients) => {
            setSending(false);
            setNotice(t('reports.send.done', { count: recipients.length, names: recipients.map((r) => r.name).join(', ') }));
          }}
        />
      ) : null}
    </Page>
  );
}
