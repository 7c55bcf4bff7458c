import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetPlatformMapSettings, SurveyQuestion } from '@contracts/participation-client';
import { useGeocoder } from '@/api/geocoder';
import { LocationPicker } from '@/components/map/location-picker';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { localizedName } from '@/lib/roles';
import { rankingOrder, textLimit, type DraftAnswer } from '../api/answers';
import { LocalizedInSentence, LocalizedText } from '@/components/ui/localized-text';

export interface QuestionFieldProps {
  question: SurveyQuestion;
  /** Its number across the survey (1-based). */
  number: number;
  answer: DraftAnswer | undefined;
  onChange: (answer: DraftAnswer) => void;
  /** The message to show beside the question (client check or the API's). */
  error?: string;
  idPrefix: string;
  /** The base map, for map questions (undefined while it loads). */
  map?: GetPlatformMapSettings;
}

/** The element an error summary's link moves focus to. */
export function questionFocusId(idPrefix: string, question: SurveyQuestion): string {
  const id = `${idPrefix}-${question.id}`;
  return question.type === 'short_text' || question.type === 'long_text' || question.type === 'number' ? `${id}-input` : id;
}

/**
 * One question as residents answer it: a fieldset and legend for choices, scales and rankings, a labelled input
 * for texts and numbers; required said in words; the help and the error linked with aria-describedby.
 */
