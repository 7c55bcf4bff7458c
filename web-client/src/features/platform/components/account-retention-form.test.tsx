import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TestProviders } from '@/test/providers';
import { AccountRetentionForm } from './account-retention-form';

function renderForm(months: number | null, { error, saved = false }: { error?: unknown; saved?: boolean } = {}) {
  const onSubmit = vi.fn();
  render(
    <TestProviders>
      <AccountRetentionForm
        months={months}
        pending={false}
        error={error ?? null}
        saved={saved}
        onSubmit={onSubmit}
        onResetError={() => {}}
      />
    </TestProviders>,
  );
  return { user: userEvent.setup(), onSubmit };
}

function errorOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('AccountRetentionForm', () => {
  it('is off by default, explains what happens and saves "off" as null', async () => {
    const { user, onSubmit } = renderForm(null);

    expect(screen.getByRole('heading', { name: 'Conservation des comptes inactifs' })).toBeInTheDocument();
    expect(screen.getByText(/prévenue par e-mail 30 jours avant/)).toBeInTheDocument();
    expect(screen.getByText(/comptes du personnel/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Supprimer les comptes inactifs' })).not.toBeChecked();
    expect(screen.queryByLabelText('Après combien de mois sans connexion')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Enregistrer la conservation' }));

    expect(onSubmit).toHaveBeenCalledWith(null);
  });

  it('turns it on with a number of months between 12 and 120', async () => {
    const { user, onSubmit } = renderForm(null);

    await user.click(screen.getByRole('checkbox', { name: 'Supprimer les comptes inactifs' }));
    const months = screen.getByLabelText('Après combien de mois sans connexion');
    expect(months).toHaveAccessibleDescription('Entre 12 et 120 mois.');
    await user.clear(months);
    await user.type(months, '36');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la conservation' }));

    expect(onSubmit).toHaveBeenCalledWith(36);
  });

  it.each(['11', '121', '12.5', 'douze', ''])('refuses %j months without sending anything', async (value) => {
    const { user, onSubmit } = renderForm(24);
    const months = screen.getByLabelText('Après combien de mois sans connexion');
    expect(months).toHaveValue('24');

    await user.clear(months);
    if (value) await user.type(months, value);
    await user.click(screen.getByRole('button', { name: 'Enregistrer la conservation' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(months)).toBe('Indiquez un nombre entier de mois entre 12 et 120.');
    expect(screen.getByRole('link', { name: 'Après combien de mois sans connexion' })).toHaveAttribute('href', '#retention-months');
  });

  it('shows the API’s field error beside the field', () => {
    renderForm(24, {
      error: { status: 400, title: 'Bad request', errors: { inactiveAccountRetentionMonths: ['Entre 12 et 120 mois.'] } },
    });

    expect(errorOf(screen.getByLabelText('Après combien de mois sans connexion'))).toBe('Entre 12 et 120 mois.');
  });

  it('confirms a save in words', () => {
    renderForm(24, { saved: true });

    expect(screen.getByText(/les comptes inactifs depuis 24 mois seront supprimés/)).toBeInTheDocument();
  });

  it('switches off an existing retention', async () => {
    const { user, onSubmit } = renderForm(48);

    const enabled = screen.getByRole('checkbox', { name: 'Supprimer les comptes inactifs' });
    expect(enabled).toBeChecked();
    await user.click(enabled);
    await user.click(screen.getByRole('button', { name: 'Enregistrer la conservation' }));

    expect(onSubmit).toHaveBeenCalledWith(null);
  });
});
