import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CalendarEventStatus, RegistrationStatus, type CalendarEvent } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { RegistrationPanel } from './registration-panel';

vi.mock('@/api/client', () => ({
  api: { registerForCalendarEvent: vi.fn(), cancelCalendarEventRegistration: vi.fn() },
}));

const register = vi.mocked(api.registerForCalendarEvent);
const unregister = vi.mocked(api.cancelCalendarEventRegistration);

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: 'e-1',
  title: { fr: 'Balade au parc' },
  description: {},
  startsAt: '2099-07-15T16:30:00Z',
  endsAt: '2099-07-15T18:00:00Z',
  registration: true,
  capacity: 10,
  registeredCount: 7,
  waitingCount: 0,
  placesLeft: 3,
  status: CalendarEventStatus.Scheduled,
  canEdit: false,
  webUrl: 'http://localhost:5173/events/e-1',
  ...over,
});

function renderPanel(e: CalendarEvent, signedIn = true) {
  render(
    <TestProviders>
      <MemoryRouter>
        <RegistrationPanel event={e} signedIn={signedIn} />
      </MemoryRouter>
    </TestProviders>,
  );
  return userEvent.setup();
}

describe('RegistrationPanel', () => {
  beforeEach(async () => {
    register.mockReset();
    unregister.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('shows the places left and registers with the keyboard', async () => {
    register.mockResolvedValue({ status: RegistrationStatus.Registered });
    const user = renderPanel(event());
    expect(screen.getByText('3 places restantes sur 10.')).toBeInTheDocument();
    await user.tab();
    expect(screen.getByRole('button', { name: 'M’inscrire' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(register).toHaveBeenCalledWith('e-1'));
  });

  it('offers the waiting list when full and tells a waiting person their position', () => {
    renderPanel(event({ placesLeft: 0, registeredCount: 10, waitingCount: 2 }));
    expect(screen.getByRole('button', { name: 'M’inscrire sur la liste d’attente' })).toBeInTheDocument();
    expect(screen.getByText(/2 personnes en liste d’attente/)).toBeInTheDocument();
  });

  it('lets a waiting person leave the list', async () => {
    unregister.mockResolvedValue(undefined);
    const user = renderPanel(
      event({
        placesLeft: 0,
        registeredCount: 10,
        waitingCount: 1,
        myRegistration: { status: RegistrationStatus.Waiting, waitingPosition: 1 },
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Vous êtes en liste d’attente (position 1).');
    await user.click(screen.getByRole('button', { name: 'Quitter la liste d’attente' }));
    await waitFor(() => expect(unregister).toHaveBeenCalledWith('e-1'));
  });

  it('asks visitors to log in and says nothing for events without registration or cancelled', () => {
    renderPanel(event(), false);
    expect(screen.getByRole('link', { name: 'Connectez-vous pour vous inscrire' })).toHaveAttribute('href', '/login');
  });

  it('renders nothing for a cancelled event', () => {
    renderPanel(event({ status: CalendarEventStatus.Cancelled }));
    expect(screen.queryByRole('heading', { name: 'Inscription' })).not.toBeInTheDocument();
  });
});
