import { useTranslation } from 'react-i18next';
import type { QuestionType } from '@contracts/participation-client';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { FieldErrors } from '@/lib/forms';
import { fieldKey, type BuilderAction, type Direction, type DraftQuestion, type SettingName } from '../api/builder';
import { hasOptions } from '../api/surveys';
import { LanguageFields } from './language-fields';
import { MoveButtons } from './move-buttons';

export interface BuilderIds {
  question: (q: string) => string;
  questionTitle: (q: string, language?: string) => string;
  questionHelp: (q: string, language?: string) => string;
  questionOptions: (q: string) => string;
  setting: (q: string, name: string) => string;
  option: (o: string, language?: string) => string;
  move: (item: string, direction: Direction) => string;
  section: (s: string) => string;
  sectionTitle: (s: string, language?: string) => string;
  addQuestion: (s: string) => string;
}

export interface QuestionEditorProps {
  question: DraftQuestion;
  number: number;
  types: QuestionType[];
  /** Responses exist: only the wording may change. */
  locked: boolean;
  errors: FieldErrors;
  ids: BuilderIds;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: Direction) => void;
  onRemove: () => void;
  onAction: (action: BuilderAction) => void;
  onMoveOption: (option: string, direction: Direction) => void;
  onAddOption: () => void;
  onRemoveOption: (option: string, label: string) => void;
}

