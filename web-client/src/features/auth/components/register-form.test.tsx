import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { RegisterForm } from './register-form';

vi.mock('@/api/client', () => ({
  api: { register: vi.fn(), getCurrentTerms: vi.fn().mockResolvedValue({ version: '1', publishedAt: '2026-01-01T00:00:00Z' }) },
}));

const register = vi.mocked(api.register);

function renderForm() {
  render(
    <TestProviders>
      <MemoryRouter>
        <RegisterForm />
      </MemoryRouter>
    </TestProviders>,
  );
}

async function fillValidForm() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/Prénom/), 'Amélie');
  await user.type(screen.getByLabelText(/^Nom/), 'Dupont');
  await user.type(screen.getByLabelText(/Adresse e-mail/), 'amelie@example.test');
  await user.type(screen.getByLabelText(/^Mot de passe/), 'correct horse battery');
  await user.click(await screen.findByRole('checkbox', { name: /J’accepte les conditions d’utilisation \(version 1\)/ }));
  return user;
}

function errorOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('RegisterForm', () => {
  beforeEach(async () => {
    register.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('shows the API field errors beside the right fields', async () => {
    register.mockRejectedValue({
      status: 400,
      title: 'One or more fields are invalid.',
      errors: { email: ['Not a valid e-mail address.'], lastName: ['Must not contain control characters.'] },
    });
    renderForm();
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    const email = screen.getByLabelText(/Adresse e-mail/);
    expect(await screen.findByText('Not a valid e-mail address.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(email)).toBe('Not a valid e-mail address.');

    const lastName = screen.getByLabelText(/^Nom/);
    expect(lastName).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(lastName)).toBe('Must not contain control characters.');

    const firstName = screen.getByLabelText(/Prénom/);
    expect(firstName).not.toHaveAttribute('aria-invalid');

    expect(screen.getByRole('alert')).toHaveTextContent('Certains champs ne sont pas valides.');
    expect(register).toHaveBeenCalledWith({
      firstName: 'Amélie',
      lastName: 'Dupont',
      email: 'amelie@example.test',
      password: 'correct horse battery',
      locale: 'fr',
      newsletterConsent: false,
      acceptedTermsVersion: '1',
    });
  });

  it('asks for newsletter consent as an opt-in, unchecked by default', async () => {
    register.mockResolvedValue({ id: 'u1' });
    renderForm();
    const user = await fillValidForm();
    const consent = screen.getByRole('checkbox', { name: /nouvelles de la plateforme/ });
    expect(consent).not.toBeChecked();
    await user.click(consent);
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));
    expect(register).toHaveBeenCalledWith(expect.objectContaining({ newsletterConsent: true }));
  });

  it('explains a 409 on the e-mail field', async () => {
    register.mockRejectedValue({
      status: 409,
      title: 'An account already exists for this e-mail address.',
      errors: { email: ['An account already exists for this e-mail address.'] },
    });
    renderForm();
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    const email = screen.getByLabelText(/Adresse e-mail/);
    await vi.waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(errorOf(email)).toBe('Un compte existe déjà avec cette adresse e-mail.');
    expect(screen.getByRole('alert')).toHaveTextContent('Un compte existe déjà avec cette adresse e-mail.');
  });

  it('checks the password length before calling the API', async () => {
    renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Prénom/), 'Amélie');
    await user.type(screen.getByLabelText(/^Nom/), 'Dupont');
    await user.type(screen.getByLabelText(/Adresse e-mail/), 'amelie@example.test');
    await user.type(screen.getByLabelText(/^Mot de passe/), 'short');
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    const password = screen.getByLabelText(/^Mot de passe/);
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password.getAttribute('aria-describedby')).toContain('register-password-hint');
    expect(errorOf(password)).toBe('Le mot de passe doit compter au moins 12 caractères.');
    expect(register).not.toHaveBeenCalled();
  });

  it('asks to check the mailbox once registered, in the chosen language', async () => {
    register.mockResolvedValue({ id: '0199' });
    renderForm();
    const user = await fillValidForm();
    await user.selectOptions(screen.getByLabelText('Langue de la plateforme et des e-mails'), 'nl');
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    expect(await screen.findByRole('heading', { name: 'Vérifiez votre boîte de réception' })).toHaveFocus();
    expect(screen.getByText(/amelie@example\.test/)).toBeInTheDocument();
    expect(register).toHaveBeenCalledWith(expect.objectContaining({ locale: 'nl' }));
  });

  it('asks to accept the terms of use before calling the API', async () => {
    renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Prénom/), 'Amélie');
    await user.type(screen.getByLabelText(/^Nom/), 'Dupont');
    await user.type(screen.getByLabelText(/Adresse e-mail/), 'amelie@example.test');
    await user.type(screen.getByLabelText(/^Mot de passe/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    expect(register).not.toHaveBeenCalled();
    const terms = await screen.findByRole('checkbox', { name: /J’accepte les conditions d’utilisation/ });
    expect(terms).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(terms)).toBe('Acceptez les conditions d’utilisation pour créer votre compte.');
  });
});
