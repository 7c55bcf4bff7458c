import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Role } from '@contracts/participation-client';
import { Page } from '@/components/layout/page';
import { ProjectCreateForm } from '@/features/projects/components/project-create-form';
import { hasRole, headedDepartments } from '@/lib/roles';
import { useProjectTagOptions } from '../use-tag-options';
import { RequireStaffRole, useStaff } from './admin-layout';
import { useDepartmentOptions } from './use-department-options';

export function AdminProjectNewRoute() {
  const { t } = useTranslation();
  const { me } = useStaff();
  const navigate = useNavigate();
  const departments = useDepartmentOptions();
  const tags = useProjectTagOptions();
  // Admins may use every department, department heads theirs (the API checks again).
  const headed = headedDepartments(me.roles);
  const usable = hasRole(me.roles, Role.Admin) ? departments.options : departments.options.filter((d) => headed.includes(d.id));
  return (
    <RequireStaffRole roles={[Role.Admin, Role.DepartmentHead]}>
      <Page title={t('projects.create.title')} intro={<p>{t('projects.create.intro')}</p>}>
        <section className="panel" aria-label={t('projects.create.title')}>
          {departments.isPending ? null : (
            <ProjectCreateForm
              departments={usable}
              topicOptions={tags.topicOptions}
              areaOptions={tags.areaOptions}
              onCreated={(id) => void navigate(`/admin/projects/${id}`, { state: { created: true } })}
            />
          )}
        </section>
      </Page>
    </RequireStaffRole>
  );
}
