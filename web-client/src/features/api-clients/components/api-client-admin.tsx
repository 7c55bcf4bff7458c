import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import {
  apiClientsQueryOptions,
  useCreateApiClient,
  useRevokeApiClient,
  useRotateApiClientSecret,
  useUpdateApiClient,
} from '../api/api-clients';
import { ApiClientCard, cardHeadingId } from './api-client-card';
import { ApiClientForm } from './api-client-form';
import { RotateDialog } from './rotate-dialog';
import { SecretDialog, type ShownSecret } from './secret-dialog';

/** The IT manager's API clients: the list, a form to create or edit one, rotation and revocation; new secrets shown once. */
export function ApiClientAdmin() {
  const { t } = useTranslation();
  const clients = useQuery(apiClientsQueryOptions());
  const create = useCreateApiClient();
  const update = useUpdateApiClient();
  const rotate = useRotateApiClientSecret();
  const revoke = useRevokeApiClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [toRotate, setToRotate] = useState<ApiClient | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiClient | null>(null);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [focusForm, setFocusForm] = useState(false);
  // Where the focus goes once the dialogs are closed, when what opened them is gone (the create form, a revoke button).
  const [returnFocus, setReturnFocus] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  const items = clients.data ?? [];
  const current = editing && editing !== 'new' ? items.find((c) => c.id === editing) : undefined;

  // The form opens below the list: keyboard and screen-reader users continue from its heading.
  useEffect(() => {
    if (focusForm && (editing === 'new' || current)) {
      formHeading.current?.focus();
      setFocusForm(false);
    }
  }, [focusForm, editing, current]);

  useEffect(() => {
    if (returnFocus && !shown && !toRevoke && !toRotate) {
      document.getElementById(returnFocus)?.focus();
      setReturnFocus(null);
    }
  }, [returnFocus, shown, toRevoke, toRotate]);

  function open(target: string) {
    create.reset();
    update.reset();
    setNotice(null);
    setEditing(target);
    setFocusForm(true);
  }

  function doRevoke() {
    const client = toRevoke;
    if (!client) return;
    revoke.mutate(client.id, {
      onSuccess: () => {
        setToRevoke(null);
        setReturnFocus(cardHeadingId(client.id));
        if (editing === client.id) setEditing(null);
        setNotice(t('apiClients.revoked', { name: client.name }));
      },
    });
  }

  const revokeError = revoke.error ? toApiError(revoke.error) : null;

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="api-client-list-title">
        <div className="card__header">
          <h2 id="api-client-list-title">{t('apiClients.listTitle')}</h2>
          <Button onClick={() => open('new')}>{t('apiClients.new')}</Button>
        </div>
        <StatusMessage>{notice}</StatusMessage>
        {clients.isPending ? (
          <Loading label={t('common.loading')} />
        ) : clients.isError ? (
          <Alert variant="error" role="alert" title={describeError(t, toApiError(clients.error))} />
        ) : items.length === 0 ? (
          <p className="empty-state">{t('apiClients.empty')}</p>
        ) : (
          <ul className="card-list">
            {items.map((client) => (
              <li key={client.id} className="card">
                <ApiClientCard
                  client={client}
                  editing={editing === client.id}
                  onEdit={() => open(client.id)}
                  onRotate={() => {
                    rotate.reset();
                    setToRotate(client);
                  }}
                  onRevoke={() => {
                    revoke.reset();
                    setToRevoke(client);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {editing === 'new' ? (
        <section className="panel" aria-labelledby="api-client-form-title">
          <h2 id="api-client-form-title" ref={formHeading} tabIndex={-1}>
            {t('apiClients.createTitle')}
          </h2>
          <ApiClientForm
            idPrefix="api-client-new"
            submitLabel={t('apiClients.create')}
            pending={create.isPending}
            error={create.error}
            onResetError={() => create.reset()}
            onCancel={() => setEditing(null)}
            onSubmit={(body) =>
              create.mutate(body, {
                onSuccess: (created) => {
                  setEditing(null);
                  setReturnFocus(cardHeadingId(created.client.id));
                  setNotice(t('apiClients.created', { name: created.client.name }));
                  setShown({ name: created.client.name, clientId: created.clientId, clientSecret: created.clientSecret });
                },
              })
            }
          />
        </section>
      ) : null}
      {current ? (
        <section className="panel" aria-labelledby="api-client-form-title">
          <h2 id="api-client-form-title" ref={formHeading} tabIndex={-1}>
            {t('apiClients.editTitle', { name: current.name })}
          </h2>
          <ApiClientForm
            key={current.id}
            idPrefix={`api-client-${current.id}`}
            client={current}
            submitLabel={t('apiClients.save')}
            pending={update.isPending}
            error={update.error}
            onResetError={() => update.reset()}
            onCancel={() => setEditing(null)}
            onSubmit={(body) =>
              update.mutate(
                { id: current.id, body },
                {
                  onSuccess: (saved) => {
                    setEditing(null);
                    setReturnFocus(cardHeadingId(saved.id));
                    setNotice(t('apiClients.saved', { name: saved.name }));
                  },
                },
              )
            }
          />
        </section>
      ) : null}
      <RotateDialog
        client={toRotate}
        pending={rotate.isPending}
        error={rotate.error}
        onResetError={() => rotate.reset()}
        onCancel={() => setToRotate(null)}
        onRotate={(overlapHours) => {
          const client = toRotate;
          if (!client) return;
          rotate.mutate(
            { id: client.id, overlapHours },
            {
              onSuccess: (rotated) => {
                setToRotate(null);
                setNotice(t('apiClients.rotated', { name: rotated.client.name }));
                setShown({
                  name: rotated.client.name,
                  clientId: rotated.clientId,
                  clientSecret: rotated.clientSecret,
                  previousSecretsExpireAt: rotated.previousSecretsExpireAt,
                });
              },
            },
          );
        }}
      />
      <SecretDialog shown={shown} onClose={() => setShown(null)} />
      <ConfirmDialog
        open={toRevoke !== null}
        title={t('apiClients.revokeTitle')}
        confirmLabel={t('apiClients.revokeConfirm')}
        onConfirm={doRevoke}
        onCancel={() => setToRevoke(null)}
        pending={revoke.isPending}
        error={revokeError ? describeError(t, revokeError) : null}
      >
        <p>{toRevoke ? t('apiClients.revokeBody', { name: toRevoke.name }) : null}</p>
      </ConfirmDialog>
    </div>
  );
}
