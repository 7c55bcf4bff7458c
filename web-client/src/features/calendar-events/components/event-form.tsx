import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent, CalendarEventFields, GetPlatformMapSettings } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { useGeocoder } from '@/api/geocoder';
import { LocationPicker } from '@/components/map/location-picker';
import type { Coordinates } from '@/components/map/use-leaflet-map';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { htmlToText, textToHtml } from '@/lib/rich-text';
import { fromPlatformInput, toPlatformInput } from './event-time';

const LANGUAGES = ['fr', 'nl', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

interface Values {
  title: Record<Language, string>;
  description: Record<Language, string>;
  startsAt: string;
  endsAt: string;
  placeName: string;
  placeAddress: string;
  point: Coordinates | null;
  onlineUrl: string;
  registration: boolean;
  capacity: string;
}

function initial(event?: CalendarEvent): Values {
  const texts = (source: Record<string, string> | undefined, rich: boolean) =>
    Object.fromEntries(LANGUAGES.map((l) => [l, rich ? htmlToText(source?.[l] ?? '') : (source?.[l] ?? '')])) as Record<Language, string>;
  return {
    title: texts(event?.title, false),
    description: texts(event?.description, true),
    startsAt: event ? toPlatformInput(event.startsAt) : '',
    endsAt: event ? toPlatformInput(event.endsAt) : '',
    placeName: event?.placeName ?? '',
    placeAddress: event?.placeAddress ?? '',
    point: event?.latitude != null && event?.longitude != null ? { latitude: event.latitude, longitude: event.longitude } : null,
    onlineUrl: event?.onlineUrl ?? '',
    registration: event?.registration ?? false,
    capacity: event?.capacity === undefined ? '' : String(event.capacity),
  };
}

export interface EventFormProps {
  /** The event to edit; a new one without it. */
  event?: CalendarEvent;
  map?: GetPlatformMapSettings;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (fields: CalendarEventFields) => void;
  onCancel: () => void;
}

/** The staff's form for an event: texts in fr/nl/en, start and end (platform time), place and point, online link, registration. */
export function EventForm({ event, map, submitLabel, pending, error, onSubmit, onCancel }: EventFormProps) {
  const { t } = useTranslation();
  const geocoder = useGeocoder(map);
  const [values, setValues] = useState<Values>(() => initial(event));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const apiError = error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const prefix = event ? `event-${event.id}` : 'event-new';
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!values.title.fr.trim()) found.title = [t('calendarEvents.form.titleRequired')];
    const startsAt = fromPlatformInput(values.startsAt);
    const endsAt = fromPlatformInput(values.endsAt);
    if (!startsAt) found.startsAt = [t('calendarEvents.form.dateRequired')];
    if (!endsAt) found.endsAt = [t('calendarEvents.form.dateRequired')];
    else if (startsAt && endsAt <= startsAt) found.endsAt = [t('calendarEvents.form.endAfterStart')];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const texts = (source: Record<Language, string>, rich: boolean) =>
      Object.fromEntries(
        LANGUAGES.filter((l) => source[l].trim()).map((l) => [l, rich ? textToHtml(source[l]) : source[l].trim()]),
      ) as Record<string, string>;
    onSubmit({
      title: texts(values.title, false),
      description: texts(values.description, true),
      startsAt: startsAt!,
      endsAt: endsAt!,
      placeName: values.placeName.trim() || undefined,
      placeAddress: values.placeAddress.trim() || undefined,
      latitude: values.point?.latitude,
      longitude: values.point?.longitude,
      onlineUrl: values.onlineUrl.trim() || undefined,
      registration: values.registration,
      capacity: values.registration && values.capacity.trim() ? Number(values.capacity) : undefined,
    });
  }

  const fields = [
    { key: 'title', id: `${prefix}-title-fr`, label: t('calendarEvents.form.title', { language: 'FR' }) },
    { key: 'startsAt', id: `${prefix}-starts`, label: t('calendarEvents.form.startsAt') },
    { key: 'endsAt', id: `${prefix}-ends`, label: t('calendarEvents.form.endsAt') },
    { key: 'placeName', id: `${prefix}-place`, label: t('calendarEvents.form.placeName') },
    { key: 'placeAddress', id: `${prefix}-address`, label: t('calendarEvents.form.placeAddress') },
    { key: 'onlineUrl', id: `${prefix}-online`, label: t('calendarEvents.form.onlineUrl') },
    { key: 'capacity', id: `${prefix}-capacity`, label: t('calendarEvents.form.capacity') },
  ];
  const summary = apiError ? describeError(t, apiError) : Object.keys(clientErrors).length > 0 ? t('errors.fieldsInvalid') : null;

  return (
    <form className="stack" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} fields={erroredFields(errors, fields)} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('calendarEvents.form.texts')}</legend>
        {LANGUAGES.map((l) => (
          <TextField
            key={`title-${l}`}
            id={`${prefix}-title-${l}`}
            label={t('calendarEvents.form.title', { language: l.toUpperCase() })}
            value={values.title[l]}
            maxLength={160}
            required={l === 'fr'}
            errors={l === 'fr' ? errors.title : undefined}
            onChange={(e) => set('title', { ...values.title, [l]: e.target.value })}
          />
        ))}
        {LANGUAGES.map((l) => (
          <TextAreaField
            key={`description-${l}`}
            id={`${prefix}-description-${l}`}
            label={t('calendarEvents.form.description', { language: l.toUpperCase() })}
            value={values.description[l]}
            errors={l === 'fr' ? errors.description : undefined}
            onChange={(e) => set('description', { ...values.description, [l]: e.target.value })}
          />
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('calendarEvents.form.whenLegend')}</legend>
        <TextField
          id={`${prefix}-starts`}
          type="datetime-local"
          label={t('calendarEvents.form.startsAt')}
          hint={t('calendarEvents.form.timeZoneHint')}
          required
          value={values.startsAt}
          errors={errors.startsAt}
          onChange={(e) => set('startsAt', e.target.value)}
        />
        <TextField
          id={`${prefix}-ends`}
          type="datetime-local"
          label={t('calendarEvents.form.endsAt')}
          required
          value={values.endsAt}
          errors={errors.endsAt}
          onChange={(e) => set('endsAt', e.target.value)}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('calendarEvents.form.whereLegend')}</legend>
        <TextField
          id={`${prefix}-place`}
          label={t('calendarEvents.form.placeName')}
          value={values.placeName}
          maxLength={200}
          errors={errors.placeName}
          onChange={(e) => set('placeName', e.target.value)}
        />
        <TextField
          id={`${prefix}-address`}
          label={t('calendarEvents.form.placeAddress')}
          value={values.placeAddress}
          maxLength={300}
          errors={errors.placeAddress}
          onChange={(e) => set('placeAddress', e.target.value)}
        />
        {map ? (
          <LocationPicker
            tileUrl={map.tileUrl}
            attribution={map.attribution}
            center={{ latitude: map.latitude, longitude: map.longitude }}
            zoom={map.zoom}
            value={values.point}
            onChange={(point) => set('point', point)}
            label={t('calendarEvents.form.point')}
            geocoder={geocoder}
            onAddressChange={(address) => set('placeAddress', address)}
            error={[...(errors.latitude ?? []), ...(errors.longitude ?? [])].join(' ') || undefined}
          />
        ) : null}
        <TextField
          id={`${prefix}-online`}
          type="url"
          label={t('calendarEvents.form.onlineUrl')}
          hint={t('calendarEvents.form.onlineHint')}
          value={values.onlineUrl}
          errors={errors.onlineUrl}
          onChange={(e) => set('onlineUrl', e.target.value)}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('calendarEvents.form.registrationLegend')}</legend>
        <div className="choice">
          <input
            type="checkbox"
            id={`${prefix}-registration`}
            checked={values.registration}
            onChange={(e) => set('registration', e.target.checked)}
          />
          <label htmlFor={`${prefix}-registration`}>{t('calendarEvents.form.registration')}</label>
        </div>
        {values.registration ? (
          <TextField
            id={`${prefix}-capacity`}
            type="number"
            min={1}
            inputMode="numeric"
            label={t('calendarEvents.form.capacity')}
            hint={t('calendarEvents.form.capacityHint')}
            value={values.capacity}
            errors={errors.capacity}
            onChange={(e) => set('capacity', e.target.value)}
          />
        ) : null}
      </fieldset>
      <p className="inline-list">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </p>
    </form>
  );
}
