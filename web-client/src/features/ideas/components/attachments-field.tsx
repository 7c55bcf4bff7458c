import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetAttachmentLimitsResponse, IdeaAttachment } from '@contracts/participation-client';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { FieldErrors } from '@/lib/forms';
import { formatFileSize } from '@/lib/format';
import { isImage, type PendingAttachment } from '../api/attachments';

export interface AttachmentsFieldProps {
  limits: GetAttachmentLimitsResponse;
  /** Attachments already on the idea (editing), each with a button that removes it at once. */
  existing?: readonly IdeaAttachment[];
  onRemoveExisting?: (attachment: IdeaAttachment) => void;
  removingId?: string;
  pending: readonly PendingAttachment[];
  onChange: (pending: PendingAttachment[]) => void;
  /** Keyed `attachment-{key}-alt` (alt texts) and `attachments` (the chooser). */
  errors: FieldErrors;
}

export const ATTACHMENTS_INPUT_ID = 'idea-attachments';
export const altFieldId = (key: string) => `attachment-${key}-alt`;

/** The chosen files' problems that block sending: an image without its alt text. */
export function pendingErrors(pending: readonly PendingAttachment[], limits: GetAttachmentLimitsResponse, message: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const item of pending) if (isImage(item.file, limits) && !item.alt.trim()) errors[altFieldId(item.key)] = [message];
  return errors;
}

let counter = 0;

/** Photos and PDFs of an idea: a file chooser, previews, an alt text per image (required), removal; the limits said. */
export function AttachmentsField({
  limits,
  existing = [],
  onRemoveExisting,
  removingId,
  pending,
  onChange,
  errors,
}: AttachmentsFieldProps) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [chooserErrors, setChooserErrors] = useState<string[]>([]);
  const previews = useMemo(
    () => new Map(pending.filter((p) => isImage(p.file, limits)).map((p) => [p.key, URL.createObjectURL(p.file)])),
    [pending, limits],
  );
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  const room = limits.maxPerIdea - existing.length - pending.length;
  const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

  function choose(files: FileList | null) {
    const problems: string[] = [];
    const added: PendingAttachment[] = [];
    for (const file of Array.from(files ?? [])) {
      const image = limits.imageTypes.includes(file.type);
      const pdf = limits.documentTypes.includes(file.type);
      if (!image && !pdf) problems.push(t('ideas.attachments.wrongType', { name: file.name }));
      else if (file.size === 0) problems.push(t('ideas.attachments.empty', { name: file.name }));
      else if (file.size > (image ? limits.maxImageBytes : limits.maxPdfBytes))
        problems.push(
          t('ideas.attachments.tooLarge', { name: file.name, max: megabytes(image ? limits.maxImageBytes : limits.maxPdfBytes) }),
        );
      else if (added.length >= room) problems.push(t('ideas.attachments.full', { max: limits.maxPerIdea }));
      else added.push({ key: `a${++counter}`, file, alt: '' });
    }
    setChooserErrors(Array.from(new Set(problems)));
    if (added.length > 0) onChange([...pending, ...added]);
    if (input.current) input.current.value = '';
  }

  const chooserMessages = [...chooserErrors, ...(errors.attachments ?? [])];
  return (
    <fieldset className="field attachments-field">
      <legend className="field__label">{t('ideas.attachments.legend')}</legend>
      {existing.length + pending.length > 0 ? (
        <ul className="attachments-field__list">
          {existing.map((a) => (
            <li key={a.id} className="attachments-field__item">
              {a.thumbnailUrl ? <img src={a.thumbnailUrl} alt={a.alt ?? ''} className="attachments-field__preview" /> : null}
              <span>{a.kind === 'pdf' ? `${a.fileName} (${formatFileSize(a.sizeBytes, i18n.language)})` : a.alt}</span>
              <Button variant="secondary" pending={removingId === a.id} onClick={() => onRemoveExisting?.(a)}>
                {t('ideas.attachments.remove', { name: a.fileName ?? a.alt })}
              </Button>
            </li>
          ))}
          {pending.map((p) => {
            const preview = previews.get(p.key);
            return (
              <li key={p.key} className="attachments-field__item">
                {preview ? <img src={preview} alt="" className="attachments-field__preview" /> : null}
                <div className="attachments-field__detail">
                  <span>
                    {p.file.name} ({formatFileSize(p.file.size, i18n.language)})
                  </span>
                  {preview ? (
                    <TextField
                      id={altFieldId(p.key)}
                      label={t('ideas.attachments.alt', { name: p.file.name })}
                      hint={t('ideas.attachments.altHint')}
                      required
                      maxLength={limits.maxAltLength}
                      value={p.alt}
                      onChange={(e) => onChange(pending.map((q) => (q.key === p.key ? { ...q, alt: e.target.value } : q)))}
                      errors={errors[altFieldId(p.key)]}
                    />
                  ) : null}
                </div>
                <Button variant="secondary" onClick={() => onChange(pending.filter((q) => q.key !== p.key))}>
                  {t('ideas.attachments.remove', { name: p.file.name })}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <TextField
        ref={input}
        id={ATTACHMENTS_INPUT_ID}
        type="file"
        multiple
        disabled={room <= 0}
        accept={[...limits.imageTypes, ...limits.documentTypes].join(',')}
        label={t('ideas.attachments.choose')}
        hint={t('ideas.attachments.hint', {
          max: limits.maxPerIdea,
          image: megabytes(limits.maxImageBytes),
          pdf: megabytes(limits.maxPdfBytes),
        })}
        onChange={(e) => choose(e.target.files)}
        errors={chooserMessages.length > 0 ? chooserMessages : undefined}
      />
    </fieldset>
  );
}
