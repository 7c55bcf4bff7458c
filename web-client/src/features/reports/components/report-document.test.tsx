import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { IdeaStatus, PhaseMethod, ReportSection, type GetReportResponse } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { ReportDocument } from './report-document';

function report(overrides: Partial<GetReportResponse> = {}): GetReportResponse {
  return {
    projectId: 'p1',
    projectTitle: 'Parc du centre',
    departmentName: 'Espaces verts',
    goals: '<p>Un parc <strong>vivant</strong></p>',
    conclusions: '<p>Nous retenons les bancs.</p>',
    sections: [ReportSection.Goals, ReportSection.Timeline, ReportSection.Figures, ReportSection.Phases, ReportSection.Conclusions],
    from: '2026-01-01',
    to: '2026-03-31',
    version: 2,
    canEdit: false,
    figures: [],
    weeks: [],
    ideasByStatus: [],
    phases: [
      {
        id: 'ph1',
        title: 'Vos idées',
        method: PhaseMethod.Ideation,
        startsAt: '2026-01-05T08:00:00Z',
        endsAt: '2026-02-05T08:00:00Z',
        included: true,
        ideas: {
          total: 2,
          byStatus: [],
          items: [
            { id: 'i1', title: 'Des bancs', status: IdeaStatus.Accepted, likes: 4, comments: 1, feedback: 'Retenue.' },
            { id: 'i2', title: 'Une fontaine', status: IdeaStatus.Proposed, likes: 1, comments: 0 },
          ],
        },
      },
      {
        id: 'ph2',
        title: 'Le vote',
        method: PhaseMethod.Voting,
        startsAt: '2026-02-06T08:00:00Z',
        included: false,
      },
    ],
    ...overrides,
  };
}

describe('ReportDocument', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('shows the goals, the timeline of every phase, the results of the included phases and the conclusions', () => {
    render(
      <TestProviders>
        <ReportDocument report={report()} figures={<p>Chiffres</p>} />
      </TestProviders>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Parc du centre' })).toBeInTheDocument();
    expect(screen.getByText('vivant').tagName).toBe('STRONG');
    const timeline = screen.getByRole('table', { name: 'Calendrier des phases' });
    expect(within(timeline).getAllByRole('row')).toHaveLength(3);
    const phases = screen.getAllByTestId('report-phase');
    expect(phases).toHaveLength(1);
    const ideas = within(phases[0]).getByRole('table');
    expect(within(ideas).getByRole('row', { name: /Des bancs/ })).toHaveTextContent('Acceptée');
    expect(within(ideas).getByRole('row', { name: /Des bancs/ })).toHaveTextContent('Retenue.');
    expect(within(ideas).getByRole('row', { name: /Une fontaine/ })).toHaveTextContent('—');
    expect(screen.getByText('Nous retenons les bancs.')).toBeInTheDocument();
  });

  it('leaves out the sections not chosen', () => {
    render(
      <TestProviders>
        <ReportDocument report={report({ sections: [ReportSection.Conclusions] })} figures={<p>Chiffres</p>} />
      </TestProviders>,
    );
    expect(screen.queryByRole('heading', { name: 'Objectifs' })).not.toBeInTheDocument();
    expect(screen.queryByText('Chiffres')).not.toBeInTheDocument();
    expect(screen.queryAllByTestId('report-phase')).toHaveLength(0);
    expect(screen.getByRole('heading', { level: 3, name: 'Conclusions' })).toBeInTheDocument();
  });
});
