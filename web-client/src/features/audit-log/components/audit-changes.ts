import type { TFunction } from 'i18next';
import type { ListAuditLogEntry } from '@contracts/participation-client';
import { formatDateTime } from '@/lib/format';

/** One changed field, in words: its label and its values before and after ('' when it had none on that side). */
export interface Change {
  field: string;
  label: string;
  before: string;
  after: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const LOCALES = ['fr', 'nl', 'en'];
const isLocalized = (value: unknown): value is Record<string, string> =>
  isObject(value) && Object.keys(value).length > 0 && Object.entries(value).every(([k, v]) => LOCALES.includes(k) && typeof v === 'string');
const DATE_FIELDS = new Set(['startsAt', 'endsAt', 'until', 'expiresAt', 'publishedAt']);

/** A readable name for an event type (the API's action); unknown ones stay as the API wrote them. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action.replace('.', '_')}`, { defaultValue: action });
}

/** One value in words: a closed set's label, a date, a text in the reader's language; never raw JSON. */
export function formatValue(t: TFunction, language: string, entry: ListAuditLogEntry, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (isLocalized(value)) return value[language] ?? value.fr ?? Object.values(value)[0] ?? '';
  if (Array.isArray(value))
    return value
      .map((v) => formatValue(t, language, entry, field, v))
      .filter(Boolean)
      .join(', ');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return new Intl.NumberFormat(language).format(value);
  if (typeof value === 'string') {
    if (DATE_FIELDS.has(field)) return formatDateTime(value, language);
    switch (field) {
      case 'status':
        // A feedback template is written for an idea status.
        return entry.targetType === 'idea' || entry.targetType === 'feedback_template'
          ? t(`ideas.status.${value}`, { defaultValue: value })
          : entry.targetType === 'organisation'
            ? t(`organisations.status.${value}`, { defaultValue: value })
            : t(`projects.status.${value}`, { defaultValue: value });
      case 'method':
        return t(`projects.methods.${value}`, { defaultValue: value });
      case 'role':
        return t(`roles.${value}`, { defaultValue: value });
      case 'scopeType':
        return t(`scopes.${value}`, { defaultValue: value });
      case 'selection':
        return t(`widgets.selection.${value}`, { defaultValue: value });
      case 'layout':
        return t(`widgets.layout.${value}`, { defaultValue: value });
      default:
        return value;
    }
  }
  return t('audit.changed'); // a nested structure (settings, a questionnaire): say that it changed, not how
}

/** Identifiers and internal keys say nothing to a reader: they are not listed. */
const hidden = (field: string) => field === 'id' || field.endsWith('Id') || field.endsWith('Ids');

/**
 * What changed, field by field, from the entry's before and after (the API records only the changed fields). Entries
 * written before events kept before/after say it in their details: a status change's data is read the same way.
 */
export function changes(t: TFunction, language: string, entry: ListAuditLogEntry): Change[] {
  let before: Json | null = isObject(entry.before) ? entry.before : null;
  let after: Json | null = isObject(entry.after) ? entry.after : null;
  const data: Json = isObject(entry.data) ? entry.data : {};
  if (!before && !after) {
    if (entry.action === 'project.status_changed' && 'before' in data) [before, after] = [{ status: data.before }, { status: data.after }];
    else if (entry.action === 'idea.status_changed' && 'from' in data) [before, after] = [{ status: data.from }, { status: data.to }];
  }
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => !hidden(f));
  return fields
    .map((field) => ({
      field,
      label: t(`audit.fields.${field}`, { defaultValue: field }),
      before: formatValue(t, language, entry, field, before?.[field]),
      after: formatValue(t, language, entry, field, after?.[field]),
    }))
    .filter((c) => c.before !== c.after || c.before === t('audit.changed'));
}

/** Context the changes do not carry (a reason, the fields edited before events recorded them, an export's language). */
export function details(t: TFunction, entry: ListAuditLogEntry): string {
  const data: Json = isObject(entry.data) ? entry.data : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (entry.action) {
    case 'phase.added':
    case 'phase.changed':
    case 'phase.removed':
      return t(`projects.methods.${text(data.method)}`, { defaultValue: text(data.method) });
    case 'role.granted':
    case 'role.revoked':
    case 'invitation.created':
      return t(`roles.${text(data.role)}`, { defaultValue: text(data.role) });
    case 'project.edited':
      return Array.isArray(data.fields)
        ? data.fields.map((f) => t(`audit.fields.${String(f)}`, { defaultValue: String(f) })).join(', ')
        : '';
    case 'organisation.rejected':
    case 'user.blocked':
    case 'idea.hidden':
    case 'idea.rejected':
    case 'comment.hidden':
      return text(data.reason);
    case 'survey.exported':
      return text(data.language).toUpperCase();
    default:
      return '';
  }
}
