import { useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetPlatformMapSettings, QuestionType, SurveySection, SurveyView } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { StatusMessage } from '@/components/ui/status-message';
import type { FieldErrors } from '@/lib/forms';
import {
  allQuestions,
  builderProblems,
  builderReducer,
  canMoveQuestion,
  docFromView,
  fieldKey,
  mapBuilderErrors,
  newKey,
  settingsFor,
  toSaveRequest,
  type BuilderDoc,
  type Direction,
} from '../api/builder';
import { POLL_MAX_QUESTIONS, POLL_TYPES, QUESTION_TYPES, hasOptions, useSaveSurvey } from '../api/surveys';
import { QuestionEditor, type BuilderIds } from './question-editor';
import { LanguageFields } from './language-fields';
import { MoveButtons } from './move-buttons';
import { SurveyForm } from './survey-form';

export interface SurveyBuilderProps {
  view: SurveyView;
  map?: GetPlatformMapSettings;
  /** Reads the saved questionnaire again (after a 409). */
  onReload: () => Promise<SurveyView | undefined>;
}

/** Ids of the builder's fields, so messages, summary links and focus find them. */
export const ids: BuilderIds = {
  question: (q) => `bq-${q}`,
  questionTitle: (q, l = 'fr') => `bq-${q}-title-${l}`,
  questionHelp: (q, l = 'fr') => `bq-${q}-help-${l}`,
  questionOptions: (q) => `bq-${q}-options`,
  setting: (q, name) => (name === 'minLabel' || name === 'maxLabel' ? `bq-${q}-${name}-fr` : `bq-${q}-${name}`),
  option: (o, l = 'fr') => `bo-${o}-${l}`,
  move: (item, direction) => `move-${item}-${direction < 0 ? 'up' : 'down'}`,
  section: (s) => `bs-${s}`,
  sectionTitle: (s, l = 'fr') => `bs-${s}-title-${l}`,
  addQuestion: (s) => `bs-${s}-add`,
};

function focusSoon(id: string) {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/** The questionnaire as residents would get it, from the document being edited (for the preview). */
export function previewSections(doc: BuilderDoc): SurveySection[] {
  const clean = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).filter(([, v]) => v.trim()));
  return doc.sections.map((s) => ({
    id: s.key,
    title: clean(s.title),
    description: clean(s.description),
    questions: s.questions.map((q) => {
      const settings = settingsFor(q);
      for (const [k, v] of Object.entries(settings))
        if (typeof v === 'number' && Number.isNaN(v)) delete (settings as Record<string, unknown>)[k];
      return {
        id: q.key,
        type: q.type,
        title: clean(q.title),
        help: clean(q.help),
        required: q.required,
        settings,
        options: hasOptions(q.type) ? q.options.map((o) => ({ id: o.key, label: clean(o.label) })) : [],
      };
    }),
  }));
}

/**
 * The staff's questionnaire builder: pages (optional), questions of eight kinds, their choices; everything moves
 * with "Monter"/"Descendre" buttons (focus follows the item, a live region says where it went); one save sends the
 * whole document with the version it was read at; a preview shows it as residents will answer it, sending nothing.
 */
