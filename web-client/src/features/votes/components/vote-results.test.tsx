import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IdeaStatus } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { renderWithApp } from '@/test/idea-fixtures';
import { VoteResults } from './vote-results';

vi.mock('@/api/client', () => ({ api: { getVoteResults: vi.fn() } }));

const results = {
  phaseId: 'ph-1',
  published: true,
  ended: true,
  voters: 9,
  totalVotes: 16,
  items: [
    { ideaId: 'i-1', title: 'Un banc', status: IdeaStatus.Proposed, votes: 8, rank: 1 },
    { ideaId: 'i-2', title: 'Un potager', status: IdeaStatus.Accepted, votes: 6, rank: 2 },
    { ideaId: 'i-3', title: 'Une fontaine', status: IdeaStatus.Proposed, votes: 1, rank: 3 },
    { ideaId: 'i-4', title: 'Un kiosque', status: IdeaStatus.Proposed, votes: 1, rank: 3 },
  ],
};

describe('VoteResults', () => {
  beforeEach(async () => {
    vi.mocked(api.getVoteResults).mockReset();
    await i18n.changeLanguage('fr');
  });

  it('lists the results in a table (rank, idea, votes, share), the chart summarised in its name', async () => {
    vi.mocked(api.getVoteResults).mockResolvedValue(results);
    renderWithApp(<VoteResults projectId="p-1" phaseId="ph-1" />, '/projects/p-1/phases/ph-1/results');
    const table = await screen.findByRole('table', { name: 'Votes par idée, de la plus soutenue à la moins soutenue' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Rang', 'Idée', 'Votes', 'Part des votes']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('Un banc');
    expect(within(rows[0]).getByRole('link', { name: 'Un banc' })).toHaveAttribute('href', '/projects/p-1/ideas/i-1');
    expect(rows[0].textContent?.replace(/\s+/g, ' ')).toBe('1Un banc850 %');
    expect(rows[3].textContent?.replace(/[\s\u202f\u00a0]+/g, ' ')).toBe('3Un kiosque16,3 %');
    expect(
      screen.getByRole('img', {
        name: 'Graphique des votes par idée. En tête : 1. Un banc, 8 votes ; 2. Un potager, 6 votes ; 3. Une fontaine, 1 vote.',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('9 personnes ont voté, 16 votes au total.')).toBeInTheDocument();
    // Published and over: no note for the staff, nothing provisional.
    expect(screen.queryByText(/pas encore publics/)).not.toBeInTheDocument();
    expect(screen.queryByText(/provisoires/)).not.toBeInTheDocument();
    // The table comes first: the chart is its summary.
    expect(table.compareDocumentPosition(screen.getByRole('img')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('tells the staff the results are not public yet, and still provisional', async () => {
    vi.mocked(api.getVoteResults).mockResolvedValue({ ...results, published: false, ended: false });
    renderWithApp(<VoteResults projectId="p-1" phaseId="ph-1" />, '/projects/p-1/phases/ph-1/results');
    expect(await screen.findByText('Ces résultats ne sont pas encore publics : seule l’équipe du projet les voit.')).toBeInTheDocument();
    expect(screen.getByText('Le vote est encore ouvert : ces résultats sont provisoires.')).toBeInTheDocument();
  });

  it('says when the results will be published (403 before then)', async () => {
    vi.mocked(api.getVoteResults).mockRejectedValue({ status: 403, title: 'Les résultats seront publiés à la fin de la phase.' });
    renderWithApp(<VoteResults projectId="p-1" phaseId="ph-1" />, '/projects/p-1/phases/ph-1/results');
    expect(await screen.findByText('Les résultats seront publiés à la fin de la phase.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(api.getVoteResults).toHaveBeenCalledTimes(1);
  });
});
