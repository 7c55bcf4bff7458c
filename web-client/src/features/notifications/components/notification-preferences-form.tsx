import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationChannel, type NotificationCategory, type NotificationPreference } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { StatusMessage } from '@/components/ui/status-message';
import { hasRole, type RoleGrantLike } from '@/lib/roles';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CHANNELS,
  ROLE_CATEGORIES,
  STAFF_CATEGORIES,
  useSetNotificationPreferences,
} from '../api/notifications';

export interface NotificationPreferencesFormProps {
  preferences: NotificationPreference[];
  /** Show the categories only a project's staff receive. */
  staff: boolean;
  /** The caller's roles: a category only one role receives (the digests) is shown to that role only. */
  roles?: readonly RoleGrantLike[];
}

type Choices = Partial<Record<NotificationCategory, NotificationChannel>>;

/** Field errors of `preferences[i].channel` (or `.category`), per category sent at index i. */
function errorsByCategory(fieldErrors: Record<string, string[]>, sent: NotificationCategory[]) {
  const result: Partial<Record<NotificationCategory, string[]>> = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const match = /^preferences\[(\d+)\]\.(channel|category)$/i.exec(key);
    const category = match ? sent[Number(match[1])] : undefined;
    if (category) result[category] = [...(result[category] ?? []), ...messages];
  }
  return result;
}

/** Per category, a radio group: e-mail and in the app, in the app only, or off. */
export function NotificationPreferencesForm({ preferences, staff, roles }: NotificationPreferencesFormProps) {
  const { t } = useTranslation();
  const save = useSetNotificationPreferences();
  const shown = NOTIFICATION_CATEGORIES.filter(
    (c) =>
      preferences.some((p) => p.category === c) &&
      (staff || !STAFF_CATEGORIES.includes(c)) &&
      (ROLE_CATEGORIES[c] === undefined || hasRole(roles, ROLE_CATEGORIES[c])),
  );
  const [choices, setChoices] = useState<Choices>(() => Object.fromEntries(preferences.map((p) => [p.category, p.channel])));
  const [saved, setSaved] = useState(false);
  const apiError = save.error ? toApiError(save.error) : null;
  const fieldErrors = apiError ? errorsByCategory(apiError.fieldErrors, shown) : {};
  const defaults = Object.fromEntries(preferences.map((p) => [p.category, p.defaultChannel])) as Choices;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      shown.map((category) => ({ category, channel: choices[category] ?? defaults[category] ?? NotificationChannel.Email })),
      { onSuccess: () => setSaved(true) },
    );
  }

  function group(category: NotificationCategory) {
    const id = `preference-${category}`;
    const errors = fieldErrors[category];
    const defaultChannel = defaults[category];
    return (
      <fieldset
        key={category}
        id={id}
        className={['fieldset', errors ? 'field--invalid' : ''].join(' ').trim()}
        aria-describedby={[`${id}-description`, errors ? `${id}-error` : ''].filter(Boolean).join(' ')}
      >
        <legend className="fieldset__legend">{t(`notifications.categories.${category}.name`)}</legend>
        <p className="field__hint" id={`${id}-description`}>
          {t(`notifications.categories.${category}.description`)}
          {defaultChannel
            ? ` ${t('notifications.settings.default', { channel: t(`notifications.settings.channel.${defaultChannel}`) })}`
            : null}
        </p>
        {errors ? (
          <p className="field__error" id={`${id}-error`}>
            {errors.join(' ')}
          </p>
        ) : null}
        {NOTIFICATION_CHANNELS.map((channel) => (
          <div className="choice" key={channel}>
            <input
              type="radio"
              id={`${id}-${channel}`}
              name={id}
              value={channel}
              checked={(choices[category] ?? defaultChannel) === channel}
              onChange={() => {
                setSaved(false);
                setChoices((current) => ({ ...current, [category]: channel }));
              }}
            />
            <label htmlFor={`${id}-${channel}`}>{t(`notifications.settings.channel.${channel}`)}</label>
          </div>
        ))}
      </fieldset>
    );
  }

  const personal = shown.filter((c) => !STAFF_CATEGORIES.includes(c));
  const team = shown.filter((c) => STAFF_CATEGORIES.includes(c));

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary
        message={apiError ? describeError(t, apiError) : null}
        fields={shown
          .filter((c) => fieldErrors[c])
          .map((c) => ({ id: `preference-${c}-${NOTIFICATION_CHANNELS[0]}`, label: t(`notifications.categories.${c}.name`) }))}
      />
      <div className="stack">{personal.map(group)}</div>
      {team.length > 0 ? (
        <section className="stack" aria-labelledby="preferences-team">
          <h2 id="preferences-team">{t('notifications.settings.staffHeading')}</h2>
          <p className="muted">{t('notifications.settings.staffIntro')}</p>
          {team.map(group)}
        </section>
      ) : null}
      <StatusMessage>{saved ? t('notifications.settings.saved') : null}</StatusMessage>
      <div className="form__actions">
        <Button type="submit" pending={save.isPending}>
          {t('notifications.settings.save')}
        </Button>
      </div>
    </form>
  );
}
