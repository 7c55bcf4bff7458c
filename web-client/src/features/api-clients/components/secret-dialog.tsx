import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { formatDateTime } from '@/lib/format';
import { CopyField } from './copy-field';

/** A secret the API has just made: shown this once, never again. */
export interface ShownSecret {
  name: string;
  clientId: string;
  clientSecret: string;
  /** After a rotation: when the previous secrets stop working. */
  previousSecretsExpireAt?: string;
}

/** The client_id and the new secret with copy buttons, and the warning that the secret will not be shown again. */
export function SecretDialog({ shown, onClose }: { shown: ShownSecret | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Dialog open={shown !== null} title={shown ? t('apiClients.secret.title', { name: shown.name }) : ''} onClose={onClose}>
      {shown ? (
        <div className="stack">
          <Alert variant="warning" title={t('apiClients.secret.warningTitle')}>
            <p>{t('apiClients.secret.warningBody')}</p>
          </Alert>
          <CopyField id="api-client-shown-id" label={t('apiClients.secret.clientId')} value={shown.clientId} />
          <CopyField id="api-client-shown-secret" label={t('apiClients.secret.clientSecret')} value={shown.clientSecret} />
          {shown.previousSecretsExpireAt ? (
            <p>{t('apiClients.secret.previousEnd', { at: formatDateTime(shown.previousSecretsExpireAt, i18n.language) })}</p>
          ) : null}
          <div className="form__actions">
            <Button onClick={onClose}>{t('apiClients.secret.done')}</Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
