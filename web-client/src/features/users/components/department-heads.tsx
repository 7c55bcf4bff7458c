import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Role, ScopeType, type ListUsersUser } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import { useGrantRole, useRevokeRole, userSearchQueryOptions, usersWithRoleQueryOptions } from '../api/users';

const HEAD = Role.DepartmentHead;

/** The heads of one department: add one (search a person), remove one (after confirmation). */
export function DepartmentHeads({ departmentId, departmentLabel }: { departmentId: string; departmentLabel: string }) {
  const { t } = useTranslation();
  const heads = useQuery(usersWithRoleQueryOptions(HEAD));
  const grant = useGrantRole();
  const revoke = useRevokeRole();
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const results = useQuery({ ...userSearchQueryOptions(debounced), enabled: adding && debounced.length >= 2 });
  const [toRemove, setToRemove] = useState<ListUsersUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const mine = (heads.data?.items ?? []).filter((u) => u.roles.some((r) => r.role === HEAD && r.scopeId === departmentId));
  const grantOf = (user: ListUsersUser) => user.roles.find((r) => r.role === HEAD && r.scopeId === departmentId);
  const idBase = `heads-${departmentId}`;

  function add(user: ListUsersUser) {
    setNotice(null);
    grant.mutate(
      { userId: user.id, grant: { role: HEAD, scopeType: ScopeType.Department, scopeId: departmentId } },
      {
        onSuccess: () => {
          setNotice(t('departments.heads.added', { name: `${user.firstName} ${user.lastName}`, department: departmentLabel }));
          setAdding(false);
          setSearch('');
        },
      },
    );
  }

  function remove() {
    const user = toRemove;
    const grantId = user && grantOf(user)?.id;
    if (!user || !grantId) return;
    revoke.mutate(
      { userId: user.id, grantId },
      {
        onSuccess: () => {
          setToRemove(null);
          setNotice(t('departments.heads.removed', { name: `${user.firstName} ${user.lastName}`, department: departmentLabel }));
        },
      },
    );
  }

  return (
    <div className="heads">
      <h4 className="heads__title">{t('departments.heads.title')}</h4>
      <StatusMessage>{notice}</StatusMessage>
      {heads.isPending ? (
        <Loading label={t('common.loading')} />
      ) : heads.isError ? (
        <p className="field__error" role="alert">
          {describeError(t, toApiError(heads.error))}
        </p>
      ) : mine.length === 0 ? (
        <p className="muted">{t('departments.heads.none')}</p>
      ) : (
        <ul className="role-list">
          {mine.map((user) => (
            <li key={user.id} className="role-list__item">
              <span>
                {user.firstName} {user.lastName} <span className="table__email">{user.email}</span>
              </span>
              <Button
                variant="secondary"
                className="button--small"
                aria-label={t('departments.heads.removeLabel', { name: `${user.firstName} ${user.lastName}` })}
                onClick={() => {
                  revoke.reset();
                  setToRemove(user);
                }}
              >
                {t('common.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <div className="heads__add">
          <TextField
            id={`${idBase}-search`}
            type="search"
            label={t('departments.heads.search', { department: departmentLabel })}
            hint={t('departments.heads.searchHint')}
            autoFocus
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <div role="status" className="results-count">
            {results.isSuccess ? t('departments.heads.results', { count: results.data.items.length }) : null}
          </div>
          {results.isSuccess && results.data.items.length > 0 ? (
            <ul className="role-list">
              {results.data.items.map((user) => {
                const already = !!grantOf(user);
                return (
                  <li key={user.id} className="role-list__item">
                    <span>
                      {user.firstName} {user.lastName} <span className="table__email">{user.email}</span>
                    </span>
                    <Button
                      variant="secondary"
                      className="button--small"
                      disabled={already}
                      pending={grant.isPending && grant.variables?.userId === user.id}
                      aria-label={t('departments.heads.makeHeadLabel', {
                        name: `${user.firstName} ${user.lastName}`,
                        department: departmentLabel,
                      })}
                      onClick={() => add(user)}
                    >
                      {already ? t('departments.heads.alreadyHead') : t('departments.heads.makeHead')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          ) : null}
          <div role="alert">{grant.error ? <p className="field__error">{describeError(t, toApiError(grant.error))}</p> : null}</div>
          <Button variant="link" onClick={() => setAdding(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" className="button--small" onClick={() => setAdding(true)}>
          {t('departments.heads.add')}
        </Button>
      )}
      <ConfirmDialog
        open={toRemove !== null}
        title={t('departments.heads.removeTitle')}
        confirmLabel={t('departments.heads.removeConfirm')}
        onConfirm={remove}
        onCancel={() => setToRemove(null)}
        pending={revoke.isPending}
        error={revoke.error ? describeError(t, toApiError(revoke.error)) : null}
      >
        <p>
          {toRemove
            ? t('departments.heads.removeBody', { name: `${toRemove.firstName} ${toRemove.lastName}`, department: departmentLabel })
            : null}
        </p>
      </ConfirmDialog>
    </div>
  );
}
