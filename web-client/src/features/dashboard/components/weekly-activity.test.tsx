import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { dashboardResponse } from './dashboard-fixtures';
import { WeeklyActivity } from './weekly-activity';

function renderWeekly(data = dashboardResponse()) {
  render(
    <TestProviders>
      <WeeklyActivity weeks={data.weeks} figures={data.figures} />
    </TestProviders>,
  );
}

describe('WeeklyActivity', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('summarises the chosen series in the chart’s name', async () => {
    renderWeekly();
    expect(
      screen.getByRole('img', {
        name: 'Participants par semaine, de la semaine du 2 mars 2026 à celle du 23 mars 2026 : au plus 9 (semaine du 9 mars 2026), 5 la dernière semaine.',
      }),
    ).toBeInTheDocument();

    await userEvent.setup().selectOptions(screen.getByLabelText('Série du graphique'), 'Réactions');
    expect(screen.getByRole('img')).toHaveAccessibleName(
      /^Réactions par semaine, .* au plus 16 \(semaine du 23 mars 2026\), 16 la dernière semaine\.$/,
    );
  });

  it('says when a series has nothing in the period', async () => {
    renderWeekly();
    await userEvent.setup().selectOptions(screen.getByLabelText('Série du graphique'), 'Votes');
    expect(screen.getByRole('img')).toHaveAccessibleName(
      'Votes par semaine, de la semaine du 2 mars 2026 à celle du 23 mars 2026 : aucune pendant la période.',
    );
  });

  it('opens a table with a row per week and a column per series', async () => {
    renderWeekly();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Afficher le tableau des semaines' }));
    const table = screen.getByRole('table', { name: 'Actions de participation par semaine' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Semaine', 'Participants', 'Idées', 'Commentaires', 'Réactions', 'Votes', 'Paniers soumis', 'Réponses aux questionnaires']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent('Semaine du 9 mars 2026');
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['9', '4', '2', '10', '0', '0', '1']);
    expect(screen.getByRole('button', { name: 'Masquer le tableau des semaines' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('offers registrations for the whole platform only', () => {
    renderWeekly();
    expect(within(screen.getByLabelText('Série du graphique')).queryByRole('option', { name: 'Inscriptions' })).toBeNull();
    cleanup();
    const data = dashboardResponse();
    renderWeekly({ ...data, weeks: data.weeks.map((w) => ({ ...w, registrations: 2 })) });
    expect(within(screen.getByLabelText('Série du graphique')).getByRole('option', { name: 'Inscriptions' })).toBeInTheDocument();
  });
});
