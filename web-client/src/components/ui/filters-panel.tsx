import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FiltersPanelProps {
  /** The search landmark's name (e.g. « Filtrer les idées »). */
  label: string;
  /** Classes of the landmark (e.g. `panel`) and of the fields' grid (e.g. `filters--projects`). */
  className?: string;
  fieldsClassName?: string;
  /** How many filters are set: told on the folded button. */
  active?: number;
  children: ReactNode;
}

/**
 * A list's filters: on a phone folded behind a « Filtres » button (a disclosure, with the number of filters set),
 * so the list comes first; from 40rem on always shown, without the button.
 */
export function FiltersPanel({ label, className = '', fieldsClassName = '', active = 0, children }: FiltersPanelProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const fieldsId = useId();
  return (
    <search className={`filters-panel ${open ? 'filters-panel--open' : ''} ${className}`} aria-label={label}>
      <button
        type="button"
        className="button button--secondary button--small filters-panel__toggle"
        aria-expanded={open}
        aria-controls={fieldsId}
        onClick={() => setOpen((value) => !value)}
      >
        {t('filters.toggle')}
        {active > 0 ? ` (${active})` : null}
      </button>
      <div id={fieldsId} className={`filters filters-panel__fields ${fieldsClassName}`}>
        {children}
      </div>
    </search>
  );
}

/** The number of filters set (non-empty values, but for the `ignored` keys such as the sort), for the folded button. */
export function activeFilters(filters: object, ignored: readonly string[] = ['sort']): number {
  return Object.entries(filters).filter(([key, value]) => !ignored.includes(key) && value !== '' && value != null).length;
}
