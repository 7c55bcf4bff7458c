import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  GetAttachmentLimitsResponse,
  GetPlatformMapSettings,
  IdeaAttachment,
  SubmitIdeaRequest,
} from '@contracts/participation-client';
import { toApiError } from '@/api/errors';
import { useGeocoder } from '@/api/geocoder';
import { LocationPicker } from '@/components/map/location-picker';
import type { Coordinates } from '@/components/map/use-leaflet-map';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { ToggleChips, type ToggleChipOption } from '@/components/ui/toggle-chips';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { textToHtml } from '@/lib/rich-text';
import type { PendingAttachment } from '../api/attachments';
import { useDescribeRefusal } from './action-reason';
import { altFieldId, ATTACHMENTS_INPUT_ID, AttachmentsField, pendingErrors } from './attachments-field';
import type { OrganisationChoice } from './comment-form';

export interface IdeaFormValue {
  title: string;
  /** Plain text: paragraphs separated by a blank line. */
  body: string;
  /** Chosen from the platform's topics. */
  topicIds: string[];
  /** '' : none. */
  areaId: string;
  location: Coordinates | null;
  locationLabel: string;
  /** '' : the user themself. */
  organisationId: string;
}

export const EMPTY_IDEA_FORM: IdeaFormValue = {
  title: '',
  body: '',
  topicIds: [],
  areaId: '',
  location: null,
  locationLabel: '',
  organisationId: '',
};

export interface IdeaFormProps {
  initial?: IdeaFormValue;
  /** The phase asks for a location on the map. */
  mapRequired: boolean;
  map: GetPlatformMapSettings;
  /** Verified organisations the user may post for (only when posting, not when editing). */
  organisations?: readonly OrganisationChoice[];
  /** The topics offered as chips (the project's, else all active ones); none: no topic field. */
  topicOptions?: readonly ToggleChipOption[];
  /** The areas (neighbourhoods) offered; none: no area field. */
  areaOptions?: readonly SelectOption[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onResetError: () => void;
  /** The files chosen are sent after the idea is saved (none when the limits are unknown: no attachments section). */
  onSubmit: (request: SubmitIdeaRequest, attachments: PendingAttachment[]) => void;
  onCancel?: () => void;
  attachmentLimits?: GetAttachmentLimitsResponse;
  existingAttachments?: readonly IdeaAttachment[];
  onRemoveAttachment?: (attachment: IdeaAttachment) => void;
  removingAttachmentId?: string;
  /** Said while the files are sent (e.g. "Sending file 2 of 3"). */
  uploadStatus?: string | null;
}

export const TITLE_MIN = 3;
export const TITLE_MAX = 120;
const BODY_MAX = 20000;
const TOPICS_MAX = 10;
const LABEL_MAX = 200;

/** What the form sends: the body as simple HTML (escaped paragraphs), the topics' and area's ids, the location or none. */
export function toIdeaRequest(value: IdeaFormValue): SubmitIdeaRequest {
  return {
    title: value.title.trim(),
    body: textToHtml(value.body),
    topicIds: value.topicIds,
    areaId: value.areaId || undefined,
    latitude: value.location?.latitude,
    longitude: value.location?.longitude,
    locationLabel: value.location ? value.locationLabel.trim() || undefined : undefined,
    organisationId: value.organisationId || undefined,
  };
}

/** The API names a topic's error `topicIds[1]` (or `topics` for names): show them all beside the topics field. */
function withTopicErrors(errors: FieldErrors): FieldErrors {
  const topics = Object.entries(errors)
    .filter(([key]) => key === 'topics' || key.startsWith('topics[') || key === 'topicIds' || key.startsWith('topicIds['))
    .flatMap(([, messages]) => messages);
  return topics.length > 0 ? { ...errors, topics: Array.from(new Set(topics)) } : errors;
}

/** Posting or editing an idea: title, text, topics, location (required when the phase maps ideas), author. */
export function IdeaForm({
  initial,
  mapRequired,
  map,
  organisations = [],
  topicOptions = [],
  areaOptions = [],
  submitLabel,
  pending,
  error,
  onResetError,
  onSubmit,
  onCancel,
  attachmentLimits,
  existingAttachments = [],
  onRemoveAttachment,
  removingAttachmentId,
  uploadStatus,
}: IdeaFormProps) {
  const { t } = useTranslation();
  const describe = useDescribeRefusal();
  const geocoder = useGeocoder(map);
  const [value, setValue] = useState<IdeaFormValue>(initial ?? EMPTY_IDEA_FORM);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [attachments, setAttachments] = useState<PendingAttachment[]>([]);
  const apiError = error ? toApiError(error) : null;
  const errors = withTopicErrors(mergeFieldErrors(apiError, clientErrors));
  // An upload's refusal names `file` or `alt`: said beside the file chooser.
  const uploadErrors = [...(errors.file ?? []), ...(errors.alt ?? [])];
  if (uploadErrors.length > 0) errors.attachments = uploadErrors;
  const locationError = [...(errors.latitude ?? []), ...(errors.longitude ?? [])].join(' ') || undefined;
  const set = (patch: Partial<IdeaFormValue>) => setValue((current) => ({ ...current, ...patch }));
  const fields = [
    { key: 'title', id: 'idea-title', label: t('ideas.form.title') },
    { key: 'body', id: 'idea-body', label: t('ideas.form.body') },
    { key: 'topics', id: 'idea-topics', label: t('ideas.form.topicsChips') },
    { key: 'areaId', id: 'idea-area', label: t('ideas.form.area') },
    { key: 'latitude', id: 'idea-location', label: t('ideas.form.location') },
    { key: 'longitude', id: 'idea-location', label: t('ideas.form.location') },
    { key: 'locationLabel', id: 'idea-location-label', label: t('ideas.form.locationLabel') },
    { key: 'organisationId', id: 'idea-as', label: t('ideas.form.postAs') },
    { key: 'attachments', id: ATTACHMENTS_INPUT_ID, label: t('ideas.attachments.legend') },
    ...attachments.map((a) => ({
      key: altFieldId(a.key),
      id: altFieldId(a.key),
      label: t('ideas.attachments.alt', { name: a.file.name }),
    })),
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describe(apiError);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    const title = value.title.trim();
    if (!title) found.title = [t('forms.required')];
    else if (title.length < TITLE_MIN || title.length > TITLE_MAX)
      found.title = [t('ideas.form.titleLength', { min: TITLE_MIN, max: TITLE_MAX })];
    const body = textToHtml(value.body);
    if (!body) found.body = [t('forms.required')];
    else if (body.length > BODY_MAX) found.body = [t('ideas.form.bodyTooLong')];
    if (mapRequired && !value.location) found.latitude = [t('ideas.form.locationRequired')];
    if (attachmentLimits) Object.assign(found, pendingErrors(attachments, attachmentLimits, t('ideas.attachments.altRequired')));
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      onResetError();
      return;
    }
    onSubmit(toIdeaRequest(value), attachments);
  }

