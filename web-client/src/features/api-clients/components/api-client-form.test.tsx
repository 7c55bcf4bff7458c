import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientScope, type ApiClientSecret } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { ApiClientForm } from './api-client-form';
import { requestOf, scopeKey, secretState, wholeNumber } from './api-client-rules';

function renderForm(error: unknown = null) {
  const onSubmit = vi.fn();
  render(
    <TestProviders>
      <ApiClientForm
        idPrefix="c"
        submitLabel="Créer le client"
        pending={false}
        error={error}
        onSubmit={onSubmit}
        onCancel={() => {}}
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

describe('ApiClientForm', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('explains every scope beside its checkbox', () => {
    renderForm();
    for (const scope of Object.values(ClientScope)) {
      const box = screen.getByRole('checkbox', { name: new RegExp(scope) });
      expect(box.getAttribute('aria-describedby')).toContain(`c-scope-${scopeKey(scope)}-hint`);
    }
    expect(screen.getByRole('checkbox', { name: /ideas:feedback/ })).toHaveAccessibleDescription(/Seule portée qui modifie des données/);
  });

  it('refuses a client without a scope or with a rate limit out of range, without calling the API', async () => {
    const { user, onSubmit } = renderForm();
    await user.type(screen.getByLabelText('Nom'), 'Portail open data');
    const rate = screen.getByLabelText('Limite de requêtes par minute');
    await user.clear(rate);
    await user.type(rate, '0');
    await user.click(screen.getByRole('button', { name: 'Créer le client' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(screen.getByRole('checkbox', { name: /projects:read/ }))).toBe('Choisissez au moins une portée.');
    expect(errorOf(rate)).toBe('Un nombre entier de 1 à 100000.');
    expect(screen.getByRole('alert')).toHaveTextContent('Portées');
  });

  it('sends the name, the description, the scopes in the catalogue’s order and the rate limit', async () => {
    const { user, onSubmit } = renderForm();
    await user.type(screen.getByLabelText('Nom'), '  Portail open data ');
    await user.type(screen.getByLabelText('Description (facultative)'), 'Le site open data de la ville');
    await user.click(screen.getByRole('checkbox', { name: /ideas:read/ }));
    await user.click(screen.getByRole('checkbox', { name: /projects:read/ }));
    await user.click(screen.getByRole('button', { name: 'Créer le client' }));

    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Portail open data',
      description: 'Le site open data de la ville',
      scopes: [ClientScope.ProjectsRead, ClientScope.IdeasRead],
      rateLimitPerMinute: 600,
    });
  });

  it('shows the API’s field errors beside their fields', () => {
    renderForm({ status: 409, title: 'Conflict', errors: { name: ['Un autre client d’API porte déjà ce nom.'] } });
    expect(errorOf(screen.getByLabelText('Nom'))).toBe('Un autre client d’API porte déjà ce nom.');
    expect(screen.getByRole('alert')).toHaveTextContent('Un autre client porte déjà ce nom');
  });
});

describe('API client rules', () => {
  const secret = (active: boolean, expiresAt?: string): ApiClientSecret => ({
    id: 's',
    hint: 'abcd',
    createdAt: '2026-12-01T10:00:00Z',
    expiresAt,
    active,
  });

  it('tells a secret without an end, one still in its overlap, and one no longer usable', () => {
    expect(secretState(secret(true))).toBe('active');
    expect(secretState(secret(true, '2026-12-06T10:00:00Z'))).toBe('ending');
    expect(secretState(secret(false, '2026-12-02T10:00:00Z'))).toBe('ended');
  });

  it('reads whole numbers only', () => {
    expect(wholeNumber(' 24 ')).toBe(24);
    expect(wholeNumber('0')).toBe(0);
    expect(wholeNumber('1.5')).toBeNull();
    expect(wholeNumber('-1')).toBeNull();
    expect(wholeNumber('')).toBeNull();
  });

  it('sends each scope once, in the catalogue’s order', () => {
    const request = requestOf({
      name: 'x',
      description: '',
      scopes: [ClientScope.IdeasFeedback, ClientScope.ProjectsRead],
      rateLimit: '60',
    });
    expect(request.scopes).toEqual([ClientScope.ProjectsRead, ClientScope.IdeasFeedback]);
    expect(request.rateLimitPerMinute).toBe(60);
  });
});
