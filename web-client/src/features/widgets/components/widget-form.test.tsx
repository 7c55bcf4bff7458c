import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WidgetLanguage, WidgetLayout, WidgetSelection } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { WidgetForm } from './widget-form';

const PROJECTS = [
  { id: 'p-1', label: 'Parc du centre' },
  { id: 'p-2', label: 'Bibliothèque' },
];

function renderForm(error: unknown = null) {
  const onSubmit = vi.fn();
  render(
    <TestProviders>
      <WidgetForm
        idPrefix="w"
        projects={PROJECTS}
        submitLabel="Créer le widget"
        pending={false}
        error={error}
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

describe('WidgetForm', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('says the contrast of the colours as they are typed and refuses a low one without calling the API', async () => {
    const { user, onSubmit } = renderForm();
    expect(screen.getByText(/Couleur du texte : contraste \d+,\d:1, suffisant\./)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Nom'), 'Site de la ville');
    const text = screen.getByLabelText('Couleur du texte');
    await user.clear(text);
    await user.type(text, '#777777');
    expect(screen.getByText(/Couleur du texte : contraste 4,4:1, insuffisant/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Créer le widget' }));

    expect(errorOf(text)).toMatch(/il faut au moins 4,5:1/);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the chosen projects in order, the settings and the allowed sites', async () => {
    const { user, onSubmit } = renderForm();
    await user.type(screen.getByLabelText('Nom'), 'Accueil');
    await user.click(screen.getByLabelText('Des projets choisis, dans l’ordre choisi'));
    await user.selectOptions(screen.getByLabelText('Projet à ajouter'), 'p-1');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    await user.selectOptions(screen.getByLabelText('Projet à ajouter'), 'p-2');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    await user.click(screen.getByRole('button', { name: 'Monter Bibliothèque' }));
    await user.type(screen.getByLabelText('Sites autorisés à intégrer le widget'), 'https://www.ville.be{Enter}http://localhost:8080');
    await user.click(screen.getByRole('button', { name: 'Créer le widget' }));

    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Accueil',
      selection: WidgetSelection.Chosen,
      projectIds: ['p-2', 'p-1'],
      maxItems: 6,
      language: WidgetLanguage.Fr,
      accentColour: '#1d4ed8',
      textColour: '#1f2933',
      backgroundColour: '#ffffff',
      layout: WidgetLayout.Cards,
      width: 400,
      height: 600,
      allowedOrigins: ['https://www.ville.be', 'http://localhost:8080'],
    });
  });

  it('shows the API’s refusals beside their fields', () => {
    renderForm({
      status: 400,
      title: 'One or more fields are invalid.',
      errors: { allowedOrigins: ['« http://x.be » n’est pas une origine.'], maxItems: ['Entre 1 et 12.'] },
    });

    expect(errorOf(screen.getByLabelText('Sites autorisés à intégrer le widget'))).toBe('« http://x.be » n’est pas une origine.');
    expect(errorOf(screen.getByLabelText('Nombre maximum de projets (1 à 12)'))).toBe('Entre 1 et 12.');
    expect(screen.getByRole('alert')).toHaveTextContent('Certains champs ne sont pas valides.');
  });
});
