import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OnboardingStep, Role, type GetMyOnboardingChecklist, type GetMyOnboardingResponse } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { GettingStarted } from './getting-started';
import { OnboardingPanel } from './onboarding-panel';

vi.mock('@/api/client', () => ({
  api: { getMyOnboarding: vi.fn(), setOnboardingDismissed: vi.fn() },
}));

const getMyOnboarding = vi.mocked(api.getMyOnboarding);
const setOnboardingDismissed = vi.mocked(api.setOnboardingDismissed);

function checklist(dismissed = false): GetMyOnboardingChecklist {
  return {
    role: Role.Admin,
    title: 'Administrateur principal de la plateforme',
    tasks: 'Déterminer la stratégie…',
    workload: '1 heure par semaine.',
    goodToKnow: 'Vous pouvez déléguer.',
    items: [
      { step: OnboardingStep.DepartmentCreated, label: 'Créer un premier service', done: true },
      { step: OnboardingStep.DepartmentHeadJoined, label: 'Un chef de département a accepté son invitation', done: false },
    ],
    doneCount: 1,
    dismissed,
    dismissedAt: dismissed ? '2026-12-06T10:00:00Z' : undefined,
  };
}

const answer = (...checklists: GetMyOnboardingChecklist[]): GetMyOnboardingResponse => ({ checklists });

function renderIn(node: React.ReactNode) {
  render(
    <TestProviders>
      <MemoryRouter>{node}</MemoryRouter>
    </TestProviders>,
  );
  return userEvent.setup();
}

describe('GettingStarted', () => {
  beforeEach(async () => {
    getMyOnboarding.mockReset();
    setOnboardingDismissed.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('shows each role’s tasks, workload and good to know, and says in words which items are done', async () => {
    getMyOnboarding.mockResolvedValue(answer(checklist()));
    renderIn(<GettingStarted />);

    const section = await screen.findByRole('region', { name: 'Administrateur principal de la plateforme' });
    expect(within(section).getByText('1 heure par semaine.')).toBeInTheDocument();
    expect(within(section).getByText('Vous pouvez déléguer.')).toBeInTheDocument();
    expect(within(section).getByText('1 sur 2 fait(s)')).toBeInTheDocument();
    const items = within(within(section).getByRole('list', { name: /Liste de démarrage/ })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Fait Créer un premier service');
    expect(items[1]).toHaveTextContent('À faire Un chef de département a accepté son invitation');
  });

  it('puts a role’s onboarding away, and offers to show it again once put away', async () => {
    getMyOnboarding.mockResolvedValueOnce(answer(checklist())).mockResolvedValue(answer(checklist(true)));
    setOnboardingDismissed.mockResolvedValue({ role: Role.Admin, dismissed: true, dismissedAt: '2026-12-06T10:00:00Z' });
    const user = renderIn(<GettingStarted />);

    await user.click(await screen.findByRole('button', { name: /Ne plus afficher à la connexion/ }));

    expect(setOnboardingDismissed).toHaveBeenCalledWith({ role: Role.Admin, dismissed: true });
    expect(await screen.findByRole('button', { name: /Afficher à nouveau à la connexion/ })).toBeInTheDocument();
  });

  it('tells a resident there is nothing to get started with', async () => {
    getMyOnboarding.mockResolvedValue(answer());
    renderIn(<GettingStarted />);
    expect(await screen.findByText(/pas de rôle dans le personnel/)).toBeInTheDocument();
  });
});

describe('OnboardingPanel', () => {
  beforeEach(async () => {
    getMyOnboarding.mockReset();
    setOnboardingDismissed.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('shows the roles not put away, and once put away goes and hands the focus on', async () => {
    getMyOnboarding.mockResolvedValueOnce(answer(checklist())).mockResolvedValue(answer(checklist(true)));
    setOnboardingDismissed.mockResolvedValue({ role: Role.Admin, dismissed: true, dismissedAt: '2026-12-06T10:00:00Z' });
    const onDismissed = vi.fn();
    const user = renderIn(<OnboardingPanel onDismissed={onDismissed} />);

    const panel = await screen.findByRole('region', { name: 'Votre prise en main' });
    expect(panel).toHaveTextContent('Administrateur principal de la plateforme — 1 sur 2 fait(s)');
    expect(within(panel).getByRole('link', { name: 'Voir ma prise en main' })).toHaveAttribute('href', '/admin/getting-started');

    await user.click(within(panel).getByRole('button', { name: 'Ne plus afficher' }));

    expect(setOnboardingDismissed).toHaveBeenCalledWith({ role: Role.Admin, dismissed: true });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Votre prise en main' })).not.toBeInTheDocument());
    expect(onDismissed).toHaveBeenCalledTimes(1);
  });

  it('shows nothing when every role’s onboarding is put away', async () => {
    getMyOnboarding.mockResolvedValue(answer(checklist(true)));
    renderIn(<OnboardingPanel />);
    await waitFor(() => expect(getMyOnboarding).toHaveBeenCalled());
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
