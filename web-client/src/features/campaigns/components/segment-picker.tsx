import { useTranslation } from 'react-i18next';
import { Role, SegmentKind, type Segment } from '@contracts/participation-client';
import { SelectField } from '@/components/ui/select-field';

export interface SegmentProjectOption {
  id: string;
  label: string;
}

export interface SegmentPickerProps {
  value: Segment;
  onChange: (segment: Segment) => void;
  projects: readonly SegmentProjectOption[];
  /** The areas (neighbourhoods) an area segment may name. */
  areas?: readonly SegmentProjectOption[];
  errors?: Record<string, string[]>;
}

const PROJECT_KINDS: SegmentKind[] = [SegmentKind.ProjectParticipants, SegmentKind.ProjectFollowers];
const STAFF_ROLES: Role[] = [
  Role.Admin,
  Role.DepartmentHead,
  Role.ProjectModerator,
  Role.CommunicationManager,
  Role.ItManager,
  Role.ElectedOfficial,
];

/** Who a campaign reaches (always among the people who consented to the newsletter): a kind, then its project or roles. */
export function SegmentPicker({ value, onChange, projects, areas = [], errors = {} }: SegmentPickerProps) {
  const { t } = useTranslation();
  const needsProject = PROJECT_KINDS.includes(value.kind);
  const roles = value.roles ?? [];
  const rolesError = errors['segment.roles'];

  function setKind(kind: SegmentKind) {
    onChange({
      kind,
      projectId: PROJECT_KINDS.includes(kind) ? (value.projectId ?? projects[0]?.id) : undefined,
      roles: kind === SegmentKind.StaffRoles ? roles : undefined,
      areaId: kind === SegmentKind.Area ? (value.areaId ?? areas[0]?.id) : undefined,
    });
  }

  function toggleRole(role: Role, on: boolean) {
    onChange({ ...value, roles: on ? [...roles, role] : roles.filter((r) => r !== role) });
  }

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('campaigns.segment.legend')}</legend>
      <p className="field__hint">{t('campaigns.segment.hint')}</p>
      <SelectField
        id="campaign-segment-kind"
        label={t('campaigns.segment.kind')}
        value={value.kind}
        onChange={(e) => setKind(e.target.value as SegmentKind)}
        hint={t(`campaigns.segment.definitions.${value.kind}`)}
        errors={errors['segment.kind']}
        options={Object.values(SegmentKind).map((kind) => ({ value: kind, label: t(`campaigns.segment.kinds.${kind}`) }))}
      />
      {value.kind === SegmentKind.Area ? (
        <SelectField
          id="campaign-segment-area"
          label={t('campaigns.segment.area')}
          value={value.areaId ?? ''}
          onChange={(e) => onChange({ ...value, areaId: e.target.value || undefined })}
          errors={errors['segment.areaId']}
          options={[{ value: '', label: t('campaigns.segment.chooseArea') }, ...areas.map((a) => ({ value: a.id, label: a.label }))]}
        />
      ) : null}
      {needsProject ? (
        <SelectField
          id="campaign-segment-project"
          label={t('campaigns.segment.project')}
          value={value.projectId ?? ''}
          onChange={(e) => onChange({ ...value, projectId: e.target.value || undefined })}
          errors={errors['segment.projectId']}
          options={[{ value: '', label: t('campaigns.segment.chooseProject') }, ...projects.map((p) => ({ value: p.id, label: p.label }))]}
        />
      ) : null}
      {value.kind === SegmentKind.StaffRoles ? (
        <fieldset
          className={rolesError ? 'fieldset field--invalid' : 'fieldset'}
          aria-describedby={rolesError ? 'campaign-roles-error' : undefined}
        >
          <legend className="fieldset__legend">{t('campaigns.segment.roles')}</legend>
          {STAFF_ROLES.map((role) => (
            <div className="choice" key={role}>
              <input
                type="checkbox"
                id={`campaign-role-${role}`}
                checked={roles.includes(role)}
                onChange={(e) => toggleRole(role, e.target.checked)}
              />
              <label htmlFor={`campaign-role-${role}`}>{t(`roles.${role}`)}</label>
            </div>
          ))}
          {rolesError ? (
            <p className="field__error" id="campaign-roles-error">
              {rolesError.join(' ')}
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </fieldset>
  );
}
