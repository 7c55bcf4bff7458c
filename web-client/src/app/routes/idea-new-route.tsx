import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { attachmentLimitsQueryOptions, useUploadAttachments } from '@/features/ideas/api/attachments';
import { useSubmitIdea } from '@/features/ideas/api/ideas';
import { ActionReason } from '@/features/ideas/components/action-reason';
import { IdeaForm } from '@/features/ideas/components/idea-form';
import { projectActionsQueryOptions, projectQueryOptions } from '@/features/projects/api/projects';
import { localizedName } from '@/lib/roles';
import { RequireAuth } from '../require-auth';
import { currentPhase, postIdeaDecision, useIdeaContext } from './use-idea-context';
import { useTagOptions } from './use-tag-options';
import { ideaPath, projectPath } from '@/lib/slugs';

export function IdeaNewRoute() {
  const { t } = useTranslation();
  return (
    <Page narrow title={t('ideas.form.newTitle')}>
      <RequireAuth>
        <NewIdea />
      </RequireAuth>
    </Page>
  );
}

function NewIdea() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const project = useQuery(projectQueryOptions(id));
  const actions = useQuery(projectActionsQueryOptions(id));
  const { map, mapPending, organisations } = useIdeaContext();
  const submit = useSubmitIdea();
  const limits = useQuery(attachmentLimitsQueryOptions());
  const upload = useUploadAttachments();
  // Once the idea exists, a refused file is said in the form and the next submit sends the files only.
  const [created, setCreated] = useState<{ id: string; projectSlug?: string; slug?: string; status: string } | null>(null);
  const tags = useTagOptions(project.data?.topicIds);

  if (project.isPending || actions.isPending || mapPending || tags.pending) return <Loading label={t('common.loading')} />;
  const failure = project.error ?? actions.error;
  if (failure || !project.data || !actions.data) {
    return <Alert variant="error" role="alert" title={describeError(t, toApiError(failure))} />;
  }
  const projectTitle = localizedName(project.data.title, i18n.language);
  const decision = postIdeaDecision(project.data, actions.data.actions);
  const phase = currentPhase(project.data);
  return (
    <>
      <p>{t('ideas.form.newIntro', { title: projectTitle })}</p>
      <p>
        <Link to={projectPath(project.data)}>{t('ideas.page.backTo', { title: projectTitle })}</Link>
      </p>
      {!decision.allowed ? (
        <ActionReason decision={decision} action={t('ideas.section.propose')} />
      ) : !map ? (
        <Alert variant="error" role="alert" title={t('errors.generic')} />
      ) : (
        <IdeaForm
          mapRequired={phase?.settings.map === true}
          map={map}
          organisations={organisations}
          topicOptions={tags.topicOptions}
          areaOptions={tags.areaOptions}
          submitLabel={t('ideas.form.submit')}
          pending={submit.isPending || upload.progress !== null}
          error={submit.error ?? upload.error}
          onResetError={() => {
            submit.reset();
            upload.reset();
          }}
          onCancel={() => void navigate(projectPath(project.data))}
          attachmentLimits={limits.data}
          uploadStatus={
            upload.progress
              ? t('ideas.attachments.sending', { current: upload.progress.done + 1, total: upload.progress.total })
              : created
                ? t('ideas.attachments.createdButFiles')
                : null
          }
          onSubmit={(request, files) => {
            const done = async (idea: { id: string; projectSlug?: string; slug?: string; status: string }) => {
              setCreated(idea);
              if (await upload.run(idea.id, files))
                void navigate(ideaPath({ id, slug: idea.projectSlug }, idea), {
                  state: { idea: idea.status === 'prescreening' ? 'createdPrescreening' : 'created' },
                });
            };
            if (created) void done(created);
            else submit.mutate({ projectId: id, request }, { onSuccess: (idea) => void done(idea) });
          }}
        />
      )}
    </>
  );
}