  // Unique links in the summary (latitude and longitude point at the same field).
  const summaryFields = erroredFields(errors, fields).filter((field, index, all) => all.findIndex((f) => f.id === field.id) === index);

  return (
    <form className="form idea-form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} fields={summary ? summaryFields : []} />
      <TextField
        id="idea-title"
        label={t('ideas.form.title')}
        hint={t('ideas.form.titleHint', { min: TITLE_MIN, max: TITLE_MAX })}
        required
        maxLength={TITLE_MAX}
        value={value.title}
        onChange={(e) => set({ title: e.target.value })}
        errors={errors.title}
      />
      <TextAreaField
        id="idea-body"
        label={t('ideas.form.body')}
        hint={t('ideas.form.bodyHint')}
        required
        rows={10}
        value={value.body}
        onChange={(e) => set({ body: e.target.value })}
        errors={errors.body}
      />
      {topicOptions.length > 0 ? (
        <ToggleChips
          id="idea-topics"
          legend={t('ideas.form.topicsChips')}
          hint={t('ideas.form.topicsChipsHint', { max: TOPICS_MAX })}
          options={topicOptions}
          selected={value.topicIds}
          max={TOPICS_MAX}
          onChange={(topicIds) => set({ topicIds })}
          errors={errors.topics}
        />
      ) : null}
      {areaOptions.length > 0 ? (
        <SelectField
          id="idea-area"
          label={t('ideas.form.area')}
          value={value.areaId}
          onChange={(e) => set({ areaId: e.target.value })}
          errors={errors.areaId}
          options={[{ value: '', label: t('ideas.form.noArea') }, ...areaOptions]}
        />
      ) : null}
      <div id="idea-location" tabIndex={-1} className="idea-form__location">
        <LocationPicker
          tileUrl={map.tileUrl}
          attribution={map.attribution}
          center={{ latitude: map.latitude, longitude: map.longitude }}
          zoom={map.zoom}
          value={value.location}
          onChange={(location) => set({ location })}
          label={mapRequired ? t('ideas.form.location') : t('ideas.form.locationOptional')}
          required={mapRequired}
          error={locationError}
          geocoder={geocoder}
          onAddressChange={(locationLabel) => set({ locationLabel })}
        />
      </div>
      {value.location ? (
        <TextField
          id="idea-location-label"
          label={t('ideas.form.locationLabel')}
          hint={t('ideas.form.locationLabelHint')}
          maxLength={LABEL_MAX}
          value={value.locationLabel}
          onChange={(e) => set({ locationLabel: e.target.value })}
          errors={errors.locationLabel}
        />
      ) : null}
      {organisations.length > 0 ? (
        <SelectField
          id="idea-as"
          label={t('ideas.form.postAs')}
          value={value.organisationId}
          onChange={(e) => set({ organisationId: e.target.value })}
          errors={errors.organisationId}
          options={[{ value: '', label: t('ideas.form.myself') }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
      ) : null}
      {attachmentLimits ? (
        <AttachmentsField
          limits={attachmentLimits}
          existing={existingAttachments}
          onRemoveExisting={onRemoveAttachment}
          removingId={removingAttachmentId}
          pending={attachments}
          onChange={(next) => {
            setAttachments(next);
            setClientErrors(({ attachments: _, ...rest }) => rest);
          }}
          errors={errors}
        />
      ) : null}
      <p role="status" className="muted">
        {uploadStatus ?? ''}
      </p>
      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
