import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignDraft } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { TableRegion } from '@/components/ui/table-region';
import { TextField } from '@/components/ui/text-field';
import { formatDateTime, formatNumber } from '@/lib/format';
import {
  campaignsQueryOptions,
  useCancelCampaign,
  useCreateCampaign,
  useScheduleCampaign,
  useSendCampaignTest,
  useUpdateCampaign,
} from '../api/campaigns';
import { CampaignForm } from './campaign-form';
import type { SegmentProjectOption } from './segment-picker';

/** The campaigns: the list with status and delivery figures, the editor, a test to oneself, sending now or later, cancelling. */
export function CampaignAdmin({
  projects,
  areas = [],
}: {
  projects: readonly SegmentProjectOption[];
  areas?: readonly SegmentProjectOption[];
}) {
  const { t, i18n } = useTranslation();
  const campaigns = useQuery(campaignsQueryOptions());
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const test = useSendCampaignTest();
  const schedule = useScheduleCampaign();
  const cancel = useCancelCampaign();
  const [editing, setEditing] = useState<string | null>(null);
  const [sending, setSending] = useState<Campaign | null>(null);
  const [sendAt, setSendAt] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  if (campaigns.isPending) return <Loading label={t('common.loading')} />;
  if (campaigns.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(campaigns.error))} />;

  const items = campaigns.data;
  const current = editing && editing !== 'new' ? items.find((c) => c.id === editing) : undefined;
  const actionError = [test, cancel].map((m) => m.error).find(Boolean);

  function save(draft: CampaignDraft) {
    const done = (campaign: Campaign) => {
      setEditing(null);
      setNotice(t('campaigns.saved', { subject: campaign.subject }));
    };
    if (current) update.mutate({ id: current.id, draft }, { onSuccess: done });
    else create.mutate(draft, { onSuccess: done });
  }

  if (editing) {
    return (
      <section aria-labelledby="campaign-editor-title" className="stack">
        <h2 id="campaign-editor-title">{current ? t('campaigns.edit', { subject: current.subject }) : t('campaigns.new')}</h2>
        <CampaignForm
          key={editing}
          campaign={current}
          projects={projects}
          areas={areas}
          pending={create.isPending || update.isPending}
          error={current ? update.error : create.error}
          onSubmit={save}
          onCancel={() => setEditing(null)}
        />
      </section>
    );
  }

  return (
    <div className="stack">
      <StatusMessage>{notice}</StatusMessage>
      <div role="alert" className={actionError ? 'alert alert--error' : 'visually-empty'}>
        {actionError ? <p className="alert__title">{describeError(t, toApiError(actionError))}</p> : null}
      </div>
      <p>
        <Button
          onClick={() => {
            create.reset();
            setEditing('new');
          }}
        >
          {t('campaigns.create')}
        </Button>
      </p>
      {items.length === 0 ? (
        <p>{t('campaigns.empty')}</p>
      ) : (
        <TableRegion label={t('campaigns.listLabel')}>
          <table className="table">
            <caption className="visually-hidden">{t('campaigns.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.columns.subject')}</th>
                <th scope="col">{t('campaigns.columns.status')}</th>
                <th scope="col">{t('campaigns.columns.recipients')}</th>
                <th scope="col">{t('campaigns.columns.queued')}</th>
                <th scope="col">{t('campaigns.columns.sent')}</th>
                <th scope="col">{t('campaigns.columns.failed')}</th>
                <th scope="col">{t('campaigns.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.subject}</th>
                  <td>
                    {t(`campaigns.status.${c.status}`)}
                    {c.status === 'scheduled' && c.scheduledAt ? ` · ${formatDateTime(c.scheduledAt, i18n.language)}` : ''}
                    {c.sentAt ? ` · ${formatDateTime(c.sentAt, i18n.language)}` : ''}
                  </td>
                  <td>{formatNumber(c.stats.recipients, i18n.language)}</td>
                  <td>{formatNumber(c.stats.queued, i18n.language)}</td>
                  <td>{formatNumber(c.stats.sent, i18n.language)}</td>
                  <td>{formatNumber(c.stats.failed, i18n.language)}</td>
                  <td>
                    <div className="card__actions">
                      {c.status === 'draft' ? (
                        <>
                          <Button
                            variant="secondary"
                            aria-label={t('campaigns.actions.editNamed', { subject: c.subject })}
                            onClick={() => {
                              update.reset();
                              setEditing(c.id);
                            }}
                          >
                            {t('campaigns.actions.edit')}
                          </Button>
                          <Button
                            variant="secondary"
                            pending={test.isPending && test.variables === c.id}
                            aria-label={t('campaigns.actions.testNamed', { subject: c.subject })}
                            onClick={() =>
                              test.mutate(c.id, { onSuccess: () => setNotice(t('campaigns.testSent', { subject: c.subject })) })
                            }
                          >
                            {t('campaigns.actions.test')}
                          </Button>
                          <Button
                            aria-label={t('campaigns.actions.sendNamed', { subject: c.subject })}
                            onClick={() => {
                              schedule.reset();
                              setSendAt('');
                              setSending(c);
                            }}
                          >
                            {t('campaigns.actions.send')}
                          </Button>
                        </>
                      ) : null}
                      {c.status === 'scheduled' ? (
                        <Button
                          variant="secondary"
                          pending={cancel.isPending && cancel.variables === c.id}
                          aria-label={t('campaigns.actions.cancelNamed', { subject: c.subject })}
                          onClick={() =>
                            cancel.mutate(c.id, { onSuccess: () => setNotice(t('campaigns.cancelled', { subject: c.subject })) })
                          }
                        >
                          {t('campaigns.actions.cancel')}
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <ConfirmDialog
        open={sending !== null}
        title={t('campaigns.confirm.title', { subject: sending?.subject ?? '' })}
        confirmLabel={sendAt ? t('campaigns.confirm.schedule') : t('campaigns.confirm.sendNow')}
        pending={schedule.isPending}
        error={schedule.error ? describeError(t, toApiError(schedule.error)) : null}
        onCancel={() => setSending(null)}
        onConfirm={() => {
          if (!sending) return;
          const subject = sending.subject;
          schedule.mutate(
            { id: sending.id, scheduledAt: sendAt ? new Date(sendAt).toISOString() : undefined },
            {
              onSuccess: () => {
                setSending(null);
                setNotice(t('campaigns.scheduled', { subject }));
              },
            },
          );
        }}
      >
        <p>{t('campaigns.confirm.body')}</p>
        <TextField
          id="campaign-send-at"
          type="datetime-local"
          label={t('campaigns.confirm.sendAt')}
          hint={t('campaigns.confirm.sendAtHint')}
          value={sendAt}
          onChange={(e) => setSendAt(e.target.value)}
        />
      </ConfirmDialog>
    </div>
  );
}
