import { useTranslation } from 'react-i18next';
import type { Figure } from '@contracts/participation-client';
import { formatFigure } from '@/lib/format';
import { ChangeIndicator } from './change-indicator';

/** The period's figures: each with its value, the previous period's, the change and its definition, shown in full. */
export function FigureCards({ figures }: { figures: Figure[] }) {
  const { t, i18n } = useTranslation();
  // No value (e.g. a median with nothing to take it from): a dash on screen, words for screen readers.
  const value = (v: number | undefined) =>
    v === undefined || v === null ? (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('dashboard.figures.noValue')}</span>
      </>
    ) : (
      formatFigure(v, i18n.language)
    );
  // A figure with no value in either period does not apply here (registrations below the platform).
  const shown = figures.filter((f) => (f.value ?? null) !== null || (f.previous ?? null) !== null);
  return (
    <ul className="figure-cards">
      {shown.map((figure) => (
        <li key={figure.key} className="figure-card">
          <h3 className="figure-card__label">{figure.label}</h3>
          <p className="figure-card__value">{value(figure.value)}</p>
          <p className="figure-card__previous">
            {t('dashboard.figures.previous')} {value(figure.previous)}
          </p>
          <p className="figure-card__change">
            <ChangeIndicator value={figure.value} previous={figure.previous} />
          </p>
          <p className="figure-card__definition">
            <span className="figure-card__definition-label">{t('dashboard.figures.definition')}</span> {figure.definition}
          </p>
        </li>
      ))}
    </ul>
  );
}
