import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { projectQueryOptions } from '@/features/projects/api/projects';
import { surveyQueryOptions } from '@/features/surveys/api/surveys';
import { SurveyBuilder } from '@/features/surveys/components/survey-builder';
import { localizedName } from '@/lib/roles';
import { Forbidden } from '../forbidden';
import { phaseResultsPath } from '../phase-results';

/** The questionnaire builder of a survey or poll phase, for the project's staff. */
export function AdminSurveyBuilderRoute() {
  const { t, i18n } = useTranslation();
  const { id = '', phaseId = '' } = useParams();
  const project = useQuery(projectQueryOptions(id));
  const survey = useQuery(surveyQueryOptions(phaseId));
  const platform = useQuery(platformQueryOptions());

  if (project.isPending || survey.isPending) return <Loading label={t('common.loading')} />;
  const failed = project.error ?? survey.error;
  if (failed) {
    const error = toApiError(failed);
    if (error.status === 404 || error.status === 403) return <Forbidden />;
    return <Alert variant="error" role="alert" title={describeError(t, error)} />;
  }
  const data = project.data!;
  if (!data.staff) return <Forbidden />;
  const phase = data.phases.find((p) => p.id === phaseId);
  const phaseTitle = localizedName(phase?.title, i18n.language);
  if (!phase || (phase.method !== 'survey' && phase.method !== 'poll')) {
    return (
      <Page title={t('surveys.builderPage.loading')}>
        <Alert variant="warning" title={t('surveys.builderPage.notSurvey')} />
      </Page>
    );
  }
  return (
    <Page title={t(phase.method === 'poll' ? 'surveys.builderPage.titlePoll' : 'surveys.builderPage.title', { phase: phaseTitle })}>
      <nav className="inline-nav" aria-label={t('projects.editor.sections')}>
        <ul className="inline-list">
          <li>
            <Link to={`/admin/projects/${data.id}`}>
              {t('surveys.builderPage.back', { title: localizedName(data.title, i18n.language) })}
            </Link>
          </li>
          <li>
            <Link to={phaseResultsPath(data.id, phase.id)}>{t('surveys.builderPage.results')}</Link>
          </li>
        </ul>
      </nav>
      <SurveyBuilder view={survey.data!} map={platform.data?.map} onReload={async () => (await survey.refetch()).data} />
    </Page>
  );
}