export function QuestionField({ question, number, answer, onChange, error, idPrefix, map }: QuestionFieldProps) {
  const { t, i18n } = useTranslation();
  const geocoder = useGeocoder(map);
  const language = i18n.language;
  const id = `${idPrefix}-${question.id}`;
  const title = localizedName(question.title, language);
  const help = localizedName(question.help, language);
  const labelKey = question.required ? 'surveys.answer.labelRequired' : 'surveys.answer.label';
  const label = t(labelKey, { number, title });
  // What the legend or label shows: the same words, the title marked when it is in another language than the page's.
  const labelNode = <LocalizedInSentence sentence={(slot) => t(labelKey, { number, title: slot })} value={question.title} />;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const a = answer ?? {};
  const set = (patch: Partial<DraftAnswer>) => onChange({ ...a, ...patch });

  const helpText = help ? (
    <p className="field__hint" id={helpId}>
      <LocalizedText value={question.help} />
    </p>
  ) : null;
  const errorText = error ? (
    <p className="field__error" id={errorId}>
      {error}
    </p>
  ) : null;
  const describedBy = (...more: (string | undefined)[]) => [helpId, ...more, errorId].filter(Boolean).join(' ') || undefined;

  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const multiple = question.type === 'multiple_choice';
      const s = question.settings;
      const rule =
        multiple && (s.minSelections != null || s.maxSelections != null)
          ? s.minSelections != null && s.maxSelections != null
            ? t('surveys.answer.between', { min: s.minSelections, max: s.maxSelections })
            : s.minSelections != null
              ? t('surveys.answer.atLeast', { count: s.minSelections })
              : t('surveys.answer.atMost', { count: s.maxSelections })
          : multiple
            ? t('surveys.answer.several')
            : null;
      const ruleId = rule ? `${id}-rule` : undefined;
      const chosen = a.optionIds ?? [];
      const toggle = (optionId: string, checked: boolean) => {
        if (!multiple) set({ optionIds: [optionId], other: false });
        else set({ optionIds: checked ? [...chosen, optionId] : chosen.filter((o) => o !== optionId) });
      };
      return (
        <fieldset
          id={id}
          tabIndex={-1}
          className={['fieldset', 'question', error ? 'field--invalid' : ''].join(' ').trim()}
          aria-describedby={describedBy(ruleId)}
        >
          <legend className="fieldset__legend">{labelNode}</legend>
          {helpText}
          {rule ? (
            <p className="field__hint" id={ruleId}>
              {rule}
            </p>
          ) : null}
          {errorText}
          {question.options.map((option) => (
            <div className="choice" key={option.id}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={`${id}-${option.id}`}
                name={id}
                checked={chosen.includes(option.id)}
                onChange={(e) => toggle(option.id, e.target.checked)}
              />
              <label htmlFor={`${id}-${option.id}`}>
                <LocalizedText value={option.label} />
              </label>
            </div>
          ))}
          {question.settings.allowOther ? (
            <>
              <div className="choice">
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  id={`${id}-other`}
                  name={id}
                  checked={!!a.other}
                  onChange={(e) => (multiple ? set({ other: e.target.checked }) : set({ other: true, optionIds: [] }))}
                />
                <label htmlFor={`${id}-other`}>{t('surveys.answer.other')}</label>
              </div>
              {a.other ? (
                <div className="field question__other">
                  <label className="field__label" htmlFor={`${id}-other-text`}>
                    {t('surveys.answer.otherText')}
                  </label>
                  <input
                    id={`${id}-other-text`}
                    className="field__input"
                    maxLength={500}
                    value={a.otherText ?? ''}
                    onChange={(e) => set({ otherText: e.target.value })}
                  />
                </div>
              ) : null}
            </>
          ) : null}
        </fieldset>
      );
    }
    case 'short_text':
    case 'long_text': {
      const max = textLimit(question);
      const length = a.text?.length ?? 0;
      const counterId = `${id}-counter`;
      const common = {
        id: `${id}-input`,
        className: question.type === 'long_text' ? 'field__input field__textarea' : 'field__input',
        value: a.text ?? '',
        maxLength: max,
        required: question.required,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(counterId),
      } as const;
      return (
        <div id={id} className={['field', 'question', error ? 'field--invalid' : ''].join(' ').trim()}>
          <label className="field__label" htmlFor={`${id}-input`}>
            {labelNode}
          </label>
          {helpText}
          {errorText}
          {question.type === 'long_text' ? (
            <textarea {...common} rows={6} onChange={(e) => set({ text: e.target.value })} />
          ) : (
            <input {...common} type="text" onChange={(e) => set({ text: e.target.value })} />
          )}
          <p className="field__hint question__counter" id={counterId}>
            {t('surveys.answer.counter', { count: length, max })}
          </p>
        </div>
      );
    }
    case 'linear_scale': {
      const points = question.settings.scalePoints ?? 5;
      const minLabel = localizedName(question.settings.minLabel, language);
      const maxLabel = localizedName(question.settings.maxLabel, language);
      const endsId = `${id}-ends`;
      return (
        <fieldset
          id={id}
          tabIndex={-1}
          className={['fieldset', 'question', error ? 'field--invalid' : ''].join(' ').trim()}
          aria-describedby={describedBy(endsId)}
        >
          <legend className="fieldset__legend">{labelNode}</legend>
          {helpText}
          <p className="field__hint" id={endsId}>
            {minLabel || maxLabel
              ? t('surveys.answer.scaleRangeLabels', { max: points, minLabel: minLabel || '1', maxLabel: maxLabel || String(points) })
              : t('surveys.answer.scaleRange', { max: points })}
          </p>
          {errorText}
          <div className="scale">
            {Array.from({ length: points }, (_, i) => i + 1).map((n) => {
              const end = n === 1 ? minLabel : n === points ? maxLabel : '';
              return (
                <div className="scale__point" key={n}>
                  <input
                    type="radio"
                    id={`${id}-${n}`}
                    name={id}
                    checked={a.number === String(n)}
                    onChange={() => set({ number: String(n) })}
                  />
                  <label htmlFor={`${id}-${n}`}>
                    {n}
                    {end ? <span className="scale__end"> {end}</span> : null}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      );
    }
    case 'number': {
      const s = question.settings;
      const range =
        s.min != null && s.max != null
          ? t('surveys.answer.numberBetween', { min: s.min, max: s.max })
          : s.min != null
            ? t('surveys.answer.numberMin', { min: s.min })
            : s.max != null
              ? t('surveys.answer.numberMax', { max: s.max })
              : null;
      const rangeText = [range, s.integerOnly ? t('surveys.answer.integer') : null].filter(Boolean).join(' ');
      const rangeId = rangeText ? `${id}-range` : undefined;
      return (
        <div id={id} className={['field', 'question', error ? 'field--invalid' : ''].join(' ').trim()}>
          <label className="field__label" htmlFor={`${id}-input`}>
            {labelNode}
          </label>
          {helpText}
          {rangeText ? (
            <p className="field__hint" id={rangeId}>
              {rangeText}
            </p>
          ) : null}
          {errorText}
          <input
            id={`${id}-input`}
            className="field__input question__number"
            type="number"
            inputMode={s.integerOnly ? 'numeric' : 'decimal'}
            step={s.integerOnly ? 1 : 'any'}
            min={s.min}
            max={s.max}
            required={question.required}
            value={a.number ?? ''}
            onChange={(e) => set({ number: e.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(rangeId)}
          />
        </div>
      );
    }
    case 'ranking':
      return (
        <RankingField
          id={id}
          question={question}
          label={labelNode}
          answer={a}
          onChange={onChange}
          helpText={helpText}
          errorText={errorText}
          describedBy={describedBy(`${id}-how`)}
        />
      );
    case 'map_point':
      return (
        <div id={id} tabIndex={-1} className="question">
          {helpText}
          {map ? (
            <LocationPicker
              tileUrl={map.tileUrl}
              attribution={map.attribution}
              center={{ latitude: map.latitude, longitude: map.longitude }}
              zoom={map.zoom}
              value={a.point ?? null}
              onChange={(point) => set({ point })}
              label={label}
              required={question.required}
              error={error}
              geocoder={geocoder}
            />
          ) : (
            <Loading label={t('common.loading')} />
          )}
        </div>
      );
    default:
      return null;
  }
}

interface RankingFieldProps {
  id: string;
  question: SurveyQuestion;
  label: ReactNode;
  answer: DraftAnswer;
  onChange: (answer: DraftAnswer) => void;
  helpText: ReactNode;
  errorText: ReactNode;
  describedBy: string | undefined;
}

/** Ranking without dragging: each choice moves up or down with a button; focus follows it, a live region says where it went. */
function RankingField({ id, question, label, answer, onChange, helpText, errorText, describedBy }: RankingFieldProps) {
  const { t, i18n } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const order = rankingOrder(question, answer);
  const labelOf = (optionId: string) => localizedName(question.options.find((o) => o.id === optionId)?.label, i18n.language);

  function moveItem(index: number, direction: -1 | 1) {
    const target = index + direction;
    if (target < 0 || target >= order.length) return;
    const next = order.slice();
    [next[index], next[target]] = [next[target], next[index]];
    onChange({ ...answer, ranked: next });
    const optionId = order[index];
    setAnnouncement(t('surveys.answer.rankMoved', { label: labelOf(optionId), position: target + 1, count: order.length }));
    // Focus stays on the moved choice: the same button, or the other one at an end of the list.
    const atEnd = target === 0 || target === order.length - 1;
    const key = `${optionId}:${atEnd ? (direction < 0 ? 'down' : 'up') : direction < 0 ? 'up' : 'down'}`;
    window.setTimeout(() => buttons.current.get(key)?.focus(), 0);
  }

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={['fieldset', 'question', answer.ranked ? '' : 'ranking--unranked'].join(' ').trim()}
      aria-describedby={describedBy}
    >
      <legend className="fieldset__legend">{label}</legend>
      {helpText}
      <p className="field__hint" id={`${id}-how`}>
        {t('surveys.answer.rankingHow')}
      </p>
      {errorText}
      <ol className="ranking">
        {order.map((optionId, index) => {
          const text = labelOf(optionId);
          return (
            <li key={optionId} className="ranking__item">
              <span className="ranking__label">{text}</span>
              <span className="ranking__buttons">
                <Button
                  variant="secondary"
                  className="button--small"
                  ref={(el) => {
                    buttons.current.set(`${optionId}:up`, el);
                  }}
                  aria-label={t('surveys.answer.rankUp', { label: text })}
                  disabled={index === 0}
                  onClick={() => moveItem(index, -1)}
                >
                  {t('surveys.move.up')}
                </Button>
                <Button
                  variant="secondary"
                  className="button--small"
                  ref={(el) => {
                    buttons.current.set(`${optionId}:down`, el);
                  }}
                  aria-label={t('surveys.answer.rankDown', { label: text })}
                  disabled={index === order.length - 1}
                  onClick={() => moveItem(index, 1)}
                >
                  {t('surveys.move.down')}
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
      {!answer.ranked ? (
        <Button variant="secondary" className="button--small" onClick={() => onChange({ ...answer, ranked: order })}>
          {t('surveys.answer.keepOrder')}
        </Button>
      ) : (
        <p className="muted">{t('surveys.answer.ranked')}</p>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </fieldset>
  );
}
