import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { CalendarEventStatus, type CalendarEvent } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { EventCard } from './event-card';

const event: CalendarEvent = {
  id: 'e-1',
  slug: 'balade-au-parc',
  title: { fr: 'Balade au parc', nl: '' },
  projectTitle: { fr: 'Parc du centre', nl: 'Centrumpark' },
  description: {},
  startsAt: '2099-07-15T16:30:00Z',
  endsAt: '2099-07-15T18:00:00Z',
  registration: false,
  registeredCount: 0,
  waitingCount: 0,
  status: CalendarEventStatus.Scheduled,
  canEdit: false,
  webUrl: 'http://localhost:5173/nl/events/balade-au-parc',
};

afterEach(async () => {
  await i18n.changeLanguage('fr');
});

describe('an event in a list', () => {
  it('marks a title shown in French on a Dutch page with its language and « niet vertaald »', async () => {
    await i18n.changeLanguage('nl');
    render(
      <TestProviders>
        <MemoryRouter>
          <ul>
            <EventCard event={event} />
          </ul>
        </MemoryRouter>
      </TestProviders>,
    );
    expect(screen.getByRole('link', { name: 'Balade au parc (niet vertaald)' })).toHaveAttribute('href', '/events/balade-au-parc');
    expect(screen.getByText('Balade au parc')).toHaveAttribute('lang', 'fr');
    // The project's title exists in Dutch: shown as it is, without a note.
    expect(screen.getByText('Centrumpark')).not.toHaveAttribute('lang');
    expect(screen.getAllByText(/niet vertaald/)).toHaveLength(1);
  });
});