/** One question of the builder: type, texts in three languages, required, its type's settings and choices. */
export function QuestionEditor({
  question: q,
  number,
  types,
  locked,
  errors,
  ids,
  canMoveUp,
  canMoveDown,
  onMove,
  onRemove,
  onAction,
  onMoveOption,
  onAddOption,
  onRemoveOption,
}: QuestionEditorProps) {
  const { t } = useTranslation();
  const key = q.key;
  const headingId = `bq-${key}-heading`;
  const typeName = t(`surveys.types.${q.type}`);
  const setting = (name: SettingName, value: string | boolean | Record<string, string>) =>
    onAction({ type: 'setting', question: key, name, value });
  const settingErrors = (name: string) => errors[fieldKey.setting(key, name)];
  const numberSetting = (
    name: 'minSelections' | 'maxSelections' | 'maxLength' | 'scalePoints' | 'min' | 'max',
    hint?: string,
    min?: number,
    max?: number,
  ) => (
    <TextField
      id={ids.setting(key, name)}
      type="number"
      inputMode={name === 'min' || name === 'max' ? 'decimal' : 'numeric'}
      min={min}
      max={max}
      step={name === 'min' || name === 'max' ? 'any' : 1}
      label={t(`surveys.builder.settings.${name}`)}
      hint={hint}
      value={q.settings[name]}
      onChange={(e) => setting(name, e.target.value)}
      errors={settingErrors(name)}
      disabled={locked}
    />
  );
  const checkSetting = (name: 'allowOther' | 'integerOnly') => (
    <div className={settingErrors(name)?.length ? 'field field--invalid' : 'field'}>
      {settingErrors(name)?.length ? (
        <p className="field__error" id={`${ids.setting(key, name)}-error`}>
          {settingErrors(name).join(' ')}
        </p>
      ) : null}
      <div className="choice">
        <input
          type="checkbox"
          id={ids.setting(key, name)}
          checked={q.settings[name]}
          disabled={locked}
          aria-describedby={settingErrors(name)?.length ? `${ids.setting(key, name)}-error` : undefined}
          onChange={(e) => setting(name, e.target.checked)}
        />
        <label htmlFor={ids.setting(key, name)}>{t(`surveys.builder.settings.${name}`)}</label>
      </div>
    </div>
  );
  const titleShown = q.title.fr.trim();

  return (
    <article id={ids.question(key)} tabIndex={-1} className="card builder-question" aria-labelledby={headingId}>
      <div className="card__header">
        <h3 className="card__title" id={headingId}>
          {t('surveys.builder.questionHeading', { number, type: typeName })}
          {titleShown ? <span className="builder-question__title"> — {titleShown}</span> : null}
        </h3>
        {!locked ? (
          <div className="card__actions">
            <MoveButtons
              id={(direction) => ids.move(key, direction)}
              canMoveUp={canMoveUp}
              canMoveDown={canMoveDown}
              upLabel={t('surveys.builder.moveQuestionUp', { number })}
              downLabel={t('surveys.builder.moveQuestionDown', { number })}
              onMove={onMove}
            />
            <Button
              variant="secondary"
              className="button--small"
              aria-label={t('surveys.builder.removeQuestion', { number })}
              onClick={onRemove}
            >
              {t('common.remove')}
            </Button>
          </div>
        ) : null}
      </div>
      {errors[fieldKey.question(key)] ? <p className="field__error">{errors[fieldKey.question(key)].join(' ')}</p> : null}
      <SelectField
        id={`bq-${key}-type`}
        label={t('surveys.builder.type', { number })}
        value={q.type}
        disabled={locked}
        onChange={(e) => onAction({ type: 'questionType', question: key, questionType: e.target.value as QuestionType })}
        options={(types.includes(q.type) ? types : [...types, q.type]).map((type) => ({ value: type, label: t(`surveys.types.${type}`) }))}
      />
      <LanguageFields
        idFor={(l) => ids.questionTitle(key, l)}
        labelFor={(l) => t(`surveys.builder.titleIn.${l}`, { number })}
        values={q.title}
        onChange={(language, value) => onAction({ type: 'questionText', question: key, field: 'title', language, value })}
        errors={errors[fieldKey.questionTitle(key)]}
        required
        maxLength={300}
      />
      <LanguageFields
        idFor={(l) => ids.questionHelp(key, l)}
        labelFor={(l) => t(`surveys.builder.helpIn.${l}`, { number })}
        values={q.help}
        onChange={(language, value) => onAction({ type: 'questionText', question: key, field: 'help', language, value })}
        errors={errors[fieldKey.questionHelp(key)]}
        maxLength={1000}
      />
      <div className="choice">
        <input
          type="checkbox"
          id={`bq-${key}-required`}
          checked={q.required}
          disabled={locked}
          onChange={(e) => onAction({ type: 'required', question: key, value: e.target.checked })}
        />
        <label htmlFor={`bq-${key}-required`}>{t('surveys.builder.required', { number })}</label>
      </div>
      {q.type === 'single_choice' ? checkSetting('allowOther') : null}
      {q.type === 'multiple_choice' ? (
        <>
          <div className="form__row">
            {numberSetting('minSelections', undefined, 1)}
            {numberSetting('maxSelections', undefined, 1)}
          </div>
          {checkSetting('allowOther')}
        </>
      ) : null}
      {q.type === 'short_text' || q.type === 'long_text'
        ? numberSetting('maxLength', t('surveys.builder.settings.maxLengthHint'), 1, 10000)
        : null}
      {q.type === 'linear_scale' ? (
        <>
          {numberSetting('scalePoints', t('surveys.builder.settings.scalePointsHint'), 2, 11)}
          <LanguageFields
            idFor={(l) => `bq-${key}-minLabel-${l}`}
            labelFor={(l) => t(`surveys.builder.settings.minLabelIn.${l}`)}
            values={q.settings.minLabel}
            onChange={(language, value) => setting('minLabel', { ...q.settings.minLabel, [language]: value })}
            errors={settingErrors('minLabel')}
            maxLength={100}
          />
          <LanguageFields
            idFor={(l) => `bq-${key}-maxLabel-${l}`}
            labelFor={(l) => t(`surveys.builder.settings.maxLabelIn.${l}`)}
            values={q.settings.maxLabel}
            onChange={(language, value) => setting('maxLabel', { ...q.settings.maxLabel, [language]: value })}
            errors={settingErrors('maxLabel')}
            maxLength={100}
          />
        </>
      ) : null}
      {q.type === 'number' ? (
        <>
          <div className="form__row">
            {numberSetting('min')}
            {numberSetting('max')}
          </div>
          {checkSetting('integerOnly')}
        </>
      ) : null}
      {hasOptions(q.type) ? (
        <fieldset
          id={ids.questionOptions(key)}
          tabIndex={-1}
          className={['fieldset', errors[fieldKey.questionOptions(key)] ? 'field--invalid' : ''].join(' ').trim()}
          aria-describedby={errors[fieldKey.questionOptions(key)] ? `${ids.questionOptions(key)}-error` : undefined}
        >
          <legend className="fieldset__legend">{t('surveys.builder.options', { number })}</legend>
          {errors[fieldKey.questionOptions(key)] ? (
            <p className="field__error" id={`${ids.questionOptions(key)}-error`}>
              {errors[fieldKey.questionOptions(key)].join(' ')}
            </p>
          ) : null}
          <ol className="builder-options">
            {q.options.map((option, index) => {
              const n = index + 1;
              return (
                <li key={option.key} className="builder-option">
                  <LanguageFields
                    idFor={(l) => ids.option(option.key, l)}
                    labelFor={(l) => t(`surveys.builder.optionIn.${l}`, { n })}
                    values={option.label}
                    onChange={(language, value) => onAction({ type: 'optionLabel', question: key, option: option.key, language, value })}
                    errors={errors[fieldKey.option(option.key)]}
                    required
                    maxLength={200}
                  />
                  {!locked ? (
                    <div className="toolbar">
                      <MoveButtons
                        id={(direction) => ids.move(option.key, direction)}
                        canMoveUp={index > 0}
                        canMoveDown={index < q.options.length - 1}
                        upLabel={t('surveys.builder.moveOptionUp', { n, number })}
                        downLabel={t('surveys.builder.moveOptionDown', { n, number })}
                        onMove={(direction) => onMoveOption(option.key, direction)}
                      />
                      <Button
                        variant="secondary"
                        className="button--small"
                        aria-label={t('surveys.builder.removeOption', { n, number })}
                        onClick={() => onRemoveOption(option.key, option.label.fr.trim())}
                      >
                        {t('common.remove')}
                      </Button>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {!locked ? (
            <Button id={`bq-${key}-add-option`} variant="secondary" className="button--small" onClick={onAddOption}>
              {t('surveys.builder.addOption', { number })}
            </Button>
          ) : null}
        </fieldset>
      ) : null}
    </article>
  );
}
