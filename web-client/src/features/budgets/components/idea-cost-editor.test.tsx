import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { renderWithApp } from '@/test/idea-fixtures';
import { IdeaCostEditor } from './idea-cost-editor';

vi.mock('@/api/client', () => ({ api: { setIdeaCost: vi.fn() } }));

const errorOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((id) => id.endsWith('-error'))
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('IdeaCostEditor', () => {
  beforeEach(async () => {
    vi.mocked(api.setIdeaCost).mockReset();
    await i18n.changeLanguage('fr');
  });

  it('saves the cost typed with a comma, and says so', async () => {
    vi.mocked(api.setIdeaCost).mockResolvedValue({ ideaId: 'i-1', cost: 1250.5 });
    const onSaved = vi.fn();
    const { user } = renderWithApp(<IdeaCostEditor ideaId="i-1" cost={undefined} currency="EUR" onSaved={onSaved} />);
    await user.type(screen.getByLabelText('Coût estimé (EUR)'), '1250,50');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le coût' }));
    expect(api.setIdeaCost).toHaveBeenCalledWith('i-1', { cost: 1250.5 });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Coût enregistré : 1\s250,50\s€\./));
    expect(onSaved).toHaveBeenCalled();
  });

  it('refuses what is not an amount before sending', async () => {
    const { user } = renderWithApp(<IdeaCostEditor ideaId="i-1" cost={100} currency="EUR" />);
    const input = screen.getByLabelText('Coût estimé (EUR)');
    expect(input).toHaveValue('100');
    await user.clear(input);
    await user.type(input, '-5');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le coût' }));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(input)).toBe('Indiquez un montant positif ou nul, avec deux décimales au plus.');
    expect(api.setIdeaCost).not.toHaveBeenCalled();
  });

  it('shows the « cost locked » refusal (409) beside the field', async () => {
    vi.mocked(api.setIdeaCost).mockRejectedValue({
      status: 409,
      title: 'Cette idée est déjà dans des paniers : son coût ne peut plus changer.',
      errors: { cost: ['Cette idée est déjà dans des paniers : son coût ne peut plus changer.'] },
    });
    const { user } = renderWithApp(<IdeaCostEditor ideaId="i-1" cost={100} currency="EUR" />);
    const input = screen.getByLabelText('Coût estimé (EUR)');
    await user.clear(input);
    await user.type(input, '200');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le coût' }));
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(errorOf(input)).toBe('Cette idée est déjà dans des paniers : son coût ne peut plus changer.');
  });
});
