import type { TFunction } from 'i18next';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): string => (Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : '');

/** A readable name for an action of the operators' log; one this version does not know stays as the API wrote it. */
export function operatorActionLabel(t: TFunction, action: string): string {
  return t(`operator.audit.actions.${action.replace('.', '_')}`, { defaultValue: action });
}

/**
 * What an entry's details say, in words, one line each: the person concerned, a role or status that changed, a city's
 * addresses. Identifiers that mean nothing to a reader (grant and invitation ids) are left out; a detail this version
 * does not know is shown with its key rather than dropped.
 */
export function operatorAuditDetails(t: TFunction, action: string, details: unknown): string[] {
  if (!isObject(details)) return [];
  const lines: string[] = [];
  const known = new Set<string>();
  const take = (...keys: string[]) => keys.forEach((k) => known.add(k));
  const role = (value: unknown) => t(`operator.roles.${text(value)}`, { defaultValue: text(value) });
  const status = (value: unknown) => t(`operator.status.${text(value)}`, { defaultValue: text(value) });

  if (isObject(details.target)) {
    take('target');
    lines.push(t('operator.audit.detail.person', { name: text(details.target.displayName), email: text(details.target.email) }));
  }
  if (action.startsWith('city.') && typeof details.from === 'string' && typeof details.to === 'string') {
    take('from', 'to');
    lines.push(t('operator.audit.detail.status', { from: status(details.from), to: status(details.to) }));
  } else if (typeof details.from === 'string' && typeof details.to === 'string') {
    take('from', 'to');
    lines.push(t('operator.audit.detail.roleChange', { from: role(details.from), to: role(details.to) }));
  }
  if (typeof details.role === 'string') {
    take('role');
    lines.push(t('operator.audit.detail.role', { role: role(details.role) }));
  }
  if (Array.isArray(details.before) && Array.isArray(details.after)) {
    take('before', 'after');
    lines.push(
      t('operator.audit.detail.domains', {
        before: list(details.before) || t('operator.audit.detail.nothing'),
        after: list(details.after) || t('operator.audit.detail.nothing'),
      }),
    );
  }
  if (action === 'city.created') {
    take('slug', 'name', 'domains', 'languages', 'defaultLanguage', 'adminEmail', 'invitationId');
    lines.push(t('operator.audit.detail.slug', { slug: text(details.slug) }));
    lines.push(t('operator.audit.detail.addresses', { domains: list(details.domains) }));
    lines.push(
      t('operator.audit.detail.languages', {
        languages: list(details.languages),
        defaultLanguage: text(details.defaultLanguage),
      }),
    );
    lines.push(t('operator.audit.detail.firstAdmin', { email: text(details.adminEmail) }));
  }
  // Identifiers: the person or grant they point to is named elsewhere on the row (or means nothing to a reader).
  take('grantId', 'userId', 'operatorId', 'invitationId');
  for (const [key, value] of Object.entries(details)) {
    if (known.has(key) || value === null || value === undefined) continue;
    lines.push(t('operator.audit.detail.other', { key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
  }
  return lines;
}
