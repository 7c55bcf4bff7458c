import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListOperatorAuditEntry } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { operatorActionLabel } from './audit-entry';
import { OperatorAudit } from './operator-audit';

const calls = vi.hoisted(() => ({ listOperatorAudit: vi.fn() }));

vi.mock('@contracts/participation-client', () => ({
  ParticipationClient: class {
    listOperatorAudit = calls.listOperatorAudit;
  },
}));

const olivia = { id: 'o1', email: 'olivia@vendor.test', displayName: 'Olivia' };
const paul = { id: 'o2', email: 'paul@vendor.test', displayName: 'Paul' };
const liege = { id: 'c1', name: 'Liège' };

const entry = (action: string, details: unknown, city?: typeof liege): ListOperatorAuditEntry => ({
  id: `${action}-${Math.random()}`,
  at: '2026-12-07T10:00:00Z',
  action,
  operator: olivia,
  city,
  details,
});

describe('the operators’ log', () => {
  beforeEach(async () => {
    calls.listOperatorAudit.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('says each action and its details in words, never as codes or JSON', async () => {
    calls.listOperatorAudit.mockResolvedValue({
      items: [
        entry(
          'city.created',
          {
            slug: 'liege',
            name: 'Liège',
            domains: ['participation.liege.be', 'liege.test'],
            languages: ['fr', 'nl'],
            defaultLanguage: 'fr',
            adminEmail: 'admin@liege.be',
            invitationId: 'inv-1',
          },
          liege,
        ),
        entry('city.suspended', { from: 'active', to: 'suspended' }, liege),
        entry('city.domains_changed', { before: ['liege.test'], after: [] }, liege),
        entry('operator.role_changed', { target: paul, from: 'support', to: 'operator' }),
        entry('operator.created', { target: paul, role: 'support' }),
        entry('operator.password_set', { target: paul }),
        entry('support.session_opened', { grantId: 'g-1', userId: 'u-1' }, liege),
        entry('operator.signed_in', {}),
        entry('something.new', { colour: 'blue' }),
      ],
    });
    render(
      <TestProviders>
        <OperatorAudit />
      </TestProviders>,
    );

    const table = await screen.findByRole('table', { name: 'Ce que l’équipe de l’éditeur a fait, du plus récent au plus ancien' });
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (i: number) => within(rows[i]).getAllByRole('cell');
    expect(cells(0)[2]).toHaveTextContent('Ville créée');
    expect(cells(0)[4]).toHaveTextContent('Identifiant : liege');
    expect(cells(0)[4]).toHaveTextContent('Adresses : participation.liege.be, liege.test');
    expect(cells(0)[4]).toHaveTextContent('Langues : fr, nl (par défaut : fr)');
    expect(cells(0)[4]).toHaveTextContent('Premier administrateur invité : admin@liege.be');
    expect(cells(0)[4]).not.toHaveTextContent('inv-1');
    expect(cells(1)[2]).toHaveTextContent('Ville suspendue');
    expect(cells(1)[4]).toHaveTextContent('Statut : active → suspendue');
    expect(cells(2)[4]).toHaveTextContent('Adresses : liege.test → aucune');
    expect(cells(3)[2]).toHaveTextContent('Rôle changé');
    expect(cells(3)[4]).toHaveTextContent('Personne : Paul (paul@vendor.test)');
    expect(cells(3)[4]).toHaveTextContent('Rôle : support → opérateur');
    expect(cells(4)[4]).toHaveTextContent('Rôle : support');
    expect(cells(5)[2]).toHaveTextContent('Nouveau mot de passe donné');
    expect(cells(6)[2]).toHaveTextContent('Session d’assistance ouverte');
    expect(cells(6)[3]).toHaveTextContent('Liège');
    expect(cells(6)[4]).toBeEmptyDOMElement();
    expect(cells(7)[2]).toHaveTextContent('Connexion à la console');
    // What this version does not know is shown as the API wrote it, not dropped.
    expect(cells(8)[2]).toHaveTextContent('something.new');
    expect(cells(8)[4]).toHaveTextContent('colour : blue');
    expect(table).not.toHaveTextContent('{');
    expect(table).not.toHaveTextContent('city.created');
  });

  it('speaks Dutch too', async () => {
    await i18n.changeLanguage('nl');
    calls.listOperatorAudit.mockResolvedValue({ items: [entry('operator.disabled', { target: paul, role: 'support' })] });
    render(
      <TestProviders>
        <OperatorAudit />
      </TestProviders>,
    );
    const table = await screen.findByRole('table');
    expect(table).toHaveTextContent('Toegang tot de console ingetrokken');
    expect(table).toHaveTextContent('Persoon: Paul (paul@vendor.test)');
  });

  it('names the steps of a console invitation in words, in each language', async () => {
    const steps = ['operator.invited', 'operator.invitation_resent', 'operator.invitation_revoked', 'operator.invitation_accepted'];
    calls.listOperatorAudit.mockResolvedValue({ items: steps.map((action) => entry(action, { target: paul, role: 'support' })) });
    render(
      <TestProviders>
        <OperatorAudit />
      </TestProviders>,
    );
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[2].textContent)).toEqual([
      'Personne invitée dans la console',
      'Invitation à la console renvoyée',
      'Invitation à la console retirée',
      'Invitation acceptée, mot de passe choisi',
    ]);
    expect(rows[0]).toHaveTextContent('Personne : Paul (paul@vendor.test)');
    for (const language of ['nl', 'en'])
      for (const action of steps) expect(operatorActionLabel(i18n.getFixedT(language), action)).not.toBe(action);
  });
});
