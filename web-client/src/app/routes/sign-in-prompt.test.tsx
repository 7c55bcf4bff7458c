import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { IdeaStatus, ParticipationAction, RefusalReason } from '@contracts/participation-client';
import { ActionList } from '@/features/projects/components/actions-panel';
import { VoteToggle } from '@/features/votes/components/vote-toggle';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { SignInPromptScope } from '@/components/ui/sign-in-prompt';

const refused = (action: ParticipationAction) => ({ action, allowed: false, reason: RefusalReason.NotSignedIn });

function renderPage(active: boolean) {
  render(
    <TestProviders>
      <MemoryRouter initialEntries={['/projects/p-1']}>
        <SignInPromptScope active={active}>
          <ActionList method="voting" decisions={[refused(ParticipationAction.Vote), refused(ParticipationAction.Comment)]} phases={[]} />
          {['Des bancs', 'Un potager', 'Une fontaine'].map((title, i) => (
            <VoteToggle
              key={title}
              projectId="p-1"
              idea={{ id: `i-${i}`, title, status: IdeaStatus.Proposed }}
              decision={refused(ParticipationAction.Vote)}
            />
          ))}
        </SignInPromptScope>
      </MemoryRouter>
    </TestProviders>,
  );
}

describe('SignInPromptScope', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('asks a visitor who is not signed in once, and keeps each refusal as its button’s description', () => {
    renderPage(true);
    expect(screen.getByText('Une fois connecté·e, vous pourrez : voter et commenter.')).toBeInTheDocument();
    const prompts = screen.getAllByText('Connectez-vous pour participer.');
    expect(prompts).toHaveLength(1);
    const prompt = prompts[0].closest('p')!;
    expect(within(prompt).getByRole('link', { name: 'Se connecter' })).toHaveAttribute('href', '/login');
    expect(within(prompt).getByRole('link', { name: 'créer un compte' })).toHaveAttribute('href', '/register');
    // Not written on each card, but each disabled button still says why.
    const buttons = screen.getAllByRole('button', { name: /^Voter/ });
    expect(buttons).toHaveLength(3);
    for (const button of buttons) {
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription('Connectez-vous pour voter.');
    }
    expect(screen.queryAllByText('Connectez-vous pour voter.').filter((element) => !element.closest('[hidden]'))).toHaveLength(0);
  });

  it('without a scope, each action tells its own reason (pages that ask per action)', () => {
    renderPage(false);
    expect(screen.getAllByText('Connectez-vous pour voter.')).toHaveLength(3);
    expect(screen.queryByRole('link', { name: 'Se connecter' })).not.toBeInTheDocument();
  });
});
