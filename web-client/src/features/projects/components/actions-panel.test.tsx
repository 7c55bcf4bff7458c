import { act, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { ParticipationAction, RefusalReason, type ActionPolicyDecision } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { ActionList } from './actions-panel';

function renderList(method: string | undefined, decisions: ActionPolicyDecision[], resend = false) {
  render(
    <MemoryRouter initialEntries={['/projects/p-1']}>
      <ActionList
        method={method}
        decisions={decisions}
        phases={[]}
        resendAction={resend ? <button type="button">Renvoyer</button> : undefined}
      />
    </MemoryRouter>,
  );
}

describe('ActionList', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('asks an anonymous visitor to log in, with links', () => {
    renderList('ideation', [
      { action: ParticipationAction.PostIdea, allowed: false, reason: RefusalReason.NotSignedIn },
      { action: ParticipationAction.Comment, allowed: false, reason: RefusalReason.NotSignedIn },
      { action: ParticipationAction.React, allowed: false, reason: RefusalReason.NotSignedIn },
    ]);
    expect(screen.getByText(/recueille les idées des habitants/)).toBeInTheDocument();
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Proposer une idée');
    expect(items[0]).toHaveTextContent('Pas possible');
    expect(items[0]).toHaveTextContent('Connectez-vous pour participer.');
    expect(within(items[0]).getByRole('link', { name: 'Se connecter pour participer' })).toHaveAttribute('href', '/login');
    expect(within(items[0]).getByRole('link', { name: 'créer un compte' })).toHaveAttribute('href', '/register');
  });

  it('explains an unconfirmed address and offers to resend the link', () => {
    renderList('voting', [{ action: ParticipationAction.Vote, allowed: false, reason: RefusalReason.EmailNotConfirmed }], true);
    expect(screen.getByText('Voter')).toBeInTheDocument();
    expect(screen.getByText('Confirmez d’abord votre adresse e-mail avec le lien que nous vous avons envoyé.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Renvoyer' })).toBeInTheDocument();
  });

  it('translates every reason the API gives', () => {
    // not_signed_in and email_not_confirmed have their own tests above (with their links).
    const reasons: [RefusalReason, string][] = [
      [RefusalReason.NotPermitted, 'Cette action est réservée à l’équipe du projet.'],
      [RefusalReason.PhaseNotActive, 'Cette phase n’est pas en cours.'],
      [RefusalReason.ProjectArchived, 'Ce projet est archivé : on peut le consulter, mais plus y participer.'],
      [RefusalReason.LimitReached, 'Vous avez atteint la limite prévue pour cette phase.'],
      [RefusalReason.AlreadyResponded, 'Vous avez déjà répondu. Merci !'],
      [RefusalReason.Blocked, 'Votre compte ne peut pas participer pour le moment : un administrateur l’a bloqué.'],
    ];
    renderList(
      'survey',
      reasons.map(([reason]) => ({ action: ParticipationAction.Answer, allowed: false, reason })),
    );
    for (const [, text] of reasons) expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('names budgeting votes as baskets and says what is allowed', () => {
    renderList('budgeting', [
      { action: ParticipationAction.Vote, allowed: true },
      { action: ParticipationAction.Comment, allowed: true },
    ]);
    expect(screen.getByText('Soumettre un panier')).toBeInTheDocument();
    expect(screen.getAllByText('Possible')).toHaveLength(2);
  });

  it('says so when no phase is running, and for an information phase', () => {
    renderList(undefined, []);
    expect(screen.getByText('Aucune phase n’est en cours : il n’y a rien à faire pour le moment.')).toBeInTheDocument();
  });

  it('translates the reasons in Dutch and English too', async () => {
    await i18n.changeLanguage('nl');
    renderList('ideation', [{ action: ParticipationAction.PostIdea, allowed: false, reason: RefusalReason.NotSignedIn }]);
    expect(screen.getByText('Log in om deel te nemen.')).toBeInTheDocument();
    await act(() => i18n.changeLanguage('en'));
    expect(await screen.findByText('Log in to take part.')).toBeInTheDocument();
  });
});
