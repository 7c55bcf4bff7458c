import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GetReportResponse, ReportSection } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';
import { TextField } from '@/components/ui/text-field';
import { REPORT_SECTIONS, useSaveReport } from '../api/reports';

/**
 * The moderators' editor: goals and conclusions (rich text, sanitised by the API), the sections shown, the phases whose
 * results are shown and the figures' period. Saves with the version last read; a 409 says someone saved in between.
 * `onSaved` runs once the save is done (the editor is then drawn again from the saved report).
 */
export function ReportEditor({ report, onSaved }: { report: GetReportResponse; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSaveReport(report.projectId);
  const [goals, setGoals] = useState(report.goals);
  const [conclusions, setConclusions] = useState(report.conclusions);
  const [sections, setSections] = useState<ReportSection[]>(report.sections);
  const [phaseIds, setPhaseIds] = useState<string[]>(report.phases.filter((p) => p.included).map((p) => p.id));
  const [from, setFrom] = useState(report.periodFrom ?? '');
  const [to, setTo] = useState(report.periodTo ?? '');
  const error = save.error ? toApiError(save.error) : null;
  const errors = error?.fieldErrors ?? {};

  function toggle<T>(list: T[], value: T, on: boolean): T[] {
    return on ? [...list, value] : list.filter((v) => v !== value);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const all = phaseIds.length === report.phases.length;
    save.mutate(
      {
        version: report.version,
        goals,
        conclusions,
        sections: REPORT_SECTIONS.filter((s) => sections.includes(s)),
        phaseIds: all ? undefined : report.phases.filter((p) => phaseIds.includes(p.id)).map((p) => p.id),
        from: from || undefined,
        to: to || undefined,
      },
      { onSuccess: onSaved },
    );
  }

  return (
    <form className="report__editor stack" onSubmit={submit} aria-labelledby="report-editor-title" noValidate>
      <h2 id="report-editor-title">{t('reports.editor.title')}</h2>
      <RichTextEditor
        id="report-editor-goals"
        label={t('reports.editor.goals')}
        hint={t('reports.editor.htmlHint')}
        value={goals}
        onChange={setGoals}
        errors={errors.goals}
      />
      <RichTextEditor
        id="report-editor-conclusions"
        label={t('reports.editor.conclusions')}
        hint={t('reports.editor.htmlHint')}
        value={conclusions}
        onChange={setConclusions}
        errors={errors.conclusions}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('reports.editor.sections')}</legend>
        {errors.sections ? <p className="field__error">{errors.sections.join(' ')}</p> : null}
        {REPORT_SECTIONS.map((section) => (
          <div className="choice" key={section}>
            <input
              type="checkbox"
              id={`report-section-${section}`}
              checked={sections.includes(section)}
              onChange={(e) => setSections((current) => toggle(current, section, e.target.checked))}
            />
            <label htmlFor={`report-section-${section}`}>{t(`reports.sections.${section}`)}</label>
          </div>
        ))}
      </fieldset>
      {report.phases.length > 0 ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('reports.editor.phases')}</legend>
          {errors.phaseIds ? <p className="field__error">{errors.phaseIds.join(' ')}</p> : null}
          {report.phases.map((phase) => (
            <div className="choice" key={phase.id}>
              <input
                type="checkbox"
                id={`report-phase-${phase.id}-included`}
                checked={phaseIds.includes(phase.id)}
                onChange={(e) => setPhaseIds((current) => toggle(current, phase.id, e.target.checked))}
              />
              <label htmlFor={`report-phase-${phase.id}-included`}>
                {phase.title} ({t(`projects.methods.${phase.method}`)})
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('reports.editor.period')}</legend>
        <p className="field__hint">{t('reports.editor.periodHint')}</p>
        <TextField
          id="report-from"
          type="date"
          label={t('reports.editor.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          errors={errors.from}
        />
        <TextField
          id="report-to"
          type="date"
          label={t('reports.editor.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          errors={errors.to}
        />
      </fieldset>
      {error && error.status === 409 ? (
        <Alert variant="error" role="alert" title={t('reports.editor.conflict')} />
      ) : error && Object.keys(errors).length === 0 ? (
        <Alert variant="error" role="alert" title={describeError(t, error)} />
      ) : null}
      <div>
        <Button type="submit" pending={save.isPending}>
          {t('reports.editor.save')}
        </Button>
      </div>
    </form>
  );
}
