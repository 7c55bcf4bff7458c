import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GetPlatformSettingsResponse } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { contrast, primaryAsText, ratio, tint } from '@/lib/colours';
import { PlatformSettingsForm } from './platform-settings-form';

const SETTINGS: GetPlatformSettingsResponse = {
  version: 3,
  name: 'Ville de Belleville',
  languages: ['fr', 'nl', 'en'],
  defaultLanguage: 'fr',
  primaryColour: '#1d4e89',
  textOnPrimaryColour: '#ffffff',
  updatedAt: '2026-12-01T10:00:00Z',
  defaults: {
    map: {
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap',
      latitude: 50.8,
      longitude: 4.3,
      zoom: 13,
      addressSearch: false,
    },
    emailFromName: 'Participation',
    emailFromAddress: 'no-reply@participation.local',
  },
};

function renderForm(error: unknown = null, onReload = vi.fn()) {
  const onSubmit = vi.fn();
  render(
    <TestProviders>
      <PlatformSettingsForm
        settings={SETTINGS}
        pending={false}
        error={error}
        saved={false}
        onSubmit={onSubmit}
        onResetError={() => {}}
        onReload={onReload}
      />
    </TestProviders>,
  );
  return { user: userEvent.setup(), onSubmit, onReload };
}

function errorOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('colours', () => {
  it('computes WCAG contrast and the tint the styles derive', () => {
    expect(ratio(contrast('#ffffff', '#000000')!)).toBe(21);
    expect(ratio(contrast('#777777', '#ffffff')!)).toBe(4.4);
    expect(tint('#000000')).toBe('#e6e6e6');
    expect(primaryAsText('#7fb3ff')!).toBeLessThan(4.5);
  });
});

describe('PlatformSettingsForm', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('shows the contrast live and refuses a low one next to the field without calling the API', async () => {
    const { user, onSubmit } = renderForm();
    expect(screen.getByText(/Texte sur la couleur principale : contraste \d+,\d:1 \(suffisant\)/)).toBeInTheDocument();

    const text = screen.getByLabelText('Couleur du texte sur la couleur principale');
    await user.clear(text);
    await user.type(text, '#777777');
    expect(screen.getByText(/Texte sur la couleur principale : contraste \d,\d:1, insuffisant/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));

    expect(errorOf(text)).toMatch(/il faut au moins 4,5:1/);
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('keeps the default language among the languages offered', async () => {
    const { user, onSubmit } = renderForm();
    await user.click(screen.getByLabelText('Français'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));

    expect(errorOf(screen.getByLabelText('Langue par défaut'))).toMatch(/une des langues proposées/);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the settings with the version it was given, empty values left to the configuration', async () => {
    const { user, onSubmit } = renderForm();
    const name = screen.getByLabelText('Nom de la plateforme');
    await user.clear(name);
    await user.type(name, '  Ville de Lumière ');
    await user.click(screen.getByLabelText('English'));
    const primary = screen.getByLabelText('Couleur principale');
    await user.clear(primary);
    await user.type(primary, '#0b5d1e');
    await user.type(screen.getByLabelText('Adresse de contact'), 'contact@city.example');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));

    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        version: 3,
        name: 'Ville de Lumière',
        languages: ['fr', 'nl'],
        defaultLanguage: 'fr',
        primaryColour: '#0b5d1e',
        contactEmail: 'contact@city.example',
        mapTileUrl: undefined,
        emailFromAddress: undefined,
      }),
    );
  });

  it('shows the API’s field errors next to the fields', () => {
    renderForm({
      status: 400,
      title: 'Bad request',
      errors: { mapTileUrl: ['Une adresse https avec {z}, {x} et {y}.'], contactEmail: ['Adresse invalide.'] },
    });

    expect(errorOf(screen.getByLabelText('Adresse du serveur de tuiles'))).toBe('Une adresse https avec {z}, {x} et {y}.');
    expect(errorOf(screen.getByLabelText('Adresse de contact'))).toBe('Adresse invalide.');
    expect(screen.getByRole('link', { name: 'Adresse du serveur de tuiles' })).toHaveAttribute('href', '#platform-mapTileUrl');
  });

  it('offers to reload after someone else saved meanwhile', async () => {
    const onReload = vi.fn();
    const { user } = renderForm({ status: 409, title: 'Conflict', detail: 'stale' }, onReload);

    expect(screen.getByText(/Quelqu’un a modifié les paramètres entre-temps/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Recharger les paramètres' }));
    expect(onReload).toHaveBeenCalled();
  });
});
