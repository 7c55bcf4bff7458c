import { describe, expect, it } from 'vitest';
import { PhaseMethod } from '@contracts/participation-client';
import { phaseResultsPath, resultsReadable } from './phase-results';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const phase = (over: Partial<Parameters<typeof resultsReadable>[0]> = {}) => ({
  method: PhaseMethod.Voting,
  settings: {},
  startsAt: '2026-03-01T00:00:00Z',
  endsAt: '2026-03-20T00:00:00Z',
  ...over,
});

describe('resultsReadable', () => {
  it('opens a running phase’s results to its staff, and to everyone once published', () => {
    expect(resultsReadable(phase(), true, NOW)).toBe(true);
    expect(resultsReadable(phase(), false, NOW)).toBe(false);
    expect(resultsReadable(phase({ settings: { resultsPublic: true } }), false, NOW)).toBe(true);
  });

  it('opens them to everyone when the phase is over', () => {
    expect(resultsReadable(phase({ method: PhaseMethod.Budgeting, endsAt: '2026-03-05T00:00:00Z' }), false, NOW)).toBe(true);
  });

  it('opens a survey’s or poll’s results to residents only once published, even after the phase', () => {
    const over = { endsAt: '2026-03-05T00:00:00Z' };
    expect(resultsReadable(phase({ method: PhaseMethod.Survey, ...over }), false, NOW)).toBe(false);
    expect(resultsReadable(phase({ method: PhaseMethod.Poll, ...over }), true, NOW)).toBe(true);
    expect(resultsReadable(phase({ method: PhaseMethod.Survey, settings: { resultsPublic: true } }), false, NOW)).toBe(true);
  });

  it('has nothing to show for a phase not started, nor for other methods', () => {
    expect(resultsReadable(phase({ startsAt: '2026-04-01T00:00:00Z', endsAt: undefined }), true, NOW)).toBe(false);
    expect(resultsReadable(phase({ method: PhaseMethod.Ideation, endsAt: '2026-03-05T00:00:00Z' }), true, NOW)).toBe(false);
  });

  it('links to the phase’s results page', () => {
    expect(phaseResultsPath('p-1', 'ph-1')).toBe('/projects/p-1/phases/ph-1/results');
  });
});
