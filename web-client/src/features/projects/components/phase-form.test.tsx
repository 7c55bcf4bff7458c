import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PhaseMethod } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { emptyPhaseForm, type PhaseForm as PhaseFormValue } from '../api/phase-settings';
import { PhaseForm } from './phase-form';

function errorOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function Harness({ error, onSubmit }: { error?: unknown; onSubmit: (value: PhaseFormValue) => void }) {
  const [reset, setReset] = useState(0);
  return (
    <PhaseForm
      key={reset}
      idPrefix="p"
      initial={{ ...emptyPhaseForm(new Date(2026, 2, 1)), title: { fr: 'Budget', nl: '', en: '' } }}
      submitLabel="Ajouter la phase"
      pending={false}
      error={error}
      onResetError={() => {}}
      onSubmit={onSubmit}
      onCancel={() => setReset((n) => n + 1)}
    />
  );
}

describe('PhaseForm', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('shows the settings of the chosen method, and only those', async () => {
    const user = userEvent.setup();
    render(<Harness onSubmit={() => {}} />);
    // Ideation (default): who may post, comment, react; ideas per user; the three options.
    expect(screen.getByLabelText('Qui peut proposer des idées ?')).toHaveValue('confirmed_email');
    expect(screen.getByLabelText('Qui peut réagir aux idées ?')).toHaveValue('registered');
    expect(screen.getByLabelText('Idées par personne (facultatif)')).toBeInTheDocument();
    expect(screen.getByLabelText('Relire les idées avant publication')).not.toBeChecked();

    await user.selectOptions(screen.getByLabelText('Méthode de participation'), 'budgeting');
    expect(screen.queryByLabelText('Qui peut proposer des idées ?')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Qui peut soumettre un panier ?')).toBeInTheDocument();
    expect(screen.getByLabelText('Budget disponible (EUR)')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Méthode de participation'), 'information');
    expect(screen.queryByRole('group', { name: 'Qui peut participer ?' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Budget disponible (EUR)')).not.toBeInTheDocument();
  });

  it('checks the method’s settings before sending', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onSubmit={onSubmit} />);
    await user.selectOptions(screen.getByLabelText('Méthode de participation'), 'budgeting');
    await user.click(screen.getByRole('button', { name: 'Ajouter la phase' }));
    const budget = screen.getByLabelText('Budget disponible (EUR)');
    expect(budget).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(budget)).toBe('Indiquez un budget positif.');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.type(budget, '50000');
    await user.click(screen.getByRole('button', { name: 'Ajouter la phase' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ method: 'budgeting', budgetAmount: '50000' }));
  });

  it('shows the API’s field errors beside the dates, the permission and the budget', () => {
    const error = {
      status: 400,
      title: 'One or more fields are invalid.',
      errors: {
        startsAt: ['This phase overlaps another phase of the project.'],
        endsAt: ['This phase overlaps another phase of the project.'],
        'settings.permissions.postIdea': ['One of: everyone, registered, confirmed_email, staff.'],
      },
    };
    render(<Harness error={error} onSubmit={() => {}} />);
    expect(errorOf(screen.getByLabelText('Premier jour'))).toBe('This phase overlaps another phase of the project.');
    expect(errorOf(screen.getByLabelText('Dernier jour (facultatif)'))).toBe('This phase overlaps another phase of the project.');
    expect(errorOf(screen.getByLabelText('Qui peut proposer des idées ?'))).toBe('One of: everyone, registered, confirmed_email, staff.');
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Certains champs ne sont pas valides.');
    expect(within(summary).getByRole('link', { name: 'Premier jour' })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Qui peut proposer des idées ?' })).toBeInTheDocument();
  });

  it('offers the results’ publication for voting and budgeting, and a budget’s minimums, with the API’s errors beside them', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    const error = {
      status: 400,
      title: 'One or more fields are invalid.',
      errors: { 'settings.minimumSpend': ['Le montant minimum doit être positif et ne pas dépasser le budget.'] },
    };
    render(
      <PhaseForm
        idPrefix="p"
        initial={{
          ...emptyPhaseForm(new Date(2026, 2, 1)),
          title: { fr: 'Budget', nl: '', en: '' },
          method: PhaseMethod.Budgeting,
          budgetAmount: '1000',
        }}
        submitLabel="Enregistrer la phase"
        pending={false}
        error={error}
        onResetError={() => {}}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    const minimum = screen.getByLabelText('Montant minimum par panier (EUR, facultatif)');
    expect(minimum).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(minimum)).toBe('Le montant minimum doit être positif et ne pas dépasser le budget.');
    expect(
      within(screen.getByRole('alert')).getByRole('link', { name: 'Montant minimum par panier (EUR, facultatif)' }),
    ).toBeInTheDocument();
    const published = screen.getByRole('checkbox', { name: 'Publier les résultats pendant la phase' });
    expect(published).toHaveAccessibleDescription(/L’équipe du projet les voit toujours/);

    await user.type(minimum, '250');
    await user.type(screen.getByLabelText('Nombre minimum d’idées par panier (facultatif)'), '2');
    await user.click(published);
    await user.click(screen.getByRole('button', { name: 'Enregistrer la phase' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ minimumSpend: '250', minimumIdeas: '2', resultsPublic: true }));

    // Voting keeps the publication choice; the budget's fields go away.
    await user.selectOptions(screen.getByLabelText('Méthode de participation'), 'voting');
    expect(screen.getByRole('checkbox', { name: 'Publier les résultats pendant la phase' })).toBeChecked();
    expect(screen.queryByLabelText('Montant minimum par panier (EUR, facultatif)')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Méthode de participation'), 'ideation');
    expect(screen.queryByRole('checkbox', { name: 'Publier les résultats pendant la phase' })).not.toBeInTheDocument();
  });

  it('refuses a minimum spend above the budget before sending', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onSubmit={onSubmit} />);
    await user.selectOptions(screen.getByLabelText('Méthode de participation'), 'budgeting');
    await user.type(screen.getByLabelText('Budget disponible (EUR)'), '1000');
    const minimum = screen.getByLabelText('Montant minimum par panier (EUR, facultatif)');
    await user.type(minimum, '5000');
    await user.click(screen.getByRole('button', { name: 'Ajouter la phase' }));
    expect(errorOf(minimum)).toBe('Un montant positif ou nul, qui ne dépasse pas le budget.');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
