import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListDepartmentsDepartment } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { localizedName } from '@/lib/roles';
import { departmentsQueryOptions, useCreateDepartment, useDeleteDepartment, useRenameDepartment } from '../api/departments';
import { DepartmentNameForm } from './department-name-form';

export interface DepartmentAdminProps {
  /** More about each department (its heads), composed by the page. */
  renderDetails?: (department: ListDepartmentsDepartment, label: string) => ReactNode;
}

/** Create, rename and delete departments. */
export function DepartmentAdmin({ renderDetails }: DepartmentAdminProps) {
  const { t, i18n } = useTranslation();
  const departments = useQuery(departmentsQueryOptions());
  const create = useCreateDepartment();
  const rename = useRenameDepartment();
  const remove = useDeleteDepartment();
  const [createKey, setCreateKey] = useState(0);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<ListDepartmentsDepartment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const items = [...(departments.data?.items ?? [])].sort((a, b) =>
    localizedName(a.name, i18n.language).localeCompare(localizedName(b.name, i18n.language), i18n.language),
  );

  function doDelete() {
    const department = toDelete;
    if (!department) return;
    remove.mutate(department.id, {
      onSuccess: () => {
        setToDelete(null);
        setNotice(t('departments.deleted', { name: localizedName(department.name, i18n.language) }));
      },
    });
  }

  const deleteError = remove.error ? toApiError(remove.error) : null;

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="department-create-title">
        <h2 id="department-create-title">{t('departments.createTitle')}</h2>
        <DepartmentNameForm
          key={createKey}
          idPrefix="department-new"
          submitLabel={t('departments.create')}
          pending={create.isPending}
          error={create.error}
          onResetError={() => create.reset()}
          onSubmit={(name) =>
            create.mutate(name, {
              onSuccess: (created) => {
                setNotice(t('departments.created', { name: localizedName(created.name, i18n.language) }));
                setCreateKey((k) => k + 1);
              },
            })
          }
        />
      </section>
      <section className="panel" aria-labelledby="department-list-title">
        <h2 id="department-list-title">{t('departments.listTitle')}</h2>
        <StatusMessage>{notice}</StatusMessage>
        {departments.isPending ? (
          <Loading label={t('common.loading')} />
        ) : departments.isError ? (
          <Alert variant="error" role="alert" title={describeError(t, toApiError(departments.error))} />
        ) : items.length === 0 ? (
          <p className="empty-state">{t('departments.empty')}</p>
        ) : (
          <ul className="card-list">
            {items.map((department) => {
              const label = localizedName(department.name, i18n.language);
              const others = (['fr', 'nl', 'en'] as const)
                .filter((l) => l !== i18n.language && department.name[l] && department.name[l] !== label)
                .map((l) => `${l.toUpperCase()} : ${department.name[l]}`);
              return (
                <li key={department.id} className="card">
                  <article aria-labelledby={`department-${department.id}-name`}>
                    <div className="card__header">
                      <h3 id={`department-${department.id}-name`} className="card__title">
                        {label}
                      </h3>
                      {renaming !== department.id ? (
                        <div className="card__actions">
                          <Button
                            variant="secondary"
                            className="button--small"
                            aria-label={t('departments.renameLabel', { name: label })}
                            onClick={() => {
                              rename.reset();
                              setRenaming(department.id);
                            }}
                          >
                            {t('departments.rename')}
                          </Button>
                          <Button
                            variant="secondary"
                            className="button--small"
                            aria-label={t('departments.deleteLabel', { name: label })}
                            onClick={() => {
                              remove.reset();
                              setToDelete(department);
                            }}
                          >
                            {t('common.delete')}
                          </Button>
                        </div>
                      ) : null}
                    </div>
                    {others.length > 0 ? <p className="muted">{others.join(' · ')}</p> : null}
                    {renaming === department.id ? (
                      <DepartmentNameForm
                        idPrefix={`department-${department.id}`}
                        initial={department.name}
                        submitLabel={t('departments.saveName')}
                        pending={rename.isPending}
                        error={rename.error}
                        onResetError={() => rename.reset()}
                        onCancel={() => setRenaming(null)}
                        onSubmit={(name) =>
                          rename.mutate(
                            { id: department.id, name },
                            {
                              onSuccess: (renamed) => {
                                setRenaming(null);
                                setNotice(t('departments.renamed', { name: localizedName(renamed.name, i18n.language) }));
                              },
                            },
                          )
                        }
                      />
                    ) : null}
                    {renderDetails?.(department, label)}
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <ConfirmDialog
        open={toDelete !== null}
        title={t('departments.deleteTitle')}
        confirmLabel={t('departments.deleteConfirm')}
        onConfirm={doDelete}
        onCancel={() => setToDelete(null)}
        pending={remove.isPending}
        error={deleteError ? describeError(t, deleteError, { 409: t('departments.deleteConflict') }) : null}
      >
        <p>{toDelete ? t('departments.deleteBody', { name: localizedName(toDelete.name, i18n.language) }) : null}</p>
      </ConfirmDialog>
    </div>
  );
}
