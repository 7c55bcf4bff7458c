import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '@/components/layout/page';
import { useCreateOrganisation } from '@/features/organisations/api/organisations';
import { OrganisationForm } from '@/features/organisations/components/organisation-form';
import { RequireAuth } from '../require-auth';

export function OrganisationNewRoute() {
  const { t } = useTranslation();
  return (
    <Page narrow title={t('organisations.form.createTitle')} intro={<p>{t('organisations.form.createIntro')}</p>}>
      <RequireAuth>
        <CreateOrganisation />
      </RequireAuth>
    </Page>
  );
}

function CreateOrganisation() {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const navigate = useNavigate();
  return (
    <OrganisationForm
      submitLabel={t('organisations.form.createSubmit')}
      pending={create.isPending}
      error={create.error}
      onResetError={() => create.reset()}
      onSubmit={(value) =>
        create.mutate(
          { name: value.name.trim(), description: value.description.trim() || undefined, website: value.website.trim() || undefined },
          { onSuccess: (created) => void navigate(`/organisations/${created.id}`, { state: { saved: 'created' } }) },
        )
      }
    />
  );
}
