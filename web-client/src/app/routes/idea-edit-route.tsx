import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ParticipationAction } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { attachmentLimitsQueryOptions, useRemoveAttachment, useUploadAttachments } from '@/features/ideas/api/attachments';
import { decisionFor, ideaQueryOptions, useUpdateIdea } from '@/features/ideas/api/ideas';
import { ActionReason } from '@/features/ideas/components/action-reason';
import { IdeaForm } from '@/features/ideas/components/idea-form';
import { projectQueryOptions } from '@/features/projects/api/projects';
import { htmlToText } from '@/lib/rich-text';
import { RequireAuth } from '../require-auth';
import { useIdeaContext } from './use-idea-context';
import { useTagOptions } from './use-tag-options';

export function IdeaEditRoute() {
  const { t } = useTranslation();
  return (
    <Page narrow title={t('ideas.form.editTitle')}>
      <RequireAuth>
        <EditIdea />
      </RequireAuth>
    </Page>
  );
}

function EditIdea() {
  const { t } = useTranslation();
  const { projectId = '', ideaId = '' } = useParams();
  const navigate = useNavigate();
  const idea = useQuery(ideaQueryOptions(ideaId));
  const project = useQuery(projectQueryOptions(projectId));
  const { map, mapPending } = useIdeaContext();
  const update = useUpdateIdea();
  const limits = useQuery(attachmentLimitsQueryOptions());
  const upload = useUploadAttachments();
  const remove = useRemoveAttachment();
  const tags = useTagOptions(project.data?.topicIds, { topicIds: idea.data?.topicIds, areaId: idea.data?.areaId });

  if (idea.isPending || project.isPending || mapPending || tags.pending) return <Loading label={t('common.loading')} />;
  const failure = idea.error ?? project.error;
  if (failure || !idea.data || !project.data) return <Alert variant="error" role="alert" title={describeError(t, toApiError(failure))} />;
  const current = idea.data;
  const back = `/projects/${projectId}/ideas/${ideaId}`;
  const decision = decisionFor(current.actions, ParticipationAction.Edit);
  // The rules of the phase the idea was posted in (a location may be required there).
  const phase = project.data.phases.find((p) => p.id === current.phaseId);
  return (
    <>
      <p>
        <Link to={back}>{t('ideas.form.backToIdea', { title: current.title })}</Link>
      </p>
      {!decision.allowed ? (
        <ActionReason decision={decision} action={t('ideas.authorActions.edit')} />
      ) : !map ? (
        <Alert variant="error" role="alert" title={t('errors.generic')} />
      ) : (
        <IdeaForm
          initial={{
            title: current.title,
            body: htmlToText(current.body),
            topicIds: current.topicIds ?? [],
            areaId: current.areaId ?? '',
            location: current.location ? { latitude: current.location.latitude, longitude: current.location.longitude } : null,
            locationLabel: current.location?.label ?? '',
            organisationId: '',
          }}
          mapRequired={phase?.settings.map === true}
          map={map}
          topicOptions={tags.topicOptions}
          areaOptions={tags.areaOptions}
          submitLabel={t('ideas.form.save')}
          pending={update.isPending || upload.progress !== null}
          error={update.error ?? upload.error ?? remove.error}
          onResetError={() => {
            update.reset();
            upload.reset();
            remove.reset();
          }}
          onCancel={() => void navigate(back)}
          attachmentLimits={limits.data}
          existingAttachments={current.attachments ?? []}
          removingAttachmentId={remove.isPending ? remove.variables.attachmentId : undefined}
          onRemoveAttachment={(a) => remove.mutate({ ideaId, attachmentId: a.id })}
          uploadStatus={
            upload.progress ? t('ideas.attachments.sending', { current: upload.progress.done + 1, total: upload.progress.total }) : null
          }
          onSubmit={({ organisationId: _author, ...fields }, files) =>
            update.mutate(
              { id: ideaId, fields },
              {
                onSuccess: () =>
                  void upload.run(ideaId, files).then((sent) => {
                    if (sent) void navigate(back, { state: { idea: 'saved' } });
                  }),
              },
            )
          }
        />
      )}
    </>
  );
}