export function SurveyBuilder({ view, map, onReload }: SurveyBuilderProps) {
  const { t } = useTranslation();
  const [doc, dispatch] = useReducer(builderReducer, view, docFromView);
  const save = useSaveSurvey(view.phaseId);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [announcement, setAnnouncement] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const [previewKey, setPreviewKey] = useState(0);
  const [newType, setNewType] = useState<Record<string, QuestionType>>({});
  const summary = useRef<HTMLDivElement>(null);
  const poll = doc.method === 'poll';
  const locked = doc.locked;
  const types = poll ? POLL_TYPES : [...QUESTION_TYPES];
  const questions = allQuestions(doc);
  const numberOf = new Map(questions.map((q) => [q.question.key, q.number]));

  const apiError = save.error ? toApiError(save.error) : null;
  const errors: FieldErrors = { ...(apiError ? mapBuilderErrors(doc, apiError.fieldErrors) : {}), ...clientErrors };

  function change(action: Parameters<typeof dispatch>[0]) {
    setSaved(null);
    dispatch(action);
  }

  function moveQuestion(key: string, direction: Direction) {
    const next = builderReducer(doc, { type: 'moveQuestion', question: key, direction });
    change({ type: 'moveQuestion', question: key, direction });
    const position = allQuestions(next).find((q) => q.question.key === key)!;
    const title = doc.sections
      .flatMap((s) => s.questions)
      .find((q) => q.key === key)
      ?.title.fr.trim();
    setAnnouncement(
      t(next.sections.length > 1 ? 'surveys.builder.movedQuestionPage' : 'surveys.builder.movedQuestion', {
        title: title || t('surveys.builder.untitled'),
        position: position.number,
        count: questions.length,
        page: position.section + 1,
      }),
    );
    focusSoon(ids.move(key, canMoveQuestion(next, key, direction) ? direction : (-direction as Direction)));
  }

  function moveOption(question: string, option: string, direction: Direction) {
    const q = doc.sections.flatMap((s) => s.questions).find((x) => x.key === question)!;
    const index = q.options.findIndex((o) => o.key === option);
    const target = index + direction;
    if (target < 0 || target >= q.options.length) return;
    change({ type: 'moveOption', question, option, direction });
    setAnnouncement(
      t('surveys.builder.movedOption', {
        label: q.options[index].label.fr.trim() || t('surveys.builder.untitled'),
        position: target + 1,
        count: q.options.length,
      }),
    );
    const atEnd = target === 0 || target === q.options.length - 1;
    focusSoon(ids.move(option, atEnd ? (-direction as Direction) : direction));
  }

  function moveSection(section: string, direction: Direction) {
    const index = doc.sections.findIndex((s) => s.key === section);
    const target = index + direction;
    if (target < 0 || target >= doc.sections.length) return;
    change({ type: 'moveSection', section, direction });
    setAnnouncement(t('surveys.builder.movedSection', { from: index + 1, position: target + 1, count: doc.sections.length }));
    const atEnd = target === 0 || target === doc.sections.length - 1;
    focusSoon(ids.move(section, atEnd ? (-direction as Direction) : direction));
  }

  function addQuestion(section: string) {
    const key = newKey('q');
    change({ type: 'addQuestion', section, questionType: newType[section] ?? types[0], key });
    setAnnouncement(t('surveys.builder.addedQuestion', { number: questions.length + 1 }));
    focusSoon(ids.questionTitle(key));
  }

  function removeQuestion(key: string, section: string) {
    change({ type: 'removeQuestion', question: key });
    setAnnouncement(t('surveys.builder.removedQuestion', { number: numberOf.get(key) }));
    focusSoon(ids.addQuestion(section));
  }

  function addOption(question: string) {
    const key = newKey('o');
    change({ type: 'addOption', question, key });
    focusSoon(ids.option(key));
  }

  function removeOption(question: string, option: string, label: string) {
    change({ type: 'removeOption', question, option });
    setAnnouncement(t('surveys.builder.removedOption', { label: label || t('surveys.builder.untitled') }));
    focusSoon(`bq-${question}-add-option`);
  }

  function submit() {
    const found: FieldErrors = {};
    for (const [key, problem] of Object.entries(builderProblems(doc))) found[key] = [t(`surveys.builder.errors.${problem}`)];
    setClientErrors(found);
    setSaved(null);
    if (Object.keys(found).length > 0) {
      save.reset();
      focusSoon('builder-summary');
      return;
    }
    save.mutate(toSaveRequest(doc), {
      onSuccess: (next) => {
        dispatch({ type: 'load', doc: docFromView(next) });
        setSaved(t('surveys.builder.saved', { count: allQuestions(docFromView(next)).length }));
      },
      onError: () => focusSoon('builder-summary'),
    });
  }

  async function reload() {
    const fresh = await onReload();
    if (fresh) {
      save.reset();
      setClientErrors({});
      dispatch({ type: 'load', doc: docFromView(fresh) });
      setAnnouncement(t('surveys.builder.reloaded'));
    }
  }

  // The summary: each message with what it is about, linked to its field.
  const summaryItems: { id?: string; text: string }[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const text = messages.join(' ');
    const [kind, item, rest] = key.split(':');
    if (kind === 'q') {
      const n = numberOf.get(item);
      const id =
        rest === 'title'
          ? ids.questionTitle(item)
          : rest === 'help'
            ? ids.questionHelp(item)
            : rest === 'options'
              ? ids.questionOptions(item)
              : rest?.startsWith('settings.')
                ? ids.setting(item, rest.slice('settings.'.length))
                : ids.question(item);
      summaryItems.push({ id, text: t('surveys.builder.summaryQuestion', { number: n, message: text }) });
    } else if (kind === 'o') {
      const owner = questions.find((q) => q.question.options.some((o) => o.key === item));
      const index = owner ? owner.question.options.findIndex((o) => o.key === item) + 1 : 0;
      summaryItems.push({
        id: ids.option(item),
        text: t('surveys.builder.summaryOption', { number: owner?.number, option: index, message: text }),
      });
    } else if (kind === 's') {
      const index = doc.sections.findIndex((s) => s.key === item) + 1;
      summaryItems.push({
        id: rest === 'title' ? ids.sectionTitle(item) : ids.section(item),
        text: t('surveys.builder.summarySection', { page: index, message: text }),
      });
    } else summaryItems.push({ text });
  }
  const conflict = apiError?.status === 409;
  let summaryTitle: string | null = null;
  if (summaryItems.length > 0) summaryTitle = t('surveys.builder.summaryTitle');
  else if (apiError && !conflict) summaryTitle = describeError(t, apiError);

  return (
    <div className="survey-builder stack">
      {locked ? (
        <Alert variant="warning" title={t('surveys.builder.lockedTitle', { count: doc.responses })}>
          <p>{t('surveys.builder.lockedBody')}</p>
        </Alert>
      ) : null}
      <p className="muted">{t(poll ? 'surveys.builder.introPoll' : 'surveys.builder.intro')}</p>
      <div className="toolbar">
        <Button
          variant="secondary"
          aria-pressed={preview}
          onClick={() => {
            setPreview(!preview);
            setPreviewKey((k) => k + 1);
          }}
        >
          {t('surveys.builder.previewToggle')}
        </Button>
      </div>
      {preview ? (
        <section className="panel builder-preview" aria-labelledby="builder-preview-title">
          <h2 id="builder-preview-title">{t('surveys.preview.title')}</h2>
          <Alert variant="info" title={t('surveys.preview.note')} />
          <SurveyForm key={previewKey} sections={previewSections(doc)} idPrefix="preview" map={map} preview onSubmit={() => undefined} />
        </section>
      ) : null}
      <div
        id="builder-summary"
        ref={summary}
        tabIndex={-1}
        role="alert"
        className={summaryTitle || conflict ? 'alert alert--error' : 'visually-empty'}
      >
        {conflict ? (
          <>
            <p className="alert__title">{t('surveys.builder.conflictTitle')}</p>
            {apiError?.detail ? <p className="alert__body">{apiError.detail}</p> : null}
            <p className="alert__body">{t('surveys.builder.conflictBody')}</p>
            <Button variant="secondary" onClick={() => void reload()}>
              {t('surveys.builder.reload')}
            </Button>
          </>
        ) : summaryTitle ? (
          <>
            <p className="alert__title">{summaryTitle}</p>
            {summaryItems.length > 0 ? (
              <ul className="alert__list">
                {summaryItems.map((item, i) => (
                  <li key={i}>
                    {item.id ? (
                      <a
                        href={`#${item.id}`}
                        onClick={(event) => {
                          event.preventDefault();
                          document.getElementById(item.id!)?.focus();
                        }}
                      >
                        {item.text}
                      </a>
                    ) : (
                      item.text
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      {doc.sections.map((section, sectionIndex) => {
        const sectionTitleId = `bs-${section.key}-heading`;
        const multiple = doc.sections.length > 1;
        return (
          <section key={section.key} className="panel builder-section" aria-labelledby={sectionTitleId}>
            <h2 id={sectionTitleId}>
              <span id={ids.section(section.key)} tabIndex={-1}>
                {poll
                  ? t('surveys.builder.pollQuestions')
                  : multiple
                    ? t('surveys.builder.page', { n: sectionIndex + 1 })
                    : t('surveys.builder.questions')}
              </span>
            </h2>
            {!poll ? (
              <>
                <LanguageFields
                  idFor={(l) => ids.sectionTitle(section.key, l)}
                  labelFor={(l) => t(`surveys.builder.sectionTitleIn.${l}`)}
                  values={section.title}
                  onChange={(language, value) => change({ type: 'sectionText', section: section.key, field: 'title', language, value })}
                  errors={errors[fieldKey.sectionTitle(section.key)]}
                  maxLength={200}
                />
                <LanguageFields
                  idFor={(l) => `bs-${section.key}-description-${l}`}
                  labelFor={(l) => t(`surveys.builder.sectionDescriptionIn.${l}`)}
                  values={section.description}
                  onChange={(language, value) =>
                    change({ type: 'sectionText', section: section.key, field: 'description', language, value })
                  }
                  multiline
                  maxLength={2000}
                />
                {errors[fieldKey.section(section.key)] ? (
                  <p className="field__error">{errors[fieldKey.section(section.key)].join(' ')}</p>
                ) : null}
              </>
            ) : null}
            {multiple && !locked ? (
              <div className="toolbar">
                <MoveButtons
                  id={(direction) => ids.move(section.key, direction)}
                  canMoveUp={sectionIndex > 0}
                  canMoveDown={sectionIndex < doc.sections.length - 1}
                  upLabel={t('surveys.builder.moveSectionUp', { n: sectionIndex + 1 })}
                  downLabel={t('surveys.builder.moveSectionDown', { n: sectionIndex + 1 })}
                  onMove={(direction) => moveSection(section.key, direction)}
                />
                <Button
                  variant="secondary"
                  className="button--small"
                  onClick={() => {
                    change({ type: 'removeSection', section: section.key });
                    setAnnouncement(t('surveys.builder.removedSection', { n: sectionIndex + 1 }));
                    focusSoon('builder-add-section');
                  }}
                  aria-label={t('surveys.builder.removeSection', { n: sectionIndex + 1 })}
                >
                  {t('common.remove')}
                </Button>
              </div>
            ) : null}
            {section.questions.length === 0 ? <p className="muted">{t('surveys.builder.emptySection')}</p> : null}
            <ol className="builder-questions">
              {section.questions.map((question) => (
                <li key={question.key}>
                  <QuestionEditor
                    question={question}
                    number={numberOf.get(question.key)!}
                    types={types}
                    locked={locked}
                    errors={errors}
                    ids={ids}
                    canMoveUp={canMoveQuestion(doc, question.key, -1)}
                    canMoveDown={canMoveQuestion(doc, question.key, 1)}
                    onMove={(direction) => moveQuestion(question.key, direction)}
                    onRemove={() => removeQuestion(question.key, section.key)}
                    onAction={change}
                    onMoveOption={(option, direction) => moveOption(question.key, option, direction)}
                    onAddOption={() => addOption(question.key)}
                    onRemoveOption={(option, label) => removeOption(question.key, option, label)}
                  />
                </li>
              ))}
            </ol>
            {!locked ? (
              poll && questions.length >= POLL_MAX_QUESTIONS ? (
                <p className="muted">{t('surveys.builder.pollLimit', { count: POLL_MAX_QUESTIONS })}</p>
              ) : (
                <div className="builder-add">
                  <SelectField
                    id={`bs-${section.key}-type`}
                    label={t('surveys.builder.newType')}
                    value={newType[section.key] ?? types[0]}
                    onChange={(e) => setNewType({ ...newType, [section.key]: e.target.value as QuestionType })}
                    options={types.map((type) => ({ value: type, label: t(`surveys.types.${type}`) }))}
                  />
                  <Button id={ids.addQuestion(section.key)} variant="secondary" onClick={() => addQuestion(section.key)}>
                    {multiple ? t('surveys.builder.addQuestionTo', { n: sectionIndex + 1 }) : t('surveys.builder.addQuestion')}
                  </Button>
                </div>
              )
            ) : null}
          </section>
        );
      })}
      {!poll && !locked ? (
        <Button
          id="builder-add-section"
          variant="secondary"
          onClick={() => {
            const key = newKey('s');
            change({ type: 'addSection', key });
            setAnnouncement(t('surveys.builder.addedSection', { n: doc.sections.length + 1 }));
            focusSoon(ids.sectionTitle(key));
          }}
        >
          {t('surveys.builder.addSection')}
        </Button>
      ) : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <StatusMessage>{saved}</StatusMessage>
      <div className="form__actions">
        <Button onClick={submit} pending={save.isPending}>
          {t('surveys.builder.save')}
        </Button>
      </div>
    </div>
  );
}
