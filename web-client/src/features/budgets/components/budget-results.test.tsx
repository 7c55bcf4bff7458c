import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { renderWithApp } from '@/test/idea-fixtures';
import { BudgetResults } from './budget-results';

vi.mock('@/api/client', () => ({ api: { getBudgetResults: vi.fn() } }));

const spaces = (text: string | null | undefined) => (text ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

const results = {
  phaseId: 'ph-1',
  published: false,
  ended: false,
  budget: 1000,
  currency: 'EUR',
  baskets: 3,
  fundedTotal: 850,
  items: [
    { ideaId: 'i-1', title: 'Un banc', cost: 600, baskets: 3, funded: true },
    { ideaId: 'i-2', title: 'Une fontaine', cost: 500, baskets: 2, funded: false },
    { ideaId: 'i-3', title: 'Un potager', cost: 250, baskets: 1, funded: true },
  ],
};

describe('BudgetResults', () => {
  beforeEach(async () => {
    vi.mocked(api.getBudgetResults).mockReset();
    await i18n.changeLanguage('fr');
  });

  it('shows the funded total against the budget, a table (idea, cost, baskets, funded) and a chart summarised in its name', async () => {
    vi.mocked(api.getBudgetResults).mockResolvedValue(results);
    renderWithApp(<BudgetResults projectId="p-1" phaseId="ph-1" />, '/projects/p-1/phases/ph-1/results');
    const table = await screen.findByRole('table', { name: 'Idées par nombre de paniers, et leur financement' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Idée', 'Coût', 'Paniers', 'Financée']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(spaces(rows[0].textContent)).toBe('Un banc600 €3Oui');
    expect(spaces(rows[1].textContent)).toBe('Une fontaine500 €2Non');
    expect(spaces(document.getElementById('budget-funded-total')?.textContent)).toBe('Financé : 850 € sur 1 000 € — reste 150 €');
    expect(screen.getByText('3 paniers envoyés, 2 idées financées.')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Graphique des paniers par idée. En tête : Un banc, 3 paniers, financée ; Une fontaine, 2 paniers, non financée ; Un potager, 1 panier, financée.',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Ces résultats ne sont pas encore publics : seule l’équipe du projet les voit.')).toBeInTheDocument();
  });

  it('says when the results will be published (403 before then)', async () => {
    vi.mocked(api.getBudgetResults).mockRejectedValue({ status: 403, title: 'Les résultats seront publiés à la fin de la phase.' });
    renderWithApp(<BudgetResults projectId="p-1" phaseId="ph-1" />, '/projects/p-1/phases/ph-1/results');
    expect(await screen.findByText('Les résultats seront publiés à la fin de la phase.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
