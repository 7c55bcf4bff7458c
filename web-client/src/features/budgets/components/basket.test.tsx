import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { ParticipationAction, RefusalReason, type ActionPolicyDecision, type BasketView } from '@contracts/participation-client';
import { api } from '@/api/client';
import { sessionStore } from '@/lib/auth/session-store';
import { formatMoney } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { renderWithApp } from '@/test/idea-fixtures';
import { basketRefusal } from '../api/budgets';
import { BasketPanel } from './basket-panel';
import { BasketToggle } from './basket-toggle';
import { parseCost } from './idea-cost-editor';

vi.mock('@/api/client', () => ({
  api: { getMyBasket: vi.fn(), addToBasket: vi.fn(), removeFromBasket: vi.fn(), submitBasket: vi.fn(), reopenBasket: vi.fn() },
}));

const allowed: ActionPolicyDecision = { action: ParticipationAction.Vote, allowed: true };
const ideas = [
  { id: 'i-1', title: 'Un banc', cost: 450_000 },
  { id: 'i-2', title: 'Un potager', cost: 30_000 },
  { id: 'i-3', title: 'Une fontaine', cost: 120_000 },
  { id: 'i-4', title: 'Un kiosque', cost: undefined },
];

const basket = (over: Partial<BasketView> = {}): BasketView => ({
  phaseId: 'ph-1',
  open: true,
  budget: 500_000,
  currency: 'EUR',
  total: 450_000,
  left: 50_000,
  items: 1,
  minimumSpend: 300_000,
  minimumIdeas: 2,
  lines: [{ ideaId: 'i-1', title: 'Un banc', cost: 450_000 }],
  ...over,
});

