import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Webhook } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { StatusMessage } from '@/components/ui/status-message';
import {
  useCreateWebhook,
  useDeleteWebhook,
  useRotateWebhookSecret,
  useSendWebhookTest,
  useSetWebhookEnabled,
  useUpdateWebhook,
  webhookClientsQueryOptions,
  webhooksQueryOptions,
} from '../api/webhooks';
import { DeliveryLog } from './delivery-log';
import { SecretBox } from './secret-box';
import { WebhookForm } from './webhook-form';

/**
 * Webhooks of the API clients (admins, the IT manager): pick a client, see its subscriptions and their state, create or
 * edit one, see the signing secret once (after creation or rotation), enable or disable, send a test, read the
 * delivery log and replay deliveries.
 */
export function WebhookAdmin() {
  const { t } = useTranslation();
  const clients = useQuery(webhookClientsQueryOptions());
  const [clientId, setClientId] = useState('');
  const webhooks = useQuery(webhooksQueryOptions(clientId));
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const toggle = useSetWebhookEnabled();
  const test = useSendWebhookTest();
  const [editing, setEditing] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ webhookId: string; value: string } | null>(null);
  const [toDelete, setToDelete] = useState<Webhook | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const secretRef = useRef<HTMLDivElement>(null);

  const client = clients.data?.find((c) => c.id === clientId);
  const items = webhooks.data ?? [];
  const current = editing && editing !== 'new' ? items.find((w) => w.id === editing) : undefined;
  const logged = logOf ? items.find((w) => w.id === logOf) : undefined;
  const actionError = [rotate.error, toggle.error, test.error].find(Boolean);

  // The secret appears once: keyboard and screen reader users are taken to it.
  useEffect(() => {
    if (secret) secretRef.current?.querySelector('input')?.focus();
  }, [secret]);

  function reset() {
    create.reset();
    update.reset();
    rotate.reset();
    toggle.reset();
    test.reset();
    setNotice(null);
  }

  if (clients.isPending) return <Loading label={t('common.loading')} />;
  if (clients.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(clients.error))} />;

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="webhook-client-title">
        <h2 id="webhook-client-title">{t('webhooks.clientTitle')}</h2>
        {clients.data.length === 0 ? (
          <p className="empty-state">{t('webhooks.noClients')}</p>
        ) : (
          <SelectField
            id="webhook-client"
            label={t('webhooks.client')}
            value={clientId}
            onChange={(e) => {
              reset();
              setEditing(null);
              setLogOf(null);
              setSecret(null);
              setClientId(e.target.value);
            }}
            options={[{ value: '', label: t('webhooks.pickClient') }, ...clients.data.map((c) => ({ value: c.id, label: c.name }))]}
          />
        )}
      </section>
      {client ? (
        <section className="panel" aria-labelledby="webhook-list-title">
          <div className="card__header">
            <h2 id="webhook-list-title">{t('webhooks.listTitle', { client: client.name })}</h2>
            <Button
              onClick={() => {
                reset();
                setEditing('new');
              }}
            >
              {t('webhooks.new')}
            </Button>
          </div>
          <StatusMessage>{notice}</StatusMessage>
          {actionError ? <Alert variant="error" role="alert" title={describeError(t, toApiError(actionError))} /> : null}
          {secret ? (
            <div ref={secretRef}>
              <SecretBox id="webhook-secret" secret={secret.value} onDone={() => setSecret(null)} />
            </div>
          ) : null}
          {webhooks.isPending ? (
            <Loading label={t('common.loading')} />
          ) : webhooks.isError ? (
            <Alert variant="error" role="alert" title={describeError(t, toApiError(webhooks.error))} />
          ) : items.length === 0 ? (
            <p className="empty-state">{t('webhooks.empty')}</p>
          ) : (
            <ul className="card-list">
              {items.map((w) => (
                <li key={w.id} className="card">
                  <article aria-labelledby={`webhook-${w.id}-url`}>
                    <div className="card__header">
                      <h3 id={`webhook-${w.id}-url`} className="card__title">
                        {w.url}
                      </h3>
                      {w.enabled ? (
                        <Badge tone="success">{t('webhooks.enabled')}</Badge>
                      ) : (
                        <Badge tone="warning">{t(`webhooks.disabled.${w.disabledReason ?? 'manual'}`)}</Badge>
                      )}
                    </div>
                    {w.description ? <p>{w.description}</p> : null}
                    <p className="muted">
                      {t('webhooks.typesCount', { count: w.eventTypes.length })}
                      {w.consecutiveFailures > 0 ? ` · ${t('webhooks.failures', { count: w.consecutiveFailures })}` : ''}
                    </p>
                    <div className="card__actions">
                      <Button
                        variant="secondary"
                        className="button--small"
                        aria-pressed={editing === w.id}
                        aria-label={t('webhooks.editLabel', { url: w.url })}
                        onClick={() => {
                          reset();
                          setEditing(w.id);
                        }}
                      >
                        {t('webhooks.edit')}
                      </Button>
                      <Button
                        variant="secondary"
                        className="button--small"
                        aria-pressed={logOf === w.id}
                        aria-label={t('webhooks.logLabel', { url: w.url })}
                        onClick={() => setLogOf(logOf === w.id ? null : w.id)}
                      >
                        {t('webhooks.log.open')}
                      </Button>
                      <Button
                        variant="secondary"
                        className="button--small"
                        disabled={!w.enabled || test.isPending}
                        aria-label={t('webhooks.testLabel', { url: w.url })}
                        onClick={() => {
                          reset();
                          test.mutate(w.id, { onSuccess: () => setNotice(t('webhooks.testSent', { url: w.url })) });
                        }}
                      >
                        {t('webhooks.test')}
                      </Button>
                      <Button
                        variant="secondary"
                        className="button--small"
                        disabled={toggle.isPending}
                        aria-label={t(w.enabled ? 'webhooks.disableLabel' : 'webhooks.enableLabel', { url: w.url })}
                        onClick={() => {
                          reset();
                          toggle.mutate(
                            { id: w.id, enabled: !w.enabled },
                            {
                              onSuccess: (r) =>
                                setNotice(t(r.enabled ? 'webhooks.enabledNotice' : 'webhooks.disabledNotice', { url: r.url })),
                            },
                          );
                        }}
                      >
                        {t(w.enabled ? 'webhooks.disable' : 'webhooks.enable')}
                      </Button>
                      <Button
                        variant="secondary"
                        className="button--small"
                        disabled={rotate.isPending}
                        aria-label={t('webhooks.rotateLabel', { url: w.url })}
                        onClick={() => {
                          reset();
                          rotate.mutate(w.id, {
                            onSuccess: (r) => {
                              setSecret({ webhookId: w.id, value: r.secret });
                              setNotice(t('webhooks.rotated', { url: w.url }));
                            },
                          });
                        }}
                      >
                        {t('webhooks.rotate')}
                      </Button>
                      <Button
                        variant="secondary"
                        className="button--small"
                        aria-label={t('webhooks.deleteLabel', { url: w.url })}
                        onClick={() => {
                          remove.reset();
                          setToDelete(w);
                        }}
                      >
                        {t('common.delete')}
                      </Button>
                    </div>
                  </article>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {client && editing === 'new' ? (
        <section className="panel" aria-labelledby="webhook-new-title">
          <h2 id="webhook-new-title">{t('webhooks.createTitle')}</h2>
          <WebhookForm
            idPrefix="webhook-new"
            scopes={client.scopes}
            submitLabel={t('webhooks.create')}
            pending={create.isPending}
            error={create.error}
            onResetError={() => create.reset()}
            onCancel={() => setEditing(null)}
            onSubmit={(draft) =>
              create.mutate(
                { clientId: client.id, ...draft },
                {
                  onSuccess: (created) => {
                    setEditing(null);
                    setSecret({ webhookId: created.webhook.id, value: created.secret });
                    setNotice(t('webhooks.created', { url: created.webhook.url }));
                  },
                },
              )
            }
          />
        </section>
      ) : null}
      {client && current ? (
        <section className="panel" aria-labelledby="webhook-edit-title">
          <h2 id="webhook-edit-title">{t('webhooks.editTitle', { url: current.url })}</h2>
          <WebhookForm
            key={current.id}
            idPrefix={`webhook-${current.id}`}
            webhook={current}
            scopes={client.scopes}
            submitLabel={t('webhooks.save')}
            pending={update.isPending}
            error={update.error}
            onResetError={() => update.reset()}
            onCancel={() => setEditing(null)}
            onSubmit={(draft) =>
              update.mutate(
                { id: current.id, body: draft },
                {
                  onSuccess: (saved) => {
                    setEditing(null);
                    setNotice(t('webhooks.saved', { url: saved.url }));
                  },
                },
              )
            }
          />
        </section>
      ) : null}
      {logged ? (
        <section className="panel" aria-labelledby="webhook-log-title">
          <h2 id="webhook-log-title">{t('webhooks.log.title', { url: logged.url })}</h2>
          <DeliveryLog webhook={logged} onNotice={setNotice} />
        </section>
      ) : null}
      <ConfirmDialog
        open={toDelete !== null}
        title={t('webhooks.deleteTitle')}
        confirmLabel={t('webhooks.deleteConfirm')}
        onConfirm={() => {
          const target = toDelete;
          if (!target) return;
          remove.mutate(target.id, {
            onSuccess: () => {
              setToDelete(null);
              if (editing === target.id) setEditing(null);
              if (logOf === target.id) setLogOf(null);
              setNotice(t('webhooks.deleted', { url: target.url }));
            },
          });
        }}
        onCancel={() => setToDelete(null)}
        pending={remove.isPending}
        error={remove.error ? describeError(t, toApiError(remove.error)) : null}
      >
        <p>{toDelete ? t('webhooks.deleteBody', { url: toDelete.url }) : null}</p>
      </ConfirmDialog>
    </div>
  );
}
