import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CalendarEventStatus, type CalendarEvent } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { UpcomingEvents } from './upcoming-events';

vi.mock('@/api/client', () => ({ api: { listCalendarEvents: vi.fn() } }));

const list = vi.mocked(api.listCalendarEvents);

const event: CalendarEvent = {
  id: 'e-1',
  title: { fr: 'Balade au parc', nl: 'Wandeling' },
  description: {},
  startsAt: '2099-07-15T16:30:00Z',
  endsAt: '2099-07-15T18:00:00Z',
  placeName: 'Parc Léopold',
  registration: true,
  capacity: 10,
  registeredCount: 10,
  waitingCount: 1,
  placesLeft: 0,
  status: CalendarEventStatus.Scheduled,
  canEdit: false,
  webUrl: 'http://localhost:5173/events/e-1',
};

function renderBlock(projectId?: string) {
  return render(
    <TestProviders>
      <MemoryRouter>
        <UpcomingEvents projectId={projectId} />
      </MemoryRouter>
    </TestProviders>,
  );
}

describe('UpcomingEvents', () => {
  beforeEach(async () => {
    list.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('lists the next events with their date in Brussels time, links and the platform feed', async () => {
    list.mockResolvedValue({ items: [event] });
    renderBlock();
    expect(await screen.findByRole('link', { name: 'Balade au parc' })).toHaveAttribute('href', '/events/e-1');
    expect(screen.getByText('mercredi 15 juillet 2099, 18:30 – 20:00')).toBeInTheDocument();
    expect(screen.getByText('Complet : liste d’attente')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'S’abonner au calendrier de la plateforme (iCal)' })).toHaveAttribute(
      'href',
      '/api/v1/events/calendar.ics?language=fr',
    );
  });

  it('says so when the platform has none, and stays hidden on a project without events', async () => {
    list.mockResolvedValue({ items: [] });
    renderBlock();
    expect(await screen.findByText('Aucun événement à venir pour le moment.')).toBeInTheDocument();
  });

  it('is hidden for a project without events', async () => {
    list.mockResolvedValue({ items: [] });
    const { container } = renderBlock('p-1');
    await vi.waitFor(() => expect(list).toHaveBeenCalled());
    await vi.waitFor(() => expect(container.querySelector('section')).toBeNull());
  });
});
