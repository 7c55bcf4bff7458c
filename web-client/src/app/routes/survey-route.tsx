import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { ResendConfirmationButton } from '@/features/auth/components/resend-confirmation-button';
import { platformQueryOptions } from '@/features/platform/api/platform';
import { projectActionsQueryOptions, projectKeys, projectQueryOptions } from '@/features/projects/api/projects';
import { fromAnswers } from '@/features/surveys/api/answers';
import {
  myResponseQueryOptions,
  respondentToken,
  surveyQueryOptions,
  useSaveDraft,
  useSubmitResponse,
} from '@/features/surveys/api/surveys';
import { SubmittedAnswers } from '@/features/surveys/components/submitted-answers';
import { SurveyForm } from '@/features/surveys/components/survey-form';
import { SurveyReason } from '@/features/surveys/components/survey-reason';
import { useSessionStatus } from '@/lib/auth/session-store';
import { formatDateTime } from '@/lib/format';
import { localizedName } from '@/lib/roles';
import { NotFoundRoute } from './not-found-route';

/** Answering a survey: one page per section, a draft to finish later, then the answers read-only. */
export function SurveyRoute() {
  const { t, i18n } = useTranslation();
  const { projectId = '', phaseId = '' } = useParams();
  const status = useSessionStatus();
  const signedIn = status === 'authenticated';
  const queryClient = useQueryClient();
  const project = useQuery({ ...projectQueryOptions(projectId), enabled: status !== 'restoring' });
  const survey = useQuery({ ...surveyQueryOptions(phaseId), enabled: status !== 'restoring' });
  const actions = useQuery({ ...projectActionsQueryOptions(projectId), enabled: status !== 'restoring' });
  const mine = useQuery({
    ...myResponseQueryOptions(phaseId, signedIn ? undefined : respondentToken()),
    enabled: status !== 'restoring',
    retry: false,
  });
  const platform = useQuery(platformQueryOptions());
  const saveDraft = useSaveDraft(phaseId);
  const submit = useSubmitResponse(phaseId);
  const [draftNotice, setDraftNotice] = useState<string | null>(null);
  const [justSent, setJustSent] = useState(false);
  const done = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (justSent) done.current?.focus();
  }, [justSent]);

  const phase = project.data?.phases.find((p) => p.id === phaseId);
  const title = t('surveys.page.title', { phase: localizedName(phase?.title, i18n.language) });
  if (status === 'restoring' || project.isPending || survey.isPending || mine.isPending) {
    return (
      <Page title={t('surveys.page.loading')}>
        <Loading label={t('common.loading')} />
      </Page>
    );
  }
  const failed = project.error ?? survey.error;
  if (failed) {
    if (toApiError(failed).status === 404) return <NotFoundRoute />;
    return (
      <Page title={t('surveys.page.loading')}>
        <Alert variant="error" role="alert" title={describeError(t, toApiError(failed))} />
      </Page>
    );
  }
  if (!phase || phase.method !== 'survey' || !survey.data) return <NotFoundRoute />;
  const back = (
    <p>
      <Link to={`/projects/${projectId}`}>{t('surveys.page.back', { title: localizedName(project.data!.title, i18n.language) })}</Link>
    </p>
  );
  const sections = survey.data.sections;
  const everyone = phase.settings.permissions?.answer === 'everyone';
  const decision = actions.data?.phase?.id === phaseId ? actions.data.actions.find((a) => a.action === 'answer') : undefined;
  const resendAction = signedIn ? <ResendConfirmationButton /> : undefined;

  if (mine.data?.status === 'submitted' || justSent) {
    const answers = mine.data?.answers ?? [];
    return (
      <Page title={title}>
        {back}
        <div ref={done} tabIndex={-1}>
          {justSent ? (
            <Alert variant="success" role="status" title={t('surveys.page.thanksTitle')}>
              <p>{t('surveys.page.thanksBody')}</p>
            </Alert>
          ) : (
            <Alert variant="info" title={t('surveys.page.alreadyTitle')}>
              <p>{t('surveys.page.alreadyBody', { date: formatDateTime(mine.data?.submittedAt ?? '', i18n.language) })}</p>
            </Alert>
          )}
        </div>
        <section className="panel" aria-labelledby="my-answers-title">
          <h2 id="my-answers-title">{t('surveys.page.yourAnswers')}</h2>
          <SubmittedAnswers sections={sections} answers={answers} />
        </section>
      </Page>
    );
  }

  // Not allowed (and no draft to finish): say why, like the "What can I do now?" panel.
  if (!actions.isPending && (!decision || !decision.allowed) && mine.data?.status !== 'draft') {
    return (
      <Page title={title}>
        {back}
        <Alert variant="warning" title={t('projects.actions.notAllowed')}>
          <SurveyReason reason={decision?.reason ?? 'phase_not_active'} resendAction={resendAction} />
        </Alert>
      </Page>
    );
  }

  return (
    <Page title={title}>
      {back}
      {!signedIn && everyone ? <p className="muted">{t('surveys.page.anonymous')}</p> : null}
      <SurveyForm
        sections={sections}
        initial={mine.data?.status === 'draft' ? fromAnswers(sections, mine.data.answers) : undefined}
        map={platform.data?.map}
        onSaveDraft={
          signedIn
            ? (answers) =>
                saveDraft.mutate(answers, {
                  onSuccess: () =>
                    setDraftNotice(
                      t('surveys.answer.draftSaved', {
                        time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(new Date()),
                      }),
                    ),
                })
            : undefined
        }
        draftPending={saveDraft.isPending}
        draftNotice={draftNotice}
        draftError={saveDraft.error}
        onSubmit={(answers) => {
          setDraftNotice(null);
          submit.mutate(
            { answers, token: !signedIn && everyone ? respondentToken() : undefined },
            {
              onSuccess: () => {
                setJustSent(true);
                void queryClient.invalidateQueries({ queryKey: projectKeys.actions(projectId) });
              },
              onError: (error) => {
                // Already answered elsewhere (another tab): show what was sent.
                if (signedIn && toApiError(error).reason === 'already_responded') void mine.refetch();
              },
            },
          );
        }}
        submitPending={submit.isPending}
        submitError={submit.error}
        describeRefusal={(reason) => t(`surveys.reasons.${reason}`, { defaultValue: t('surveys.reasons.not_permitted') })}
      />
    </Page>
  );
}
