import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ProjectSetupStep, type ProjectSetupView } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { ProjectSetupPanel } from './project-setup-panel';

vi.mock('@/api/client', () => ({
  api: { saveProjectSetup: vi.fn(), getProjectSetup: vi.fn() },
}));

const saveProjectSetup = vi.mocked(api.saveProjectSetup);
const getProjectSetup = vi.mocked(api.getProjectSetup);

const setup: ProjectSetupView = {
  version: 3,
  decisionProcess: 'Le plan de mobilité',
  keyDates: '',
  publicGoals: '',
  stakeholders: '',
  phases: 0,
  items: [
    { step: ProjectSetupStep.DecisionProcess, label: 'Dans quel processus de prise de décision ce projet s’inscrit-il ?', done: true },
    { step: ProjectSetupStep.KeyDates, label: 'Notez les rendez-vous importants à l’avance', done: false },
    { step: ProjectSetupStep.PublicGoals, label: 'Déterminez vos objectifs (et partagez-les !)', done: false },
    { step: ProjectSetupStep.Stakeholders, label: 'Déterminez qui sont les parties prenantes', done: false },
  ],
  doneCount: 1,
};

function renderForm() {
  render(
    <TestProviders>
      <ProjectSetupPanel projectId="p-1" />
    </TestProviders>,
  );
  return userEvent.setup();
}

describe('ProjectSetupPanel', () => {
  beforeEach(async () => {
    saveProjectSetup.mockReset();
    getProjectSetup.mockReset();
    getProjectSetup.mockResolvedValue(setup);
    await i18n.changeLanguage('fr');
  });

  it('lists the reminders with their state and saves the four answers with the version read', async () => {
    saveProjectSetup.mockResolvedValue({ ...setup, version: 4 });
    const user = renderForm();
    const items = within(await screen.findByRole('list', { name: 'Points de démarrage du projet' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Fait Dans quel processus de prise de décision ce projet s’inscrit-il ?',
      'À faire Notez les rendez-vous importants à l’avance',
      'À faire Déterminez vos objectifs (et partagez-les !)',
      'À faire Déterminez qui sont les parties prenantes',
    ]);
    expect(screen.getByLabelText('Rendez-vous importants')).toHaveAccessibleDescription(/calendrier du projet a des phases/);

    await user.type(screen.getByLabelText('Objectifs partagés avec le public'), 'Un parc pour tous');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la liste de démarrage' }));

    expect(saveProjectSetup).toHaveBeenCalledWith('p-1', {
      version: 3,
      decisionProcess: 'Le plan de mobilité',
      keyDates: '',
      publicGoals: 'Un parc pour tous',
      stakeholders: '',
    });
    // Read again after the save (the form is drawn from the new version), and the message stays.
    getProjectSetup.mockResolvedValue({ ...setup, version: 4, publicGoals: 'Un parc pour tous' });
    expect(await screen.findByText('Liste de démarrage enregistrée.')).toBeInTheDocument();
    expect(await screen.findByLabelText('Objectifs partagés avec le public')).toHaveValue('Un parc pour tous');
  });

  it('shows the API’s refusal of an answer beside its field', async () => {
    saveProjectSetup.mockRejectedValue({
      status: 400,
      title: 'One or more validation errors occurred.',
      errors: { stakeholders: ['Texte trop long.'] },
    });
    const user = renderForm();
    await user.click(await screen.findByRole('button', { name: 'Enregistrer la liste de démarrage' }));
    const field = screen.getByLabelText('Parties prenantes et leurs tâches');
    expect(await screen.findByText('Texte trop long.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });
});
