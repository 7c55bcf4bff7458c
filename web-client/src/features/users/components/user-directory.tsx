import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import type { DepartmentOption } from '@/components/ui/role-scope-picker';
import { SelectField } from '@/components/ui/select-field';
import { TableRegion } from '@/components/ui/table-region';
import { TextField } from '@/components/ui/text-field';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import { formatDate } from '@/lib/format';
import { ROLES } from '@/lib/roles';
import { usersInfiniteQueryOptions } from '../api/users';
import { blockLastDay, BlockUserDialog, isBlocked } from './block-user-dialog';
import { ManageRolesDialog } from './manage-roles-dialog';
import { RoleChips } from './role-chips';

/** Everyone with an account: search, filter by role, manage each person's roles. */
export function UserDirectory({ departments }: { departments: readonly DepartmentOption[] }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const debouncedSearch = useDebouncedValue(search, 300);
  const list = useInfiniteQuery(usersInfiniteQueryOptions({ search: debouncedSearch, role }));
  const [managedId, setManagedId] = useState<string | null>(null);
  const [blockedId, setBlockedId] = useState<string | null>(null);

  const users = list.data?.pages.flatMap((page) => page.items) ?? [];
  // The dialog follows the list, so it shows the roles as they are after each change.
  const managed = users.find((u) => u.id === managedId) ?? null;
  const blocking = users.find((u) => u.id === blockedId) ?? null;
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.label ?? t('users.unknownDepartment');
  const caption = t('users.caption');

  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">{t('users.title')}</h2>
      <search className="filters">
        <TextField
          id="users-search"
          type="search"
          label={t('users.search')}
          hint={t('users.searchHint')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <SelectField
          id="users-role"
          label={t('users.filterRole')}
          value={role}
          onChange={(e) => setRole(e.target.value)}
          options={[{ value: '', label: t('users.allUsers') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
        />
      </search>
      <div role="status" className="results-count">
        {list.isSuccess ? t('users.shown', { count: users.length }) : null}
      </div>
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))}>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : users.length === 0 ? (
        <p className="empty-state">{t('users.empty')}</p>
      ) : (
        <TableRegion label={caption}>
          <table className="table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('users.confirmed')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const name = `${user.firstName} ${user.lastName}`;
                const blocked = isBlocked(user) && user.blockedUntil ? user.blockedUntil : null;
                return (
                  <tr key={user.id}>
                    <td>
                      <span className="table__strong">{name}</span>
                      {blocked ? (
                        <>
                          {' '}
                          <Badge tone="warning">{t('users.block.badge', { date: formatDate(blockLastDay(blocked), i18n.language) })}</Badge>
                        </>
                      ) : null}
                    </td>
                    <td className="table__email">{user.email}</td>
                    <td>
                      {user.emailConfirmed ? (
                        <Badge tone="success">{t('common.yes')}</Badge>
                      ) : (
                        <Badge tone="warning">{t('common.no')}</Badge>
                      )}
                    </td>
                    <td>
                      <RoleChips roles={user.roles} departmentName={departmentName} />
                    </td>
                    <td>
                      <Button
                        variant="secondary"
                        className="button--small"
                        aria-label={t('users.manageFor', { name })}
                        onClick={() => setManagedId(user.id)}
                      >
                        {t('users.manageRoles')}
                      </Button>{' '}
                      <Button
                        variant="secondary"
                        className="button--small"
                        aria-label={blocked ? t('users.block.openUnblockFor', { name }) : t('users.block.openFor', { name })}
                        onClick={() => setBlockedId(user.id)}
                      >
                        {blocked ? t('users.block.openUnblock') : t('users.block.open')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      {list.hasNextPage ? (
        <p className="load-more">
          <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
      <ManageRolesDialog user={managed} departments={departments} onClose={() => setManagedId(null)} />
      <BlockUserDialog user={blocking} onClose={() => setBlockedId(null)} />
    </section>
  );
}
