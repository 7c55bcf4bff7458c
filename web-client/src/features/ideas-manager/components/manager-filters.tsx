import { useTranslation } from 'react-i18next';
import type { GetProjectPhase, StaffMember } from '@contracts/participation-client';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { activeFilters, FiltersPanel } from '@/components/ui/filters-panel';
import { localizedName } from '@/lib/roles';
import { IDEA_STATUSES, type ManagerFilters } from '../api/ideas-manager';

export interface ManagerFiltersFormProps {
  filters: ManagerFilters;
  onChange: (filters: ManagerFilters) => void;
  phases: readonly GetProjectPhase[];
  staff: readonly StaffMember[];
  /** Field errors from the API (e.g. a number of days out of range). */
  errors: Record<string, string[]>;
  /** The topics and areas to filter by (none: no such filter). */
  topicOptions?: readonly SelectOption[];
  areaOptions?: readonly SelectOption[];
}

/** The table's filters: every control labelled, each change applied at once (text fields after a pause). */
export function ManagerFiltersForm({
  filters,
  onChange,
  phases,
  staff,
  errors,
  topicOptions = [],
  areaOptions = [],
}: ManagerFiltersFormProps) {
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<ManagerFilters>) => onChange({ ...filters, ...patch });
  const yesNoOptions = (prefix: string) => [
    { value: '', label: t(`ideasManager.filters.${prefix}.any`) },
    { value: 'yes', label: t(`ideasManager.filters.${prefix}.yes`) },
    { value: 'no', label: t(`ideasManager.filters.${prefix}.no`) },
  ];
  return (
    <FiltersPanel label={t('ideasManager.filters.label')} fieldsClassName="manager-filters" active={activeFilters(filters)}>
      <TextField
        id="manager-search"
        type="search"
        label={t('ideasManager.filters.search')}
        value={filters.search}
        errors={errors.search}
        onChange={(e) => set({ search: e.target.value })}
      />
      <SelectField
        id="manager-status"
        label={t('ideasManager.filters.status')}
        value={filters.status}
        errors={errors.status}
        onChange={(e) => set({ status: e.target.value })}
        options={[
          { value: '', label: t('ideasManager.filters.allStatuses') },
          ...IDEA_STATUSES.map((s) => ({ value: s, label: t(`ideas.status.${s}`) })),
        ]}
      />
      {topicOptions.length > 0 ? (
        <SelectField
          id="manager-topic"
          label={t('ideasManager.filters.topic')}
          value={filters.topicId}
          errors={errors.topicId}
          onChange={(e) => set({ topicId: e.target.value })}
          options={[{ value: '', label: t('ideasManager.filters.anyTopic') }, ...topicOptions]}
        />
      ) : null}
      {areaOptions.length > 0 ? (
        <SelectField
          id="manager-area"
          label={t('ideasManager.filters.area')}
          value={filters.areaId}
          errors={errors.areaId}
          onChange={(e) => set({ areaId: e.target.value })}
          options={[{ value: '', label: t('ideasManager.filters.anyArea') }, ...areaOptions]}
        />
      ) : null}
      <SelectField
        id="manager-phase"
        label={t('ideasManager.filters.phase')}
        value={filters.phaseId}
        onChange={(e) => set({ phaseId: e.target.value })}
        options={[
          { value: '', label: t('ideasManager.filters.allPhases') },
          ...phases.map((p) => ({ value: p.id, label: localizedName(p.title, i18n.language) })),
        ]}
      />
      <SelectField
        id="manager-waiting"
        label={t('ideasManager.filters.waiting.label')}
        value={filters.waiting}
        errors={errors.waiting}
        onChange={(e) => set({ waiting: e.target.value })}
        options={yesNoOptions('waiting')}
      />
      <TextField
        id="manager-waiting-days"
        type="number"
        inputMode="numeric"
        min={0}
        max={3650}
        label={t('ideasManager.filters.waitingDays')}
        hint={t('ideasManager.filters.waitingDaysHint')}
        value={filters.waitingDays}
        disabled={filters.waiting === 'no'}
        errors={errors.waitingDays}
        onChange={(e) => set({ waitingDays: e.target.value })}
      />
      <SelectField
        id="manager-flagged"
        label={t('ideasManager.filters.flagged.label')}
        value={filters.flagged}
        onChange={(e) => set({ flagged: e.target.value })}
        options={yesNoOptions('flagged')}
      />
      <SelectField
        id="manager-assignee"
        label={t('ideasManager.filters.assignee')}
        value={filters.assignee}
        errors={errors.assignee}
        onChange={(e) => set({ assignee: e.target.value })}
        options={[
          { value: '', label: t('ideasManager.filters.anyAssignee') },
          { value: 'me', label: t('ideasManager.filters.assignedToMe') },
          { value: 'none', label: t('ideasManager.filters.unassigned') },
          ...staff.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
    </FiltersPanel>
  );
}
