import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { EventForm } from './event-form';

function renderForm(onSubmit = vi.fn(), error: unknown = null) {
  render(
    <TestProviders>
      <EventForm submitLabel="Créer l’événement" pending={false} error={error} onSubmit={onSubmit} onCancel={() => {}} />
    </TestProviders>,
  );
  return { user: userEvent.setup(), onSubmit };
}

describe('EventForm', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('sends the texts, Brussels times as UTC instants, the place and the capacity', async () => {
    const { user, onSubmit } = renderForm();
    await user.type(screen.getByLabelText('Titre (FR)'), 'Balade au parc');
    await user.type(screen.getByLabelText('Description (FR)'), 'Rendez-vous à l’entrée.');
    await user.type(screen.getByLabelText(/^Début/), '2026-07-15T18:30');
    await user.type(screen.getByLabelText('Fin'), '2026-07-15T20:00');
    await user.type(screen.getByLabelText('Nom du lieu'), 'Parc Léopold');
    await user.click(screen.getByLabelText('Les habitant·es s’inscrivent'));
    await user.type(screen.getByLabelText(/Nombre de places/), '25');
    await user.click(screen.getByRole('button', { name: 'Créer l’événement' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      title: { fr: 'Balade au parc' },
      description: { fr: '<p>Rendez-vous à l’entrée.</p>' },
      startsAt: '2026-07-15T16:30:00.000Z',
      endsAt: '2026-07-15T18:00:00.000Z',
      placeName: 'Parc Léopold',
      registration: true,
      capacity: 25,
    });
  });

  it('refuses an end before the start next to the field, without sending', async () => {
    const { user, onSubmit } = renderForm();
    await user.type(screen.getByLabelText('Titre (FR)'), 'Atelier');
    await user.type(screen.getByLabelText(/^Début/), '2026-07-15T18:30');
    await user.type(screen.getByLabelText('Fin'), '2026-07-15T17:00');
    await user.click(screen.getByRole('button', { name: 'Créer l’événement' }));
    expect(await screen.findByText('La fin doit être après le début.')).toBeInTheDocument();
    expect(screen.getByLabelText('Fin')).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
