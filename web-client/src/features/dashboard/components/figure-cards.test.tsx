import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { dashboardResponse } from './dashboard-fixtures';
import { FigureCards } from './figure-cards';

const text = (element: HTMLElement) => element.textContent?.replace(/[\s\u202f\u00a0]+/g, ' ').trim();

describe('FigureCards', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('shows each figure with its value, the previous value, the change and its definition in full', () => {
    render(
      <TestProviders>
        <FigureCards figures={dashboardResponse().figures} />
      </TestProviders>,
    );
    const card = screen.getByRole('heading', { level: 3, name: 'Participants' }).closest('li')!;
    expect(within(card).getByText('42')).toBeInTheDocument();
    expect(within(card).getByText('Période précédente : 30')).toBeInTheDocument();
    expect(text(within(card).getByText(/En hausse de 12/).parentElement!)).toBe('▲ En hausse de 12 (+40 %)');
    expect(within(card).getByText(/Personnes distinctes ayant posé/)).toBeVisible();
    expect(
      text(
        within(card)
          .getByText(/Personnes distinctes/)
          .closest('p')!,
      ),
    ).toMatch(/^Définition : Personnes distinctes/);

    const days = screen.getByRole('heading', { name: 'Délai de première réponse (jours)' }).closest('li')!;
    expect(within(days).getByText('4,5')).toBeInTheDocument();
    // No value: a dash on screen, words for screen readers.
    const previous = within(days).getByText(/^Période précédente :/);
    expect(within(previous).getByText('—')).toHaveAttribute('aria-hidden', 'true');
    expect(within(previous).getByText('aucune valeur')).toHaveClass('visually-hidden');
    expect(within(days).getByText('Pas de comparaison possible')).toBeInTheDocument();
  });

  it('leaves out a figure that has no value in either period (registrations below the platform)', () => {
    render(
      <TestProviders>
        <FigureCards figures={dashboardResponse().figures} />
      </TestProviders>,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(8);
    expect(screen.queryByRole('heading', { name: 'Inscriptions' })).not.toBeInTheDocument();
  });
});
