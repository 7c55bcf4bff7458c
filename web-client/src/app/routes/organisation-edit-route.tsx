import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { organisationQueryOptions, useUpdateOrganisation } from '@/features/organisations/api/organisations';
import { OrganisationForm } from '@/features/organisations/components/organisation-form';
import { RequireAuth } from '../require-auth';
import { Forbidden } from './forbidden';

export function OrganisationEditRoute() {
  const { t } = useTranslation();
  return (
    <Page narrow title={t('organisations.form.editTitle')}>
      <RequireAuth>
        <EditOrganisation />
      </RequireAuth>
    </Page>
  );
}

function EditOrganisation() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const organisation = useQuery(organisationQueryOptions(id));
  const update = useUpdateOrganisation();
  if (organisation.isPending) return <Loading label={t('common.loading')} />;
  if (organisation.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(organisation.error))} />;
  const current = organisation.data;
  if (current.myRole !== 'owner') return <Forbidden />;
  return (
    <OrganisationForm
      initial={{ name: current.name, description: current.description, website: current.website ?? '' }}
      verified={current.verified}
      submitLabel={t('organisations.form.save')}
      pending={update.isPending}
      error={update.error}
      onResetError={() => update.reset()}
      onCancel={() => void navigate(`/organisations/${id}`)}
      onSubmit={(value) =>
        update.mutate(
          // An empty website removes it (the API reads '' as "none").
          { id, request: { name: value.name.trim(), description: value.description.trim(), website: value.website.trim() } },
          {
            onSuccess: (result) =>
              void navigate(`/organisations/${id}`, {
                state: { saved: current.verified && result.status === 'pending' ? 'backToReview' : 'saved' },
              }),
          },
        )
      }
    />
  );
}