/** French money uses narrow no-break spaces: compare words, not space characters. */
const spaces = (text: string | null | undefined) => (text ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

/** The budgeting view as the project page composes it: the basket, then a card per idea. */
function BudgetingView({ decision = allowed }: { decision?: ActionPolicyDecision }) {
  return (
    <>
      <BasketPanel projectId="p-1" decision={decision} budget={500_000} currency="EUR" minimumSpend={300_000} minimumIdeas={2} />
      {ideas.map((idea) => (
        <article key={idea.id} aria-label={idea.title}>
          <BasketToggle projectId="p-1" idea={idea} decision={decision} currency="EUR" />
        </article>
      ))}
    </>
  );
}

const panel = () => screen.getByRole('region', { name: 'Mon panier' });
const card = (title: string) => screen.getByRole('article', { name: title });

describe('Basket', () => {
  beforeEach(async () => {
    for (const fn of Object.values(api) as Mock[]) fn.mockReset();
    sessionStore.setTokens({ accessToken: 'token', refreshToken: 'refresh' });
    await i18n.changeLanguage('fr');
  });

  afterEach(() => sessionStore.clear());

  it('shows the total against the budget in words and as a meter, the lines and the minimums', async () => {
    vi.mocked(api.getMyBasket).mockResolvedValue(basket());
    renderWithApp(<BudgetingView />, '/projects/p-1');
    await waitFor(() =>
      expect(spaces(document.getElementById('basket-total')?.textContent)).toBe('Total : 450 000 € sur 500 000 € — reste 50 000 €'),
    );
    expect(document.getElementById('basket-total')).toHaveAttribute('role', 'status');
    const meter = panel().querySelector('meter')!;
    expect(meter).toHaveAttribute('value', '450000');
    expect(meter).toHaveAttribute('max', '500000');
    expect(spaces(panel().textContent)).toContain('Dépensez au moins 300 000 € pour pouvoir envoyer votre panier.');
    expect(panel()).toHaveTextContent('Choisissez au moins 2 idées.');
    const lines = within(panel()).getByRole('list', { name: 'Idées dans mon panier (1)' });
    expect(within(lines).getByRole('link', { name: 'Un banc' })).toHaveAttribute('href', '/projects/p-1/ideas/i-1');
    expect(spaces(lines.textContent)).toContain('450 000 €');
  });

  it('disables what does not fit, with the reason: over the budget left, no cost', async () => {
    vi.mocked(api.getMyBasket).mockResolvedValue(basket());
    renderWithApp(<BudgetingView />, '/projects/p-1');
    const inBasket = await within(card('Un banc')).findByRole('button', { name: 'Retirer « Un banc » de mon panier' });
    expect(inBasket).toBeEnabled();
    expect(card('Un banc')).toHaveTextContent('Dans votre panier');
    const fits = within(card('Un potager')).getByRole('button', { name: 'Ajouter au panier « Un potager »' });
    expect(fits).toBeEnabled();
    expect(spaces(card('Un potager').textContent)).toContain('Coût : 30 000 €');
    const tooDear = within(card('Une fontaine')).getByRole('button', { name: 'Ajouter au panier « Une fontaine »' });
    expect(tooDear).toBeDisabled();
    expect(tooDear).toHaveAccessibleDescription('Dépasse le budget restant');
    const noCost = within(card('Un kiosque')).getByRole('button', { name: 'Ajouter au panier « Un kiosque »' });
    expect(noCost).toBeDisabled();
    expect(noCost).toHaveAccessibleDescription('Coût non défini');
  });

  it('adds an idea: the basket and the total follow the API’s answer', async () => {
    vi.mocked(api.getMyBasket).mockResolvedValue(basket());
    vi.mocked(api.addToBasket).mockResolvedValue(
      basket({ total: 480_000, left: 20_000, items: 2, lines: [...basket().lines, { ideaId: 'i-2', title: 'Un potager', cost: 30_000 }] }),
    );
    const { user } = renderWithApp(<BudgetingView />, '/projects/p-1');
    const add = await within(card('Un potager')).findByRole('button', { name: 'Ajouter au panier « Un potager »' });
    await user.click(add);
    expect(api.addToBasket).toHaveBeenCalledWith('p-1', 'i-2');
    await waitFor(() =>
      expect(spaces(document.getElementById('basket-total')?.textContent)).toBe('Total : 480 000 € sur 500 000 € — reste 20 000 €'),
    );
    expect(add).toHaveAccessibleName('Retirer « Un potager » de mon panier');
    expect(add).toHaveFocus();
    expect(within(panel()).getByRole('list', { name: 'Idées dans mon panier (2)' })).toBeInTheDocument();
  });

  it('submits the basket, then reopens it: one Idempotency-Key per press, the cards locked while it is sent', async () => {
    vi.mocked(api.getMyBasket).mockResolvedValue(basket());
    vi.mocked(api.submitBasket).mockResolvedValue(basket({ submittedAt: '2026-03-10T14:05:00Z' }));
    vi.mocked(api.reopenBasket).mockResolvedValue(basket());
    const { user } = renderWithApp(<BudgetingView />, '/projects/p-1');
    const send = await within(panel()).findByRole('button', { name: 'Envoyer mon panier' });
    await user.click(send);
    expect(api.submitBasket).toHaveBeenCalledTimes(1);
    const [projectId, firstKey] = vi.mocked(api.submitBasket).mock.calls[0];
    expect(projectId).toBe('p-1');
    expect(firstKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    await waitFor(() => expect(send).toHaveAccessibleName('Rouvrir mon panier'));
    expect(send).toHaveFocus();
    expect(
      within(panel())
        .getAllByRole('status')
        .some((s) => /Panier envoyé le 10 mars 2026/.test(s.textContent ?? '')),
    ).toBe(true);
    expect(within(panel()).queryByRole('button', { name: /^Retirer/ })).not.toBeInTheDocument();
    const locked = within(card('Un potager')).getByRole('button', { name: 'Ajouter au panier « Un potager »' });
    expect(locked).toBeDisabled();
    expect(locked).toHaveAccessibleDescription('Votre panier est envoyé : rouvrez-le pour le modifier.');

    await user.click(send);
    expect(api.reopenBasket).toHaveBeenCalledTimes(1);
    const [, secondKey] = vi.mocked(api.reopenBasket).mock.calls[0];
    expect(secondKey).not.toBe(firstKey);
    await waitFor(() => expect(send).toHaveAccessibleName('Envoyer mon panier'));
    expect(within(panel()).getByText('Votre panier est rouvert : modifiez-le, puis envoyez-le à nouveau.')).toBeInTheDocument();
    expect(within(card('Un potager')).getByRole('button', { name: 'Ajouter au panier « Un potager »' })).toBeEnabled();
  });

  it('shows the API’s refusal (409) in an alert', async () => {
    vi.mocked(api.getMyBasket).mockResolvedValue(basket());
    vi.mocked(api.submitBasket).mockRejectedValue({ status: 409, title: 'Choisissez au moins 2 idées avant d’envoyer votre panier.' });
    const { user } = renderWithApp(<BudgetingView />, '/projects/p-1');
    await user.click(await within(panel()).findByRole('button', { name: 'Envoyer mon panier' }));
    expect(await within(panel()).findByRole('alert')).toHaveTextContent('Choisissez au moins 2 idées avant d’envoyer votre panier.');
    expect(within(panel()).getByRole('button', { name: 'Envoyer mon panier' })).toBeInTheDocument();
  });

  it('removes a line from the panel and brings the focus back to the basket’s title', async () => {
    vi.mocked(api.getMyBasket).mockResolvedValue(basket());
    vi.mocked(api.removeFromBasket).mockResolvedValue(basket({ total: 0, left: 500_000, items: 0, lines: [] }));
    const { user } = renderWithApp(<BudgetingView />, '/projects/p-1');
    await user.click(await within(panel()).findByRole('button', { name: 'Retirer « Un banc » de mon panier' }));
    expect(api.removeFromBasket).toHaveBeenCalledWith('p-1', 'i-1');
    await waitFor(() => expect(panel()).toHaveTextContent('Votre panier est vide : ajoutez des idées depuis la liste.'));
    expect(screen.getByRole('heading', { name: 'Mon panier' })).toHaveFocus();
    expect(within(panel()).getByText('« Un banc » a été retirée de votre panier.')).toBeInTheDocument();
    expect(spaces(document.getElementById('basket-total')?.textContent)).toBe('Total : 0 € sur 500 000 € — reste 500 000 €');
  });

  it('tells a visitor the budget and how to take part, without asking for a basket', () => {
    sessionStore.clear();
    renderWithApp(
      <BudgetingView decision={{ action: ParticipationAction.Vote, allowed: false, reason: RefusalReason.NotSignedIn }} />,
      '/projects/p-1',
    );
    expect(spaces(panel().textContent)).toContain('Budget : 500 000 €');
    expect(panel()).toHaveTextContent('Connectez-vous pour composer votre panier.');
    expect(within(panel()).getByRole('link', { name: 'Se connecter pour composer un panier' })).toBeInTheDocument();
    expect(within(card('Un potager')).getByRole('button', { name: 'Ajouter au panier « Un potager »' })).toBeDisabled();
    expect(api.getMyBasket).not.toHaveBeenCalled();
  });
});

describe('budget helpers', () => {
  it('formats money in the UI language and the phase currency', () => {
    expect(spaces(formatMoney(450_000, 'EUR', 'fr'))).toBe('450 000 €');
    expect(formatMoney(450_000, 'EUR', 'en')).toBe('€450,000');
    expect(spaces(formatMoney(12.5, 'EUR', 'nl'))).toBe('€ 12,50');
    expect(spaces(formatMoney(1000, 'CHF', 'fr'))).toBe('1 000 CHF');
  });

  it('says why an idea cannot go into the basket', () => {
    expect(basketRefusal(allowed, basket(), 30_000)).toBeNull();
    expect(basketRefusal(allowed, basket(), 60_000)).toBe('over_budget');
    expect(basketRefusal(allowed, basket(), undefined)).toBe('no_cost');
    expect(basketRefusal(allowed, basket({ submittedAt: '2026-03-10T14:05:00Z' }), 1)).toBe('submitted');
    expect(basketRefusal(allowed, basket({ open: false }), 1)).toBe('phase_not_active');
    expect(basketRefusal({ action: ParticipationAction.Vote, allowed: false, reason: RefusalReason.EmailNotConfirmed }, basket(), 1)).toBe(
      'email_not_confirmed',
    );
  });

  it('reads a cost typed with a comma or a point, and refuses the rest', () => {
    expect(parseCost('')).toBeUndefined();
    expect(parseCost('12,50')).toBe(12.5);
    expect(parseCost('450 000')).toBe(450000);
    expect(parseCost('-1')).toBeNaN();
    expect(parseCost('1.234')).toBeNaN();
    expect(parseCost('abc')).toBeNaN();
  });
});
