import { useTranslation } from 'react-i18next';
import type { Answer, SurveySection } from '@contracts/participation-client';
import { formatNumber } from '@/lib/format';
import { localizedName } from '@/lib/roles';

/** What the person submitted, read-only: each question and their answer in words. */
export function SubmittedAnswers({ sections, answers }: { sections: SurveySection[]; answers: Answer[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  const questions = sections.flatMap((s) => s.questions);
  return (
    <dl className="details submitted-answers">
      {questions.map((q, index) => {
        const a = byId.get(q.id);
        const option = (id: string) => localizedName(q.options.find((o) => o.id === id)?.label, language);
        let value: string;
        if (!a) value = t('surveys.mine.noAnswer');
        else if (q.type === 'ranking') value = (a.optionIds ?? []).map((id, i) => `${i + 1}. ${option(id)}`).join(' ; ');
        else if (q.type === 'single_choice' || q.type === 'multiple_choice')
          value = [...(a.optionIds ?? []).map(option), ...(a.otherText ? [t('surveys.mine.other', { text: a.otherText })] : [])].join(
            ' ; ',
          );
        else if (q.type === 'map_point')
          value =
            a.latitude != null && a.longitude != null ? t('surveys.mine.point', { latitude: a.latitude, longitude: a.longitude }) : '';
        else if (q.type === 'linear_scale' || q.type === 'number') value = a.number != null ? formatNumber(a.number, language) : '';
        else value = a.text ?? '';
        return (
          <div className="details__row" key={q.id}>
            <dt>{t('surveys.answer.label', { number: index + 1, title: localizedName(q.title, language) })}</dt>
            <dd className="plain-text">{value || t('surveys.mine.noAnswer')}</dd>
          </div>
        );
      })}
    </dl>
  );
}
