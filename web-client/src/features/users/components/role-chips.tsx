import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import type { RoleGrantLike } from '@/lib/roles';

/** Roles as readable chips: "Head of department · Urban planning", "Elected official · whole platform". */
export function RoleChips({ roles, departmentName }: { roles: readonly RoleGrantLike[]; departmentName: (id: string) => string }) {
  const { t } = useTranslation();
  if (roles.length === 0) return <span className="muted">{t('users.noRole')}</span>;
  return (
    <ul className="inline-list">
      {roles.map((grant) => (
        <li key={`${grant.role}-${grant.scopeType}-${grant.scopeId ?? ''}`}>
          <Badge tone="neutral">{describeGrant(t, grant, departmentName)}</Badge>
        </li>
      ))}
    </ul>
  );
}

export function describeGrant(t: TFunction, grant: RoleGrantLike, departmentName: (id: string) => string): string {
  const role = t(`roles.${grant.role}`, { defaultValue: grant.role });
  if (grant.scopeType === 'department' && grant.scopeId) return t('users.roleIn', { role, scope: departmentName(grant.scopeId) });
  if (grant.role === 'elected_official' && grant.scopeType === 'platform')
    return t('users.roleIn', { role, scope: t('users.wholePlatform') });
  return role;
}
