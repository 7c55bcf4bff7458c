import { useTranslation } from 'react-i18next';
import type { ApiClient, ApiClientSecret } from '@contracts/participation-client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDateTime, formatNumber } from '@/lib/format';
import { scopeKey, secretState } from './api-client-rules';

export const cardHeadingId = (id: string) => `api-client-${id}-name`;

export interface ApiClientCardProps {
  client: ApiClient;
  editing: boolean;
  onEdit: () => void;
  onRotate: () => void;
  onRevoke: () => void;
}

/** One client: its status, scopes, rate limit, last use and secrets (their last characters, state and end), with its actions. */
export function ApiClientCard({ client, editing, onEdit, onRotate, onRevoke }: ApiClientCardProps) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const revoked = !!client.revokedAt;

  function secretLine(secret: ApiClientSecret) {
    const state = secretState(secret);
    if (state === 'active') return t('apiClients.secrets.active');
    if (state === 'ending') return t('apiClients.secrets.ending', { at: when(secret.expiresAt!) });
    return secret.expiresAt ? t('apiClients.secrets.ended', { at: when(secret.expiresAt) }) : t('apiClients.secrets.endedNoDate');
  }

  return (
    <article aria-labelledby={cardHeadingId(client.id)}>
      <div className="card__header">
        <h3 id={cardHeadingId(client.id)} className="card__title" tabIndex={-1}>
          {client.name}
        </h3>
        {revoked ? null : (
          <div className="card__actions">
            <Button
              variant="secondary"
              className="button--small"
              aria-label={t('apiClients.editLabel', { name: client.name })}
              aria-pressed={editing}
              onClick={onEdit}
            >
              {t('apiClients.edit')}
            </Button>
            <Button
              variant="secondary"
              className="button--small"
              aria-label={t('apiClients.rotateLabel', { name: client.name })}
              onClick={onRotate}
            >
              {t('apiClients.rotateAction')}
            </Button>
            <Button
              variant="secondary"
              className="button--small"
              aria-label={t('apiClients.revokeLabel', { name: client.name })}
              onClick={onRevoke}
            >
              {t('apiClients.revokeAction')}
            </Button>
          </div>
        )}
      </div>
      <p>
        <Badge tone={revoked ? 'neutral' : 'success'}>{t(revoked ? 'apiClients.status.revoked' : 'apiClients.status.active')}</Badge>
      </p>
      {client.description ? <p className="muted">{client.description}</p> : null}
      <dl className="api-client-facts">
        <dt>{t('apiClients.facts.scopes')}</dt>
        <dd>
          <ul className="api-client-scopes">
            {client.scopes.map((scope) => (
              <li key={scope}>
                {t(`apiClients.scopes.${scopeKey(scope)}.label`)} <code>{scope}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('apiClients.facts.rateLimit')}</dt>
        <dd>
          {t('apiClients.facts.perMinute', { count: client.rateLimitPerMinute, n: formatNumber(client.rateLimitPerMinute, i18n.language) })}
        </dd>
        <dt>{t('apiClients.facts.lastUsed')}</dt>
        <dd>{client.lastUsedAt ? when(client.lastUsedAt) : t('apiClients.facts.never')}</dd>
        {client.revokedAt ? (
          <>
            <dt>{t('apiClients.facts.revokedAt')}</dt>
            <dd>{when(client.revokedAt)}</dd>
          </>
        ) : null}
        <dt>{t('apiClients.facts.clientId')}</dt>
        <dd>
          <code>{client.id}</code>
        </dd>
        <dt>{t('apiClients.facts.secrets')}</dt>
        <dd>
          <ul className="api-client-secrets">
            {client.secrets.map((secret) => (
              <li key={secret.id}>
                {t('apiClients.secrets.hint')} <code>…{secret.hint}</code> — {secretLine(secret)}
                {secret.lastUsedAt ? ` · ${t('apiClients.secrets.lastUsed', { at: when(secret.lastUsedAt) })}` : ''}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </article>
  );
}
