import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CampaignLanguage, SegmentKind, type Campaign, type CampaignDraft, type Segment } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, type FieldErrors } from '@/lib/forms';
import { LANGUAGE_NAMES } from '@/lib/i18n/languages';
import { recipientPreviewQueryOptions } from '../api/campaigns';
import { SegmentPicker, type SegmentProjectOption } from './segment-picker';

export interface CampaignFormProps {
  campaign?: Campaign;
  projects: readonly SegmentProjectOption[];
  areas?: readonly SegmentProjectOption[];
  pending: boolean;
  error: unknown;
  onSubmit: (draft: CampaignDraft) => void;
  onCancel: () => void;
}

/** A campaign's subject, language, rich-text body and segment, with the live count of the people it reaches. */
export function CampaignForm({ campaign, projects, areas = [], pending, error, onSubmit, onCancel }: CampaignFormProps) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState(campaign?.subject ?? '');
  const [body, setBody] = useState(campaign?.body ?? '');
  const [language, setLanguage] = useState<CampaignLanguage>(campaign?.language ?? CampaignLanguage.Fr);
  const [segment, setSegment] = useState<Segment>(campaign?.segment ?? { kind: SegmentKind.Newsletter });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const complete =
    ((segment.kind !== SegmentKind.ProjectParticipants && segment.kind !== SegmentKind.ProjectFollowers) || !!segment.projectId) &&
    (segment.kind !== SegmentKind.Area || !!segment.areaId);
  const ready = complete && (segment.kind !== SegmentKind.StaffRoles || (segment.roles?.length ?? 0) > 0);
  const preview = useQuery({ ...recipientPreviewQueryOptions(segment), enabled: ready });

  const apiError = error ? toApiError(error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'subject', id: 'campaign-subject', label: t('campaigns.form.subject') },
    { key: 'body', id: 'campaign-body', label: t('campaigns.form.body') },
    { key: 'segment.projectId', id: 'campaign-segment-project', label: t('campaigns.segment.project') },
    { key: 'segment.roles', id: 'campaign-role-admin', label: t('campaigns.segment.roles') },
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!subject.trim()) found.subject = [t('forms.required')];
    if (!body.trim()) found.body = [t('forms.required')];
    setClientErrors(found);
    if (Object.keys(found).length === 0) onSubmit({ subject: subject.trim(), body, language, segment });
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
      <TextField
        id="campaign-subject"
        label={t('campaigns.form.subject')}
        required
        maxLength={200}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        errors={errors.subject}
      />
      <SelectField
        id="campaign-language"
        label={t('campaigns.form.language')}
        value={language}
        onChange={(e) => setLanguage(e.target.value as CampaignLanguage)}
        options={Object.values(CampaignLanguage).map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
      />
      <RichTextEditor
        id="campaign-body"
        label={t('campaigns.form.body')}
        hint={t('campaigns.form.bodyHint')}
        required
        lang={language}
        images
        value={body}
        onChange={setBody}
        errors={errors.body}
      />
      <SegmentPicker value={segment} onChange={setSegment} projects={projects} areas={areas} errors={errors} />
      <div role="status" className="campaign-preview" aria-live="polite">
        {!ready ? (
          <p>{t('campaigns.preview.incomplete')}</p>
        ) : preview.data ? (
          <>
            <p>
              <strong>{t('campaigns.preview.count', { count: preview.data.count })}</strong>
            </p>
            {preview.data.sample.length > 0 ? <p>{t('campaigns.preview.sample', { names: preview.data.sample.join(', ') })}</p> : null}
          </>
        ) : preview.isError ? (
          <p>{describeError(t, toApiError(preview.error))}</p>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </div>
      <div className="form__actions">
        <Button type="submit" pending={pending}>
          {t('campaigns.form.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
